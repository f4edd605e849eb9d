package dev.keel.store.access;

import dev.keel.store.audit.AuditLog;
import dev.keel.store.household.HouseholdId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Users and API tokens. A token is 256 random bits, shown once when made; only its SHA-256 is
 * stored (a token has full entropy, so a fast hash is enough; passwords would need a slow one).
 */
public final class UserStore {

  private static final SecureRandom RANDOM = new SecureRandom();
  static final String TOKEN_PREFIX = "keel_";

  private final Jdbi jdbi;
  private final AuditLog audit;
  private final Clock clock;

  public UserStore(Jdbi jdbi, AuditLog audit, Clock clock) {
    this.jdbi = jdbi;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new user and their first token, which is never retrievable again. */
  public record Created(User user, String token) {
    @Override
    public String toString() {
      return "Created[user=" + user + ", token=***]";
    }
  }

  /**
   * Adds a user with a token. Fails with {@link IllegalArgumentException} when the name is taken or
   * a household is not stored.
   */
  public Created add(String name, Role role, Set<HouseholdId> households, String actor) {
    if (name == null || !name.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new IllegalArgumentException("user name \"" + name + "\" is not valid; expected letters, digits, . _ @ - (at most 100)");
    }
    return jdbi.inTransaction(h -> {
      if (h.createQuery("SELECT COUNT(*) FROM app_user WHERE name = :n").bind("n", name).mapTo(Integer.class).one() > 0) {
        throw new IllegalArgumentException("user " + name + " already exists");
      }
      for (HouseholdId household : households) {
        if (h.createQuery("SELECT COUNT(*) FROM household WHERE id = :id").bind("id", household.value())
            .mapTo(Integer.class).one() == 0) {
          throw new IllegalArgumentException("household " + household + " is not stored");
        }
      }
      String id = UUID.randomUUID().toString();
      String now = now();
      h.createUpdate("INSERT INTO app_user (id, name, role, created_at) VALUES (:id, :name, :role, :at)")
          .bind("id", id).bind("name", name).bind("role", role.code()).bind("at", now).execute();
      for (HouseholdId household : households) {
        h.createUpdate("INSERT INTO user_household (user_id, household_id) VALUES (:u, :h)")
            .bind("u", id).bind("h", household.value()).execute();
      }
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("name", name);
      state.put("role", role.code());
      state.put("households", new TreeSet<>(households.stream().map(HouseholdId::value).toList()));
      audit.append(h, actor, "user.added", "user", id, null, state);
      User user = new User(id, name, role, households);
      return new Created(user, newToken(h, user, actor));
    });
  }

  /** Another token for an existing user. */
  public String addToken(String userName, String actor) {
    return jdbi.inTransaction(h -> {
      User user = findByName(h, userName).orElseThrow(() -> new IllegalArgumentException("no user " + userName));
      return newToken(h, user, actor);
    });
  }

  private String newToken(Handle h, User user, String actor) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String hash = hash(token);
    h.createUpdate("INSERT INTO api_token (token_hash, user_id, created_at) VALUES (:hash, :u, :at)")
        .bind("hash", hash).bind("u", user.id()).bind("at", now()).execute();
    // The audit keeps a short prefix of the hash to tell tokens apart; never the token.
    audit.append(h, actor, "token.created", "user", user.id(), null, Map.of("user", user.name(), "token_hash_prefix",
        hash.substring(0, 8)));
    return token;
  }

  /** The user a token belongs to; empty for an unknown or revoked token. */
  public Optional<User> authenticate(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    String hash = hash(token);
    Optional<User> user = jdbi.withHandle(h -> h.createQuery("SELECT u.name FROM api_token t JOIN app_user u "
            + "ON u.id = t.user_id WHERE t.token_hash = :hash AND NOT t.revoked")
        .bind("hash", hash).mapTo(String.class).findOne().flatMap(name -> findByName(h, name)));
    user.ifPresent(u -> recordUse(u, hash));
    return user;
  }

  /**
   * The audit event {@code token.used} for a token's first use on a UTC day: one row per token per
   * day, however many requests it makes, so thousands of requests do not each lengthen (and
   * serialize on) the hash chain. The conditional update lets exactly one of two racing requests
   * write it. The event names the user and a prefix of the token's hash, never the token.
   */
  private void recordUse(User user, String hash) {
    LocalDate today = LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    jdbi.useTransaction(h -> {
      int first = h.createUpdate("UPDATE api_token SET last_used_on = :today WHERE token_hash = :hash "
              + "AND (last_used_on IS NULL OR last_used_on < :today)")
          .bind("today", today).bind("hash", hash).execute();
      if (first == 1) {
        audit.append(h, user.name(), "token.used", "user", user.id(), null, Map.of("user", user.name(),
            "token_hash_prefix", hash.substring(0, 8), "date", today.toString(), "first_use_of_day", true));
      }
    });
  }

  public Optional<User> findByName(String name) {
    return jdbi.withHandle(h -> findByName(h, name));
  }

  private static Optional<User> findByName(Handle h, String name) {
    return h.createQuery("SELECT id, name, role FROM app_user WHERE name = :n").bind("n", name)
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .findOne()
        .map(row -> {
          List<HouseholdId> households = h.createQuery("SELECT household_id FROM user_household WHERE user_id = :u")
              .bind("u", row[0]).mapTo(String.class).list().stream().map(HouseholdId::of).toList();
          return new User(row[0], row[1], Role.find(row[2]).orElseThrow(), Set.copyOf(households));
        });
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
