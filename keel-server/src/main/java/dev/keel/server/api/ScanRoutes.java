package dev.keel.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.store.access.Role;
import dev.keel.store.scan.ScanSummary;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scans: POST /api/scans {"as_of"} starts (or finds) the scan of a date; GET /api/scans/{id} shows its progress. */
final class ScanRoutes {

  private final Services services;

  ScanRoutes(Services services) {
    this.services = services;
  }

  void register(Router router) {
    router.post("/api/scans", this::create);
    router.get("/api/scans/{id}", this::get);
  }

  private void create(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    JsonNode body = Bodies.tree(ctx);
    LocalDate asOf = Bodies.date("as_of", body.path("as_of").isTextual() ? body.path("as_of").asText() : null)
        .orElse(services.today());
    String id = services.scans().submit(asOf, Auth.user(ctx).name());
    ctx.header("Location", "/api/scans/" + id);
    Bodies.json(ctx, 202, json(services.store().scanner().summary(id, Auth.visible(Auth.user(ctx))).orElseThrow()));
  }

  private void get(Context ctx) {
    ScanSummary summary = services.store().scanner().summary(ctx.pathParam("id"), Auth.visible(Auth.user(ctx)))
        .orElseThrow(() -> ApiProblem.notFound("scan " + ctx.pathParam("id")));
    Bodies.json(ctx, 200, json(summary));
  }

  private static Map<String, Object> json(ScanSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("as_of", s.asOf().toString());
    m.put("created_at", s.createdAt());
    m.put("pending", s.pending());
    m.put("done", s.done());
    m.put("failed", s.failed());
    m.put("proposals", s.proposals());
    m.put("results", s.results().stream().map(r -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("household", r.household());
      x.put("status", r.status());
      x.put("check_due", r.checkDue());
      x.put("breached", r.breached());
      x.put("proposal", r.proposalId());
      x.put("problem", r.problem());
      x.put("finished_at", r.finishedAt());
      return x;
    }).toList());
    return m;
  }
}
