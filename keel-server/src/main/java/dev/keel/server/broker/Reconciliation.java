package dev.keel.server.broker;

import dev.keel.store.household.HouseholdId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A household's reconciliation with its brokers: each broker-linked account checked, and the
 * alert raised when any needs attention. Nothing in the ledger is adjusted.
 */
public record Reconciliation(HouseholdId household, LocalDate asOf, List<AccountCheck> accounts, Optional<String> alertId) {

  public Reconciliation {
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(asOf, "asOf");
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(alertId, "alertId");
  }

  public boolean clean() {
    return accounts.stream().noneMatch(AccountCheck::needsAttention);
  }

  public int differences() {
    return accounts.stream().mapToInt(a -> a.differences().size()).sum();
  }
}
