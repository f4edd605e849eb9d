package dev.keel.core.rebalance;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.problem.SourceRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A proposal's trades as the ledger books them, the one way Keel turns a proposal back into
 * transactions: on the proposal's date, after the household's own history; the contributions it
 * places first, then every sale, one row per lot it relieves (naming the lot, at that lot's share
 * of the proceeds), then the buys, so that the cash is there for them, and the withdrawals it pays
 * last. No fees: a proposal has none. The product's guard
 * ({@link ProposalGuard}), the property tests and the fleet benchmark book proposals this way, so
 * what they check is what the ledger would do with the proposal.
 */
public final class ProposalBooking {

  private ProposalBooking() {}

  /** The proposal's trades as transactions dated its as-of date. */
  public static List<Transaction> transactions(Proposal proposal) {
    return transactions(proposal.trades(), proposal.asOf());
  }

  /** The trades as transactions dated {@code date}: sales by lot, then buys. */
  public static List<Transaction> transactions(List<Trade> trades, LocalDate date) {
    List<Transaction> out = new ArrayList<>();
    for (Trade t : trades) {
      if (t.side() == Side.SELL) {
        for (LotSale lot : t.lots()) {
          out.add(sale(date, t, lot));
        }
      }
    }
    for (Trade t : trades) {
      if (t.side() == Side.BUY) {
        out.add(purchase(date, t));
      }
    }
    return out;
  }

  /** The sale of one lot's shares, for its share of the trade's proceeds. */
  public static Transaction sale(LocalDate date, Trade trade, LotSale lot) {
    return new Transaction(date, trade.account(), Action.SELL, Optional.of(trade.symbol()), Optional.of(lot.quantity()),
        Optional.empty(), Optional.of(lot.proceeds()), BigDecimal.ZERO, Optional.of(lot.lotId()), SourceRef.NONE);
  }

  /** A buy for the trade's amount. */
  public static Transaction purchase(LocalDate date, Trade trade) {
    return new Transaction(date, trade.account(), Action.BUY, Optional.of(trade.symbol()), Optional.of(trade.quantity()),
        Optional.empty(), Optional.of(trade.amount()), BigDecimal.ZERO, Optional.empty(), SourceRef.NONE);
  }

  /**
   * The trades and the cash flows they were made for, dated {@code date}: deposits, sales by lot,
   * buys, withdrawals.
   *
   * @param cashFlows per account: contributions (positive) and withdrawals (negative), in dollars
   */
  public static List<Transaction> transactions(Map<AccountId, BigDecimal> cashFlows, List<Trade> trades, LocalDate date) {
    List<Transaction> out = new ArrayList<>();
    cashFlows.forEach((account, amount) -> {
      if (amount.signum() > 0) {
        out.add(flow(date, account, Action.DEPOSIT, amount));
      }
    });
    out.addAll(transactions(trades, date));
    cashFlows.forEach((account, amount) -> {
      if (amount.signum() < 0) {
        out.add(flow(date, account, Action.WITHDRAWAL, amount.negate()));
      }
    });
    return out;
  }

  /** The household's data with the trades booked after its own transactions, dated {@code date}. */
  public static HouseholdData onto(HouseholdData data, List<Trade> trades, LocalDate date) {
    return onto(data, Map.of(), trades, date);
  }

  /** The household's data with the cash flows and trades booked after its own transactions, dated {@code date}. */
  public static HouseholdData onto(HouseholdData data, Map<AccountId, BigDecimal> cashFlows, List<Trade> trades,
      LocalDate date) {
    List<Transaction> all = new ArrayList<>(data.transactions());
    all.addAll(transactions(cashFlows, trades, date));
    return data.withTransactions(all);
  }

  private static Transaction flow(LocalDate date, AccountId account, Action action, BigDecimal amount) {
    return new Transaction(date, account, action, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(amount),
        BigDecimal.ZERO, Optional.empty(), SourceRef.NONE);
  }
}
