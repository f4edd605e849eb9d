package dev.keel.store.household;

import dev.keel.core.portfolio.HouseholdData;
import java.util.Objects;

/**
 * A household as loaded from the store for one date: the engine's input, the policy version in
 * force that day, and the fingerprint of the books (household, that policy, lots, transactions;
 * prices excluded) so that a later check can tell whether they changed.
 */
public record StoredHousehold(HouseholdId id, HouseholdData data, int policyVersion, String fingerprint,
    dev.keel.store.proposal.ExecutionSettings execution) {

  public StoredHousehold {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(execution, "execution");
  }
}
