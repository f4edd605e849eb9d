package dev.keel.server.api;

import dev.keel.store.access.Role;
import dev.keel.store.access.User;
import dev.keel.store.audit.AuditEvent;
import dev.keel.store.audit.AuditLog;
import dev.keel.store.audit.AuditReport;
import dev.keel.store.household.HouseholdId;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail: GET /api/audit?household=&from=&to=[&format=csv] (dates are UTC days; to is
 * inclusive) and GET /api/audit/verify. Non-admins see only their households' events.
 */
final class AuditRoutes {

  private final Services services;
  private final Auth auth;

  AuditRoutes(Services services, Auth auth) {
    this.services = services;
    this.auth = auth;
  }

  void register(Router router) {
    router.get("/api/audit", this::list);
    router.get("/api/audit/verify", this::verify);
  }

  private void list(Context ctx) {
    User user = Auth.user(ctx);
    Optional<HouseholdId> household = Optional.ofNullable(ctx.queryParam("household")).map(h -> auth.household(ctx, h));
    if (household.isEmpty() && user.role() != Role.ADMIN) {
      if (user.households().size() != 1) {
        throw ApiProblem.badRequest("household", null, "is needed: name one of your households");
      }
      household = Optional.of(user.households().iterator().next());
    }
    Optional<Instant> from = Bodies.date("from", ctx.queryParam("from")).map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC));
    Optional<Instant> to = Bodies.date("to", ctx.queryParam("to"))
        .map(d -> d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    List<AuditEvent> events = services.store().audit().list(services.store().database().jdbi(),
        household.map(HouseholdId::value), from, to);
    if ("csv".equalsIgnoreCase(ctx.queryParam("format"))) {
      ctx.contentType("text/csv");
      ctx.result(AuditReport.csv(events));
      return;
    }
    Bodies.rawJson(ctx, AuditReport.json(events));
  }

  private void verify(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    AuditLog.Verification v = services.store().audit().verify(services.store().database().jdbi());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", v.ok());
    m.put("events", v.events());
    m.put("breaks", v.breaks());
    Bodies.json(ctx, 200, m);
  }
}
