package dev.keel.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.household.AccountId;
import dev.keel.core.problem.Problem;
import dev.keel.imports.booking.ImportPlan;
import dev.keel.imports.booking.StatementFile;
import dev.keel.store.access.Role;
import dev.keel.store.household.HouseholdId;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * POST /api/households/{id}/imports: brokerage statements (OFX/QFX, custodian CSV exports) into a
 * stored household, planned by keel-import as {@code keel import} plans them for a folder.
 */
final class ImportRoutes {

  private final Services services;
  private final Auth auth;

  ImportRoutes(Services services, Auth auth) {
    this.services = services;
    this.auth = auth;
  }

  void register(Router router) {
    router.post("/api/households/{id}/imports", this::importStatements);
  }

  /**
   * The files as multipart parts (each part's file name is the statement's name) with optional
   * fields "account" and "as_of", or JSON {"files": [{"name", "content_base64"}], "account", "as_of"}.
   * 201 when rows were added, 200 when everything was imported before, 422 with every problem.
   */
  private void importStatements(Context ctx) throws IOException {
    HouseholdId id = auth.household(ctx, ctx.pathParam("id"));
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    List<StatementFile> files = new ArrayList<>();
    String account;
    String asOf;
    if (ctx.isMultipartFormData()) {
      for (UploadedFile file : ctx.uploadedFiles()) {
        try (InputStream in = file.content()) {
          files.add(new StatementFile(file.filename(), in.readAllBytes()));
        }
      }
      account = ctx.formParam("account");
      asOf = ctx.formParam("as_of");
    } else {
      JsonNode body = Bodies.tree(ctx);
      files.addAll(jsonFiles(body.path("files")));
      account = body.path("account").isTextual() ? body.path("account").asText() : null;
      asOf = body.path("as_of").isTextual() ? body.path("as_of").asText() : null;
    }
    if (files.isEmpty()) {
      throw ApiProblem.badRequest("files", null, "are missing; expected at least one brokerage file (OFX/QFX or a "
          + "custodian's CSV export)");
    }
    Optional<AccountId> into = Optional.ofNullable(account).filter(a -> !a.isBlank()).map(a -> {
      if (!AccountId.isValid(a.trim())) {
        throw ApiProblem.badRequest("account", a, "is not an account id");
      }
      return AccountId.of(a.trim());
    });
    LocalDate date = Bodies.date("as_of", asOf).orElse(services.today());
    ImportPlan plan = services.store().statements().importStatements(id, files, into, date, Auth.user(ctx).name())
        .orElseThrow(() -> ApiProblem.notFound("household " + id));
    if (!plan.ok()) {
      throw ApiProblem.invalid(plan.problems());
    }
    Bodies.json(ctx, plan.addsNothing() ? 200 : 201, ImportAnswer.of(id, plan));
  }

  /** The JSON form's files; every bad entry is a problem, all reported at once. */
  private static List<StatementFile> jsonFiles(JsonNode given) {
    if (given.isMissingNode() || given.isNull()) {
      return List.of();
    }
    if (!given.isArray()) {
      throw ApiProblem.badRequest("files", null, "must be a list of {\"name\": ..., \"content_base64\": ...}");
    }
    List<StatementFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      JsonNode f = given.get(i);
      String field = "files[" + i + "]";
      String name = f.path("name").isTextual() ? f.path("name").asText().trim() : "";
      if (name.isEmpty()) {
        problems.add(new Problem("request", 0, field + ".name", null, "is missing; expected the file's name, e.g. "
            + "\"Accounts_History.csv\""));
      }
      if (!f.path("content_base64").isTextual()) {
        problems.add(new Problem("request", 0, field + ".content_base64", null, "is missing; expected the file's bytes "
            + "in base64"));
        continue;
      }
      try {
        // Line breaks are allowed (some encoders wrap at 76); any other character outside the alphabet is an error.
        byte[] content = Base64.getDecoder().decode(f.path("content_base64").asText().replaceAll("\\s", ""));
        if (!name.isEmpty()) {
          files.add(new StatementFile(name, content));
        }
      } catch (IllegalArgumentException e) {
        String text = f.path("content_base64").asText();
        problems.add(new Problem("request", 0, field + ".content_base64", text.length() > 40 ? text.substring(0, 40) + "..."
            : text, "is not base64"));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    return files;
  }
}
