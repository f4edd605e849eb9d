package dev.keel.core.rebalance;

import dev.keel.core.drift.ClassDrift;
import dev.keel.core.household.AccountId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A dry-run set of trades for a person to approve: never executed by the engine.
 *
 * @param acted false when nothing was due (no breach on a check date, no cash flow, no --force)
 * @param summary one paragraph: why the proposal does what it does
 * @param before allocation per class before the trades
 * @param after allocation per class after the trades
 * @param turnover dollars sold plus dollars bought, halved, as a fraction of the household
 * @param cashLeft cash per account after the trades and the cash flows, in dollars
 * @param unresolved what the proposal could not fix and why
 * @param harvests the tax-loss harvests in the proposal (harvesting on, or {@code keel harvest})
 * @param harvestBlocked loss lots that qualified for harvesting but were not harvested, and why
 */
public record Proposal(
    LocalDate asOf,
    boolean acted,
    String summary,
    List<Trade> trades,
    List<ClassDrift> before,
    List<ClassDrift> after,
    ProposalTax tax,
    BigDecimal turnover,
    Map<AccountId, BigDecimal> cashLeft,
    List<String> unresolved,
    List<Harvest> harvests,
    List<String> harvestBlocked) {

  public Proposal {
    trades = List.copyOf(trades);
    before = List.copyOf(before);
    after = List.copyOf(after);
    cashLeft = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cashLeft));
    unresolved = List.copyOf(unresolved);
    harvests = List.copyOf(harvests);
    harvestBlocked = List.copyOf(harvestBlocked);
  }

  public List<Trade> sells() {
    return trades.stream().filter(t -> t.side() == Side.SELL).toList();
  }

  public List<Trade> buys() {
    return trades.stream().filter(t -> t.side() == Side.BUY).toList();
  }
}
