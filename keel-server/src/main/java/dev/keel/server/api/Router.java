package dev.keel.server.api;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Registers routes with Javalin and remembers them, so a test can hold the OpenAPI document against what exists. */
public final class Router {

  /** A registered route: HTTP method (upper case) and path as OpenAPI writes it ({@code /api/proposals/{id}}). */
  public record Route(String method, String path) {}

  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  Router(Javalin app) {
    this.app = app;
  }

  void get(String path, Handler handler) {
    app.get(path, handler);
    routes.add(new Route("GET", path));
  }

  void post(String path, Handler handler) {
    app.post(path, handler);
    routes.add(new Route("POST", path));
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }
}
