package dev.keel.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keel.io.report.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Appends events to the hash-chained audit trail and verifies the chain. An event is appended in
 * the caller's transaction, so it is stored exactly when the change it records is.
 */
public final class AuditLog {

  private final Clock clock;

  public AuditLog(Clock clock) {
    this.clock = clock;
  }

  /**
   * Appends an event. Locks the chain head until the caller's transaction ends: events are linear
   * even with several server processes on one database.
   *
   * @param state the entity's new state; serialized as JSON
   */
  public AuditEvent append(Handle handle, String actor, String action, String entityType, String entityId,
      String householdId, Object state) {
    Head head = handle.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
        .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash")))
        .one();
    long seq = head.seq() + 1;
    String at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    String json = toJson(state);
    String hash = ChainHash.of(head.hash(), seq, at, actor, action, entityType, entityId, householdId, json);
    handle.createUpdate("INSERT INTO audit_event (seq, at, actor, action, entity_type, entity_id, household_id, state, "
            + "prev_hash, hash) VALUES (:seq, :at, :actor, :action, :entityType, :entityId, :householdId, :state, "
            + ":prevHash, :hash)")
        .bind("seq", seq).bind("at", at).bind("actor", actor).bind("action", action)
        .bind("entityType", entityType).bind("entityId", entityId).bind("householdId", householdId)
        .bind("state", json).bind("prevHash", head.hash()).bind("hash", hash)
        .execute();
    handle.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
        .bind("seq", seq).bind("hash", hash).execute();
    return new AuditEvent(seq, at, actor, action, entityType, entityId, householdId, json, head.hash(), hash);
  }

  /**
   * Locks the chain head until the caller's transaction ends, as an append does. A writer of shared
   * rows (prices) takes it first so that such writers run one after another.
   */
  public static void lockChain(Handle handle) {
    handle.createQuery("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
  }

  /** Every event of the period (either bound may be null), optionally of one household, in order. */
  public List<AuditEvent> list(Jdbi jdbi, Optional<String> householdId, Optional<Instant> from, Optional<Instant> to) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
    householdId.ifPresent(h -> sql.append(" AND household_id = :household"));
    from.ifPresent(f -> sql.append(" AND at >= :from"));
    to.ifPresent(t -> sql.append(" AND at < :to"));
    sql.append(" ORDER BY seq");
    return jdbi.withHandle(h -> {
      Query query = h.createQuery(sql.toString());
      householdId.ifPresent(id -> query.bind("household", id));
      from.ifPresent(f -> query.bind("from", f.toString()));
      to.ifPresent(t -> query.bind("to", t.toString()));
      return query.map((rs, ctx) -> new AuditEvent(rs.getLong("seq"), rs.getString("at"), rs.getString("actor"),
          rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("household_id"),
          rs.getString("state"), rs.getString("prev_hash"), rs.getString("hash"))).list();
    });
  }

  /**
   * Walks the whole chain: every event's hash must match its fields, its prev_hash the previous
   * event's hash, its seq follow the previous one, and the last event must be the chain head.
   */
  public Verification verify(Jdbi jdbi) {
    List<AuditEvent> events = list(jdbi, Optional.empty(), Optional.empty(), Optional.empty());
    Head head = jdbi.withHandle(h -> h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
        .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one());
    List<String> breaks = new ArrayList<>();
    String prev = ChainHash.GENESIS;
    long expectedSeq = 1;
    for (AuditEvent e : events) {
      if (e.seq() != expectedSeq) {
        breaks.add(e.seq() - 1 > expectedSeq ? "events " + expectedSeq + " to " + (e.seq() - 1) + " are missing"
            : "event " + expectedSeq + " is missing");
      }
      if (!e.prevHash().equals(prev)) {
        breaks.add("event " + e.seq() + " does not follow the event before it (previous hash differs)");
      }
      if (!e.hash().equals(e.expectedHash())) {
        breaks.add("event " + e.seq() + " was changed after it was written (its hash does not match its content)");
      }
      prev = e.hash();
      expectedSeq = e.seq() + 1;
    }
    if (head.seq() != expectedSeq - 1 || !head.hash().equals(prev)) {
      breaks.add("the chain ends at event " + (expectedSeq - 1) + " but its head says " + head.seq()
          + ": events at the end were deleted or the head was changed");
    }
    return new Verification(events.size(), breaks);
  }

  /** The result of a verification: how many events were checked and every break found. */
  public record Verification(int events, List<String> breaks) {
    public Verification {
      breaks = List.copyOf(breaks);
    }

    public boolean ok() {
      return breaks.isEmpty();
    }
  }

  private record Head(long seq, String hash) {}

  private static String toJson(Object state) {
    if (state instanceof String s) {
      return s;
    }
    try {
      return Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit state is not serializable: " + e.getMessage(), e);
    }
  }
}
