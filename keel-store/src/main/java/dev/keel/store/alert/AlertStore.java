package dev.keel.store.alert;

import dev.keel.io.report.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Channels, alerts and their deliveries. {@link #raise} writes an alert in the caller's
 * transaction; {@link #claimDue} and {@link #record} are the dispatcher's side. A failed attempt
 * is retried after 30 s, 1, 2, 4 ... minutes (doubling), up to {@link #MAX_ATTEMPTS}; then the
 * delivery is failed, and stays visible in the log.
 */
public final class AlertStore {

  public static final int MAX_ATTEMPTS = 6;
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);

  private final Jdbi jdbi;
  private final Clock clock;

  public AlertStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Adds a channel for one household (or every household when {@code household} is empty); returns its id. */
  public String addChannel(Optional<String> household, String kind, String target, String secret, String actor) {
    String id = UUID.randomUUID().toString();
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO alert_channel (id, household_id, kind, target, secret, created_at, "
            + "created_by) VALUES (:id, :h, :kind, :target, :secret, :at, :by)")
        .bind("id", id).bind("h", household.orElse(null)).bind("kind", kind).bind("target", target).bind("secret", secret)
        .bind("at", now()).bind("by", actor).execute());
    return id;
  }

  /**
   * Records an alert and a pending delivery to every channel of its household (and every
   * all-households channel), in the caller's transaction. Never sends anything itself.
   */
  public String raise(Handle h, String household, AlertKind kind, String subject, Map<String, Object> details) {
    String id = UUID.randomUUID().toString();
    String now = now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("kind", kind.code());
    body.put("household", household);
    body.put("subject", subject);
    body.put("at", now);
    body.put("details", details);
    h.createUpdate("INSERT INTO alert (id, household_id, kind, subject, body, created_at) VALUES (:id, :h, :kind, :subject, "
            + ":body, :at)")
        .bind("id", id).bind("h", household).bind("kind", kind.code()).bind("subject", subject)
        .bind("body", Json.write(body)).bind("at", now).execute();
    List<String> channels = h.createQuery("SELECT id FROM alert_channel WHERE household_id IS NULL OR household_id = :h "
            + "ORDER BY id")
        .bind("h", household).mapTo(String.class).list();
    for (String channel : channels) {
      h.createUpdate("INSERT INTO alert_delivery (id, alert_id, channel_id, status, attempts, next_attempt_at) "
              + "VALUES (:id, :alert, :channel, 'pending', 0, :at)")
          .bind("id", UUID.randomUUID().toString()).bind("alert", id).bind("channel", channel).bind("at", now).execute();
    }
    return id;
  }

  /**
   * Claims up to {@code limit} due deliveries and hands each to {@code send} inside its own
   * transaction, holding its row lock (SKIP LOCKED: another dispatcher takes other rows). The
   * outcome is recorded in the same transaction.
   *
   * @return how many deliveries were attempted
   */
  public int dispatchDue(int limit, java.util.function.Function<Delivery, Optional<String>> send) {
    int attempted = 0;
    for (int i = 0; i < limit; i++) {
      boolean did = jdbi.inTransaction(h -> {
        // Lock the delivery row alone (a join under FOR UPDATE would lock the alert and channel too).
        Optional<String> claimed = h.createQuery("SELECT id FROM alert_delivery WHERE status = 'pending' "
                + "AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .bind("now", now()).mapTo(String.class).findOne();
        Optional<Delivery> next = claimed.map(id -> h.createQuery("SELECT d.id, d.attempts, a.id AS alert_id, "
                + "a.household_id, a.kind, a.subject, a.body, c.kind AS channel_kind, c.target, c.secret "
                + "FROM alert_delivery d JOIN alert a ON a.id = d.alert_id JOIN alert_channel c ON c.id = d.channel_id "
                + "WHERE d.id = :id")
            .bind("id", id)
            .map((rs, ctx) -> new Delivery(rs.getString("id"), rs.getInt("attempts"), rs.getString("alert_id"),
                rs.getString("household_id"), rs.getString("kind"), rs.getString("subject"), rs.getString("body"),
                rs.getString("channel_kind"), rs.getString("target"), rs.getString("secret")))
            .one());
        if (next.isEmpty()) {
          return false;
        }
        record(h, next.get(), send.apply(next.get()));
        return true;
      });
      if (!did) {
        break;
      }
      attempted++;
    }
    return attempted;
  }

  /** Records an attempt: delivered when {@code error} is empty, else retried later or failed. */
  private void record(Handle h, Delivery d, Optional<String> error) {
    int attempt = d.attempts() + 1;
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    h.createUpdate("INSERT INTO alert_attempt (delivery_id, attempt, at, outcome) VALUES (:d, :n, :at, :outcome)")
        .bind("d", d.id()).bind("n", attempt).bind("at", now.toString())
        .bind("outcome", error.map(e -> e.length() > 300 ? e.substring(0, 300) : e).orElse("delivered")).execute();
    if (error.isEmpty()) {
      h.createUpdate("UPDATE alert_delivery SET status = 'delivered', attempts = :n, delivered_at = :at, last_error = NULL "
              + "WHERE id = :d")
          .bind("n", attempt).bind("at", now.toString()).bind("d", d.id()).execute();
      return;
    }
    boolean giveUp = attempt >= MAX_ATTEMPTS;
    Instant next = now.plus(FIRST_RETRY.multipliedBy(1L << (attempt - 1)));
    h.createUpdate("UPDATE alert_delivery SET status = :status, attempts = :n, next_attempt_at = :next, last_error = :e "
            + "WHERE id = :d")
        .bind("status", giveUp ? "failed" : "pending").bind("n", attempt).bind("next", next.toString())
        .bind("e", error.get()).bind("d", d.id()).execute();
  }

  /** The delivery log of a household's alerts (or all), newest first. */
  public List<Map<String, Object>> log(Optional<String> household, int limit) {
    return jdbi.withHandle(h -> {
      var q = h.createQuery("SELECT a.id AS alert_id, a.kind, a.subject, a.household_id, a.created_at, d.id AS delivery_id, "
          + "d.status, d.attempts, d.next_attempt_at, d.last_error, d.delivered_at, c.kind AS channel_kind, c.target "
          + "FROM alert a LEFT JOIN alert_delivery d ON d.alert_id = a.id LEFT JOIN alert_channel c ON c.id = d.channel_id "
          + (household.isPresent() ? "WHERE a.household_id = :h " : "")
          + "ORDER BY a.created_at DESC, a.id, d.id LIMIT :limit").bind("limit", limit);
      household.ifPresent(x -> q.bind("h", x));
      return q.map((rs, ctx) -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alert", rs.getString("alert_id"));
        m.put("kind", rs.getString("kind"));
        m.put("subject", rs.getString("subject"));
        m.put("household", rs.getString("household_id"));
        m.put("created_at", rs.getString("created_at"));
        m.put("channel", rs.getString("channel_kind") == null ? null : rs.getString("channel_kind") + " " + rs.getString("target"));
        m.put("status", rs.getString("status"));
        m.put("attempts", rs.getObject("attempts"));
        m.put("next_attempt_at", rs.getString("next_attempt_at"));
        m.put("last_error", rs.getString("last_error"));
        m.put("delivered_at", rs.getString("delivered_at"));
        return m;
      }).list();
    });
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
