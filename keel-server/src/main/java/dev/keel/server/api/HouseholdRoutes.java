package dev.keel.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.io.report.DriftReportWriter;
import dev.keel.store.access.Role;
import dev.keel.store.access.User;
import dev.keel.store.household.FolderFiles;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.HouseholdStore;
import dev.keel.store.household.ImportOutcome;
import dev.keel.store.household.StoredHousehold;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** /api/households: import, list, read, drift, transactions. */
final class HouseholdRoutes {

  private final Services services;
  private final Auth auth;
  private final HouseholdEngine engine;

  HouseholdRoutes(Services services, Auth auth, HouseholdEngine engine) {
    this.services = services;
    this.auth = auth;
    this.engine = engine;
  }

  void register(Router router) {
    router.post("/api/households", this::create);
    router.get("/api/households", this::list);
    router.get("/api/households/{id}", this::get);
    router.get("/api/households/{id}/drift", this::drift);
    router.get("/api/households/{id}/drift/history", this::history);
    router.post("/api/households/{id}/transactions", this::transactions);
  }

  private HouseholdStore households() {
    return services.store().households();
  }

  /** The five files as multipart parts (named by file name, plus an "id" field) or JSON {"id", "files": {name: text}}. */
  private void create(Context ctx) throws IOException {
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    User user = Auth.user(ctx);
    String id;
    Map<String, String> files = new LinkedHashMap<>();
    if (ctx.isMultipartFormData()) {
      id = ctx.formParam("id");
      for (UploadedFile file : ctx.uploadedFiles()) {
        String name = file.filename();
        if (!FolderFiles.NAMES.contains(name)) {
          throw ApiProblem.badRequest("files", name, "is not a household file; expected " + String.join(", ", FolderFiles.NAMES));
        }
        try (InputStream in = file.content()) {
          files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } else {
      JsonNode body = Bodies.tree(ctx);
      id = body.path("id").isTextual() ? body.path("id").asText() : null;
      JsonNode given = body.path("files");
      if (!given.isObject()) {
        throw ApiProblem.badRequest("files", null, "is missing; expected an object of file name to file text, e.g. "
            + "{\"household.yaml\": \"...\", \"policy.yaml\": \"...\"}");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!FolderFiles.NAMES.contains(e.getKey()) || !e.getValue().isTextual()) {
          throw ApiProblem.badRequest("files." + e.getKey(), null,
              "is not a household file given as text; expected " + String.join(", ", FolderFiles.NAMES));
        }
        files.put(e.getKey(), e.getValue().asText());
      }
    }
    if (id == null || !HouseholdId.isValid(id)) {
      throw ApiProblem.badRequest("id", id, "is missing or not valid; expected lower-case letters, digits, '-' or '_' (at most 64)");
    }
    ImportOutcome outcome = households().importFolder(HouseholdId.of(id), new FolderFiles(files), user.name(),
        user.role() == Role.ADVISOR ? Optional.of(user.id()) : Optional.empty());
    stored(outcome);
    ctx.header("Location", "/api/households/" + id);
    Bodies.json(ctx, 201, summary(HouseholdId.of(id)));
  }

  private void list(Context ctx) {
    User user = Auth.user(ctx);
    List<Map<String, Object>> rows = households().list().stream()
        .filter(s -> user.canSee(s.id()))
        .map(s -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", s.id().value());
          m.put("name", s.name());
          return m;
        }).toList();
    Bodies.json(ctx, 200, Map.of("households", rows));
  }

  private void get(Context ctx) {
    HouseholdId id = auth.household(ctx, ctx.pathParam("id"));
    Bodies.json(ctx, 200, summary(id));
  }

  private Map<String, Object> summary(HouseholdId id) {
    StoredHousehold stored = households().load(id, services.today()).orElseThrow();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id.value());
    m.put("name", stored.data().household().name());
    m.put("accounts", stored.data().household().accounts().stream().map(a -> a.id().value()).toList());
    m.put("policy_version", stored.policyVersion());
    m.put("execution_mode", stored.execution().modeOn(services.today()).code());
    m.put("opening_lots", stored.data().openingLots().size());
    m.put("transactions", stored.data().transactions().size());
    m.put("fingerprint", stored.fingerprint());
    return m;
  }

  /** The same JSON as {@code keel analyze --format json}, from the same writer. */
  private void drift(Context ctx) {
    HouseholdId id = auth.household(ctx, ctx.pathParam("id"));
    LocalDate asOf = Bodies.date("as_of", ctx.queryParam("as_of")).orElse(services.today());
    StoredHousehold stored = households().load(id, asOf).orElseThrow();
    DriftReport report = engine.drift(stored.data(), asOf);
    Bodies.rawJson(ctx, DriftReportWriter.json(report));
  }

  private void history(Context ctx) {
    HouseholdId id = auth.household(ctx, ctx.pathParam("id"));
    Bodies.json(ctx, 200, Map.of("household", id.value(), "drift", services.store().scanner().history(id)));
  }

  /**
   * Appends transactions given as transactions.csv text (Content-Type text/csv); with
   * {@code ?corrects=N}, one row that corrects transaction N.
   */
  private void transactions(Context ctx) {
    HouseholdId id = auth.household(ctx, ctx.pathParam("id"));
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    Optional<Integer> corrects = Optional.ofNullable(ctx.queryParam("corrects")).map(text -> {
      try {
        return Integer.valueOf(text.trim());
      } catch (NumberFormatException e) {
        throw ApiProblem.badRequest("corrects", text, "is not a transaction number");
      }
    });
    ImportOutcome outcome = households().appendTransactions(id, ctx.body(), corrects, Auth.user(ctx).name(),
        services.today());
    Bodies.json(ctx, 201, Map.of("household", id.value(), "stored", stored(outcome).rows()));
  }

  /** The stored outcome; a rejection is 422 with every problem, a conflict 409. */
  static ImportOutcome.Stored stored(ImportOutcome outcome) {
    if (outcome instanceof ImportOutcome.Rejected rejected) {
      throw ApiProblem.invalid(rejected.problems());
    }
    if (outcome instanceof ImportOutcome.Conflict conflict) {
      throw ApiProblem.of(409, "Conflict", conflict.message());
    }
    return (ImportOutcome.Stored) outcome;
  }
}
