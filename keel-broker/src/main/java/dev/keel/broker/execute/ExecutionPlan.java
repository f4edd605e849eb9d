package dev.keel.broker.execute;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LotId;
import dev.keel.core.rebalance.Harvest;
import dev.keel.core.rebalance.LotSale;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.rebalance.Side;
import dev.keel.core.rebalance.Trade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The trades of one approved proposal, in the proposal's order, with the proposal's id. */
public record ExecutionPlan(ProposalId id, LocalDate asOf, List<PlannedTrade> trades) {

  public ExecutionPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(asOf, "asOf");
    trades = List.copyOf(trades);
    for (int i = 0; i < trades.size(); i++) {
      if (trades.get(i).index() != i + 1) {
        throw new IllegalArgumentException("trades must be numbered 1, 2, 3... in order; trade " + (i + 1) + " has index "
            + trades.get(i).index());
      }
    }
  }

  /** The plan of a proposal; its id is the digest of its as-of date and trades. */
  public static ExecutionPlan of(Proposal proposal) {
    Set<String> harvestLegs = new LinkedHashSet<>();
    for (Harvest h : proposal.harvests()) {
      harvestLegs.add(h.account().value() + "|" + h.symbol().value() + "|sell");
      harvestLegs.add(h.account().value() + "|" + h.substitute().value() + "|buy");
    }
    List<PlannedTrade> trades = new ArrayList<>();
    int index = 1;
    for (Trade t : proposal.trades()) {
      List<PlannedLot> lots = new ArrayList<>();
      for (LotSale l : t.lots()) {
        lots.add(new PlannedLot(l.lotId(), l.quantity()));
      }
      boolean harvest = harvestLegs.contains(t.account().value() + "|" + t.symbol().value() + "|" + t.side().code());
      trades.add(new PlannedTrade(index++, t.account(), t.symbol(), t.side(), t.quantity(), Optional.of(t.price()),
          t.side() == Side.SELL ? lots : List.of(), harvest));
    }
    return of(proposal.asOf(), trades);
  }

  /** A plan with the id derived from its content. */
  public static ExecutionPlan of(LocalDate asOf, List<PlannedTrade> trades) {
    return new ExecutionPlan(ProposalId.digest(canonical(asOf, trades)), asOf, trades);
  }

  /** The text the id is the digest of: as-of date, then one line per trade. */
  public String canonical() {
    return canonical(asOf, trades);
  }

  private static String canonical(LocalDate asOf, List<PlannedTrade> trades) {
    StringBuilder out = new StringBuilder(asOf.toString()).append('\n');
    for (PlannedTrade t : trades) {
      out.append(t.index()).append(',').append(t.account()).append(',').append(t.symbol()).append(',')
          .append(t.side().code()).append(',').append(t.quantity().stripTrailingZeros().toPlainString());
      for (PlannedLot l : t.lots()) {
        out.append(',').append(l.lotId().value()).append(':').append(l.quantity().stripTrailingZeros().toPlainString());
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Accounts in the order their first trade appears. */
  public List<AccountId> accounts() {
    Set<AccountId> out = new LinkedHashSet<>();
    trades.forEach(t -> out.add(t.account()));
    return List.copyOf(out);
  }

  public List<PlannedTrade> tradesOf(AccountId account) {
    return trades.stream().filter(t -> t.account().equals(account)).toList();
  }

  public PlannedTrade trade(int index) {
    return trades.get(index - 1);
  }

  /** Whether a lot id names a lot relieved by this plan. */
  public boolean relieves(LotId lot) {
    return trades.stream().anyMatch(t -> t.lots().stream().anyMatch(l -> l.lotId().equals(lot)));
  }
}
