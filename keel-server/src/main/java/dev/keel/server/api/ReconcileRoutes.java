package dev.keel.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.server.broker.AccountCheck;
import dev.keel.server.broker.BrokerReconciler;
import dev.keel.server.broker.Reconciliation;
import dev.keel.store.access.Role;
import dev.keel.store.household.HouseholdId;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST /api/households/{id}/reconcile: the brokers' positions and cash against the stored ledger. */
final class ReconcileRoutes {

  private final Services services;
  private final Auth auth;
  private final BrokerReconciler reconciler;

  ReconcileRoutes(Services services, Auth auth, BrokerReconciler reconciler) {
    this.services = services;
    this.auth = auth;
    this.reconciler = reconciler;
  }

  void register(Router router) {
    router.post("/api/households/{id}/reconcile", this::reconcile);
  }

  /** Body (optional): {"as_of": "YYYY-MM-DD"}, the date the ledger is booked through (default today). */
  private void reconcile(Context ctx) {
    HouseholdId id = auth.household(ctx, ctx.pathParam("id"));
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    JsonNode body = Bodies.tree(ctx);
    LocalDate asOf = Bodies.date("as_of", body.path("as_of").isTextual() ? body.path("as_of").asText() : null)
        .orElse(services.today());
    Reconciliation result = reconciler.reconcile(id, asOf, Auth.user(ctx).name())
        .orElseThrow(() -> ApiProblem.notFound("household " + id));
    Bodies.json(ctx, 200, render(result));
  }

  private static Map<String, Object> render(Reconciliation r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("household", r.household().value());
    m.put("as_of", r.asOf().toString());
    m.put("clean", r.clean());
    m.put("differences", r.differences());
    m.put("accounts", r.accounts().stream().map(ReconcileRoutes::account).toList());
    m.put("alert", r.alertId().orElse(null));
    return m;
  }

  private static Map<String, Object> account(AccountCheck c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", c.account().value());
    m.put("broker", c.broker());
    m.put("broker_account", c.brokerAccount().orElse(null));
    m.put("status", c.status());
    m.put("positions", c.positions());
    m.put("differences", c.differences().stream().map(d -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("item", d.item());
      x.put("ledger", d.ledger());
      x.put("broker", d.broker());
      x.put("difference", d.gap());
      return x;
    }).toList());
    c.message().ifPresent(text -> m.put("message", text));
    return m;
  }
}
