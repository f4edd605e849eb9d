package dev.keel.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.household.AccountId;
import dev.keel.core.problem.Problem;
import dev.keel.store.access.Role;
import dev.keel.store.access.User;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.StoredHousehold;
import dev.keel.store.proposal.Decision;
import dev.keel.store.proposal.ProposalService;
import dev.keel.store.proposal.ProposalStatus;
import dev.keel.store.proposal.StoredProposal;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proposals: made on request through the engine, listed, read (with an ETag), and decided with
 * If-Match: a decision applies only to the version the decider saw; a stale version is 409 with
 * the current state, which is what the second of two racing approvers gets.
 */
final class ProposalRoutes {

  private final Services services;
  private final Auth auth;

  ProposalRoutes(Services services, Auth auth) {
    this.services = services;
    this.auth = auth;
  }

  void register(Router router) {
    router.post("/api/households/{id}/proposals", this::create);
    router.get("/api/proposals", this::list);
    router.get("/api/proposals/{id}", this::get);
    router.post("/api/proposals/{id}/approve", ctx -> decide(ctx, "approve"));
    router.post("/api/proposals/{id}/reject", ctx -> decide(ctx, "reject"));
    router.post("/api/proposals/{id}/veto", ctx -> decide(ctx, "veto"));
  }

  private ProposalService proposals() {
    return services.store().proposals();
  }

  /** Body: {"as_of": "YYYY-MM-DD", "cash_flows": {"joint": 5000}}; both optional. */
  private void create(Context ctx) {
    HouseholdId id = auth.household(ctx, ctx.pathParam("id"));
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    JsonNode body = Bodies.tree(ctx);
    LocalDate asOf = Bodies.date("as_of", body.path("as_of").isTextual() ? body.path("as_of").asText() : null)
        .orElse(services.today());
    Map<AccountId, BigDecimal> flows = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    StoredHousehold stored = services.store().households().load(id, asOf).orElseThrow();
    JsonNode given = body.path("cash_flows");
    if (!given.isMissingNode() && !given.isObject()) {
      problems.add(new Problem("request", 0, "cash_flows", null, "must be an object of account to amount"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!AccountId.isValid(e.getKey()) || stored.data().household().findAccount(AccountId.of(e.getKey())).isEmpty()) {
        problems.add(new Problem("request", 0, "cash_flows." + e.getKey(), e.getKey(), "is not an account of the household"));
      } else if (!e.getValue().isNumber()) {
        problems.add(new Problem("request", 0, "cash_flows." + e.getKey(), e.getValue().asText(), "is not a number"));
      } else {
        flows.put(AccountId.of(e.getKey()), e.getValue().decimalValue());
      }
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    StoredProposal p = proposals().propose(id, asOf, flows, Auth.user(ctx).name()).orElseThrow();
    ctx.header("Location", "/api/proposals/" + p.id());
    ctx.header("ETag", p.etag());
    Bodies.json(ctx, 201, ProposalJson.of(p));
  }

  private void list(Context ctx) {
    User user = Auth.user(ctx);
    Optional<Set<HouseholdId>> visible = Auth.visible(user);
    String household = ctx.queryParam("household");
    if (household != null) {
      HouseholdId id = auth.household(ctx, household);
      visible = Optional.of(Set.of(id));
    }
    Optional<ProposalStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(text -> ProposalStatus.find(text)
        .orElseThrow(() -> ApiProblem.badRequest("status", text, "is not a proposal status")));
    List<Map<String, Object>> rows = proposals().store().list(visible, status, 500).stream().map(p -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("household", p.household().value());
      m.put("as_of", p.asOf().toString());
      m.put("status", p.status().code());
      m.put("version", p.version());
      m.put("mode", p.mode().code());
      m.put("trades", p.tradeCount());
      m.put("created_at", p.createdAt());
      return m;
    }).toList();
    Bodies.json(ctx, 200, Map.of("proposals", rows));
  }

  private StoredProposal visibleProposal(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<StoredProposal> p = proposals().store().find(id);
    if (p.isEmpty() || !Auth.user(ctx).canSee(p.get().household())) {
      throw ApiProblem.notFound("proposal " + id);
    }
    return p.get();
  }

  private void get(Context ctx) {
    StoredProposal p = visibleProposal(ctx);
    ctx.header("ETag", p.etag());
    Bodies.json(ctx, 200, ProposalJson.of(p));
  }

  private void decide(Context ctx, String what) {
    StoredProposal p = visibleProposal(ctx);
    User user = Auth.user(ctx);
    if (user.role() == Role.CLIENT && what.equals("approve")) {
      StoredHousehold stored = services.store().households().load(p.household(), services.today()).orElseThrow();
      if (!stored.execution().clientApproves()) {
        throw ApiProblem.forbidden("this household's policy does not let its clients approve (execution.client_approves)");
      }
    }
    int version = ifMatch(ctx, p);
    JsonNode body = Bodies.tree(ctx);
    String note = body.path("note").isTextual() ? body.path("note").asText() : null;
    Decision decision = switch (what) {
      case "approve" -> proposals().approve(p.id(), version, user.name(), services.today(), drops(body));
      case "reject" -> proposals().reject(p.id(), version, user.name(), note);
      default -> proposals().veto(p.id(), version, user.name(), note);
    };
    if (decision instanceof Decision.Done done) {
      ctx.header("ETag", done.proposal().etag());
      Bodies.json(ctx, 200, ProposalJson.of(done.proposal()));
    } else if (decision instanceof Decision.Superseded s) {
      ctx.header("Location", "/api/proposals/" + s.fresh().id());
      Map<String, Object> ext = new LinkedHashMap<>();
      ext.put("status_now", "superseded");
      ext.put("superseded_by", s.fresh().id());
      throw new ApiProblem(409, "Superseded", "proposal " + p.id() + " was not approved: " + s.why()
          + "; it is superseded by proposal " + s.fresh().id() + ", which needs its own approval", List.of(), ext);
    } else if (decision instanceof Decision.Refused r) {
      throw new ApiProblem(422, "Not approvable", r.message(), r.reasons().stream()
          .map(why -> new Problem("request", 0, "drop", null, why)).toList(), Map.of("status_now", p.status().code()));
    } else if (decision instanceof Decision.Conflict c) {
      ctx.header("ETag", c.current().etag());
      throw new ApiProblem(409, "Conflict", c.message(), List.of(), Map.of("status_now", c.current().status().code(),
          "version_now", c.current().version()));
    } else {
      throw ApiProblem.notFound("proposal " + p.id());
    }
  }

  /** The trade numbers of {@code {"drop": [2, 5]}} (1-based, as listed in the proposal's trades); 422 for anything else. */
  private static List<Integer> drops(JsonNode body) {
    JsonNode drop = body.path("drop");
    if (drop.isMissingNode() || drop.isNull()) {
      return List.of();
    }
    if (!drop.isArray()) {
      throw ApiProblem.badRequest("drop", drop.toString(), "a list of trade numbers (1 for the proposal's first trade)");
    }
    List<Integer> numbers = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < drop.size(); i++) {
      JsonNode n = drop.get(i);
      if (n.canConvertToInt() && n.isIntegralNumber()) {
        numbers.add(n.intValue());
      } else if (n.isTextual() && n.asText().matches("\\d{1,9}")) {
        numbers.add(Integer.parseInt(n.asText()));
      } else {
        problems.add(new Problem("request", 0, "drop[" + i + "]", n.asText(), "a trade number (1 for the proposal's first trade)"));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    return numbers;
  }

  /** The version named by If-Match ({@code "ID.VERSION"}); 428 without one, 409 when it names another proposal's tag. */
  private static int ifMatch(Context ctx, StoredProposal p) {
    String header = ctx.header("If-Match");
    if (header == null || header.isBlank()) {
      throw ApiProblem.of(428, "Precondition required", "a decision needs If-Match with the proposal's ETag (read it with "
          + "GET /api/proposals/" + p.id() + ")");
    }
    String tag = header.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    String prefix = p.id() + ".";
    if (!tag.startsWith(prefix)) {
      throw ApiProblem.of(409, "Conflict", "If-Match " + header + " is not an ETag of proposal " + p.id());
    }
    try {
      return Integer.parseInt(tag.substring(prefix.length()));
    } catch (NumberFormatException e) {
      throw ApiProblem.of(409, "Conflict", "If-Match " + header + " is not an ETag of proposal " + p.id());
    }
  }
}
