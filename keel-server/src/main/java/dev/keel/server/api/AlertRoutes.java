package dev.keel.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.store.access.Role;
import dev.keel.store.access.User;
import dev.keel.store.household.HouseholdId;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Alert channels and the delivery log: POST /api/alerts/channels {"household", "kind": "webhook",
 * "url", "secret"} and GET /api/alerts?household=. A channel's secret is never shown again.
 */
final class AlertRoutes {

  private final Services services;
  private final Auth auth;

  AlertRoutes(Services services, Auth auth) {
    this.services = services;
    this.auth = auth;
  }

  void register(Router router) {
    router.post("/api/alerts/channels", this::addChannel);
    router.get("/api/alerts", this::log);
  }

  private void addChannel(Context ctx) {
    JsonNode body = Bodies.tree(ctx);
    Optional<HouseholdId> household = body.path("household").isTextual()
        ? Optional.of(auth.household(ctx, body.path("household").asText())) : Optional.empty();
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    if (household.isEmpty() && Auth.user(ctx).role() != Role.ADMIN) {
      throw ApiProblem.badRequest("household", null, "is needed: only an admin adds a channel for every household");
    }
    String kind = body.path("kind").asText("webhook");
    if (kind.equals("email")) {
      String address = body.path("address").asText("");
      if (!address.matches("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+")) {
        throw ApiProblem.badRequest("address", address, "is not an e-mail address");
      }
      String id = services.store().alerts().addChannel(household.map(HouseholdId::value), kind, address, null,
          Auth.user(ctx).name());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("household", household.map(HouseholdId::value).orElse(null));
      m.put("kind", kind);
      m.put("address", address);
      Bodies.json(ctx, 201, m);
      return;
    }
    if (!kind.equals("webhook")) {
      throw ApiProblem.badRequest("kind", kind, "is not a channel kind; expected webhook or email");
    }
    String url = body.path("url").asText("");
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("url", url, "is not an http(s) URL");
    }
    String secret = body.path("secret").asText("");
    if (secret.length() < 16) {
      throw ApiProblem.badRequest("secret", null, "is missing or shorter than 16 characters; it signs every body (HMAC-SHA256)");
    }
    String id = services.store().alerts().addChannel(household.map(HouseholdId::value), kind, url, secret,
        Auth.user(ctx).name());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("household", household.map(HouseholdId::value).orElse(null));
    m.put("kind", kind);
    m.put("url", url);
    Bodies.json(ctx, 201, m);
  }

  private void log(Context ctx) {
    User user = Auth.user(ctx);
    Optional<HouseholdId> household = Optional.ofNullable(ctx.queryParam("household")).map(h -> auth.household(ctx, h));
    if (household.isEmpty() && user.role() != Role.ADMIN) {
      throw ApiProblem.badRequest("household", null, "is needed: name one of your households");
    }
    Bodies.json(ctx, 200, Map.of("alerts", services.store().alerts().log(household.map(HouseholdId::value), 500)));
  }
}
