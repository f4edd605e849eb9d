package dev.keel.server.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/health (no token needed) and GET /api/openapi.json. */
final class SystemRoutes {

  private final Services services;
  private final OpenApi openApi;

  SystemRoutes(Services services, OpenApi openApi) {
    this.services = services;
    this.openApi = openApi;
  }

  void register(Router router) {
    router.get("/api/health", this::health);
    router.get("/api/openapi.json", ctx -> Bodies.rawJson(ctx, openApi.json()));
  }

  private void health(Context ctx) {
    boolean up = services.store().database().jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", up ? "ok" : "down");
    m.put("database", services.store().database().isPostgres() ? "postgresql" : "h2");
    m.put("scans_stopping", services.scans().stopping());
    Bodies.json(ctx, up ? 200 : 503, m);
  }
}
