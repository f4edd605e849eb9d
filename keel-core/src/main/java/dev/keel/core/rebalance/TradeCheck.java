package dev.keel.core.rebalance;

import dev.keel.core.rebalance.UnsafeProposalException.Violation;
import java.time.LocalDate;
import java.util.List;

/**
 * Re-validates trades that are not the engine's own answer, such as a proposal an approver cut
 * down by dropping some of its trades: booked through the ledger by the same rules that guard
 * every proposal the engine makes ({@link ProposalGuard}): no new wash sale, the tax budget, and
 * every row bookable, which includes no account's cash going negative.
 */
public final class TradeCheck {

  private TradeCheck() {}

  /** Every promise that booking {@code trades} on {@code date} breaks; empty when none. */
  public static List<Violation> violations(RebalanceRequest request, List<Trade> trades, LocalDate date) {
    if (trades.isEmpty()) {
      return List.of();
    }
    return ProposalGuard.DEFAULT.violations(request, trades, date);
  }
}
