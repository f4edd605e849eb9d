package dev.keel.server.api;

import dev.keel.store.access.Role;
import dev.keel.store.access.User;
import dev.keel.store.access.UserStore;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.HouseholdStore;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer-token authentication and the access rules. A household the user may not see answers 404,
 * exactly as one that does not exist: its existence is not leaked.
 */
final class Auth {

  private static final String USER = "keel.user";
  private static final Set<String> PUBLIC = Set.of("/api/health", "/api/openapi.json");

  private final UserStore users;
  private final HouseholdStore households;

  Auth(UserStore users, HouseholdStore households) {
    this.users = users;
    this.households = households;
  }

  /** Before every /api route: resolves the token to a user, or answers 401. */
  void authenticate(Context ctx) {
    if (PUBLIC.contains(ctx.path()) || !ctx.path().startsWith("/api/")) {
      return;
    }
    String header = ctx.header("Authorization");
    Optional<User> user = Optional.empty();
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      user = users.authenticate(header.substring(7).trim());
    }
    if (user.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"keel\"");
      throw ApiProblem.of(401, "Unauthorized", header == null
          ? "this API needs an Authorization: Bearer TOKEN header" : "the token is not valid");
    }
    ctx.attribute(USER, user.get());
  }

  static User user(Context ctx) {
    User user = ctx.attribute(USER);
    if (user == null) {
      throw new IllegalStateException("route " + ctx.path() + " is not behind authentication");
    }
    return user;
  }

  /** The household named by the path parameter, if the user may see it and it exists; else 404. */
  HouseholdId household(Context ctx, String id) {
    User user = user(ctx);
    if (!HouseholdId.isValid(id)) {
      throw ApiProblem.notFound("household " + id);
    }
    HouseholdId household = HouseholdId.of(id);
    if (!user.canSee(household) || !households.exists(household)) {
      throw ApiProblem.notFound("household " + id);
    }
    return household;
  }

  /** Answers 403 unless the user has one of the roles (call after the household check). */
  static void requireRole(Context ctx, Role... roles) {
    User user = user(ctx);
    if (Arrays.stream(roles).noneMatch(r -> r == user.role())) {
      throw ApiProblem.forbidden("a " + user.role().code() + " may not do this; it needs the role "
          + String.join(" or ", Arrays.stream(roles).map(Role::code).toList()));
    }
  }

  /** The households a user may see, or empty for all (an admin). */
  static Optional<Set<HouseholdId>> visible(User user) {
    return user.role() == Role.ADMIN ? Optional.empty() : Optional.of(user.households());
  }
}
