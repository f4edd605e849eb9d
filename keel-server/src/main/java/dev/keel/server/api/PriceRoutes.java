package dev.keel.server.api;

import dev.keel.store.access.Role;
import io.javalin.http.Context;
import java.util.Map;

/** POST /api/prices: prices.csv text (symbol, price, date), shared by every household. */
final class PriceRoutes {

  private final Services services;

  PriceRoutes(Services services) {
    this.services = services;
  }

  void register(Router router) {
    router.post("/api/prices", this::post);
  }

  private void post(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    int rows = HouseholdRoutes.stored(services.store().households().putPrices(ctx.body(), Auth.user(ctx).name())).rows();
    Bodies.json(ctx, 201, Map.of("stored", rows));
  }
}
