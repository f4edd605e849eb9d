package dev.keel.core.rebalance;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a proposal is made from.
 *
 * @param books the ledger booked through {@code asOf}
 * @param cashFlows per account: contributions (positive) and withdrawals (negative), in dollars
 * @param force propose even when no check is due
 * @param rates marginal rates that price gains in {@code asOf}'s year
 */
public record RebalanceRequest(
    HouseholdData data, LedgerResult books, LocalDate asOf, Map<AccountId, BigDecimal> cashFlows, boolean force,
    MarginalRates rates, Mode mode) {

  /** What the proposal may do. */
  public enum Mode {
    /** Rebalance; harvest too when the policy switches harvesting on. */
    REBALANCE,
    /** Harvest losses only (keel harvest): no rebalancing trades. */
    HARVEST_ONLY
  }

  public RebalanceRequest(HouseholdData data, LedgerResult books, LocalDate asOf, Map<AccountId, BigDecimal> cashFlows,
      boolean force, MarginalRates rates) {
    this(data, books, asOf, cashFlows, force, rates, Mode.REBALANCE);
  }

  public RebalanceRequest {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(books, "books");
    Objects.requireNonNull(asOf, "asOf");
    cashFlows = Map.copyOf(cashFlows);
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(mode, "mode");
  }

  /** Whether harvests are part of this proposal. */
  public boolean harvesting() {
    return mode == Mode.HARVEST_ONLY || data.policy().harvest().enabled();
  }

  public BigDecimal flow(AccountId account) {
    return cashFlows.getOrDefault(account, BigDecimal.ZERO);
  }

  public BigDecimal netFlow() {
    return cashFlows.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
