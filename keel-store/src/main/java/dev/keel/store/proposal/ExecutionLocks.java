package dev.keel.store.proposal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * One execution at a time per proposal. {@link #acquire} locks the proposal's row ({@code FOR
 * UPDATE}, so two acquirers queue), looks for a live lock and inserts one in the same transaction;
 * the lock row's primary key is the last guard should two inserts ever race. A lock expires after
 * its lease, so that a server killed mid-execution does not keep the proposal locked for ever.
 */
public final class ExecutionLocks {

  /** A lock held: release it when the execution ends. */
  public record Held(String proposalId, String token) {
    public Held {
      Objects.requireNonNull(proposalId, "proposalId");
      Objects.requireNonNull(token, "token");
    }
  }

  /** Who holds a proposal's lock, and since when. */
  public record Holder(String holder, Instant acquiredAt, Instant expiresAt) {}

  private final Jdbi jdbi;

  public ExecutionLocks(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /**
   * Locks the proposal for one execution.
   *
   * @return the lock, or the current holder when another execution holds it
   */
  public Result acquire(String proposalId, String holder, Instant now, Duration lease) {
    return jdbi.inTransaction(h -> {
      h.createQuery("SELECT id FROM proposal WHERE id = :id FOR UPDATE").bind("id", proposalId).mapTo(String.class)
          .findOne().orElseThrow(() -> new IllegalArgumentException("no proposal " + proposalId));
      Optional<Holder> current = h.createQuery(
              "SELECT holder, acquired_at, expires_at FROM proposal_execution_lock WHERE proposal_id = :id")
          .bind("id", proposalId)
          .map((rs, ctx) -> new Holder(rs.getString(1), Instant.parse(rs.getString(2)), Instant.parse(rs.getString(3))))
          .findOne();
      if (current.isPresent() && current.get().expiresAt().isAfter(now)) {
        return new Result(Optional.empty(), current);
      }
      // An expired lock is a crashed execution's: the executor's journal lets a new one resume it.
      h.createUpdate("DELETE FROM proposal_execution_lock WHERE proposal_id = :id").bind("id", proposalId).execute();
      String token = UUID.randomUUID().toString();
      Instant at = now.truncatedTo(ChronoUnit.MILLIS);
      h.createUpdate("INSERT INTO proposal_execution_lock (proposal_id, token, holder, acquired_at, expires_at) "
              + "VALUES (:id, :token, :holder, :at, :until)")
          .bind("id", proposalId).bind("token", token).bind("holder", holder).bind("at", at.toString())
          .bind("until", at.plus(lease).toString()).execute();
      return new Result(Optional.of(new Held(proposalId, token)), Optional.empty());
    });
  }

  /** Releases a lock this execution holds (a lock taken over after it expired is left alone). */
  public void release(Held held) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM proposal_execution_lock WHERE proposal_id = :id AND token = :token")
        .bind("id", held.proposalId()).bind("token", held.token()).execute());
  }

  /** The lock, or who holds it. */
  public record Result(Optional<Held> held, Optional<Holder> holder) {}
}
