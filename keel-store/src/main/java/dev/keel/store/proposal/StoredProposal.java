package dev.keel.store.proposal;

import dev.keel.store.household.HouseholdId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored proposal.
 *
 * @param body the engine's proposal as {@code keel rebalance --format json} writes it
 * @param fingerprint SHA-256 of the books the proposal was made from
 * @param version incremented by every change; the API's ETag
 * @param approveAfter auto mode: when it is approved unless vetoed (ISO-8601 UTC)
 */
public record StoredProposal(String id, HouseholdId household, LocalDate asOf, ProposalStatus status, int version,
    ExecutionMode mode, String origin, String body, String fingerprint, int tradeCount, Optional<String> approveAfter,
    String createdAt, String createdBy, Optional<String> decidedAt, Optional<String> decidedBy, Optional<String> note,
    Optional<String> supersededBy) {

  public StoredProposal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(body, "body");
  }

  /** The ETag of this version: {@code "ID.VERSION"} quoted, as HTTP wants it. */
  public String etag() {
    return "\"" + id + "." + version + "\"";
  }
}
