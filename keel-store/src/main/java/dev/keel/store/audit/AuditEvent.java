package dev.keel.store.audit;

import java.util.Objects;

/**
 * One stored event of the audit trail.
 *
 * @param seq position in the chain, from 1, without gaps
 * @param at when (ISO-8601 UTC)
 * @param actor who: a user name, or {@code system} for the scheduler
 * @param action what, e.g. {@code household.imported}, {@code proposal.approved}
 * @param entityType the kind of entity changed, e.g. {@code proposal}
 * @param entityId its id
 * @param householdId the household concerned, or null
 * @param state the entity's new state as JSON
 * @param prevHash the previous event's hash (64 zeros for the first)
 * @param hash SHA-256 (hex) of prevHash and every field above
 */
public record AuditEvent(long seq, String at, String actor, String action, String entityType, String entityId,
    String householdId, String state, String prevHash, String hash) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(state, "state");
  }

  /** The hash this event must carry, computed from its fields and the previous hash. */
  public String expectedHash() {
    return ChainHash.of(prevHash, seq, at, actor, action, entityType, entityId, householdId, state);
  }
}
