package dev.keel.broker.execute;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one planned trade so far.
 *
 * @param filled shares the broker executed, over every attempt
 * @param averagePrice average execution price of the booked fills, empty before any
 * @param reason the broker's reason for a refusal, or why the trade was not placed
 * @param clientOrderIds the ids of every order placed for the trade
 */
public record TradeOutcome(PlannedTrade trade, Status status, BigDecimal filled, Optional<BigDecimal> averagePrice,
    Optional<String> reason, List<String> clientOrderIds) {

  /** Where a trade stands. */
  public enum Status {
    /** Executed in full. */
    FILLED,
    /** Some shares executed and the order ended (canceled, expired): the rest is to re-plan. */
    PARTLY_FILLED,
    /** Placed and still working at the broker (perhaps partly filled): a later run follows it up. */
    OPEN,
    /** The broker refused the order. */
    REJECTED,
    /** The order ended with nothing executed (canceled or expired). */
    ENDED,
    /** Not placed yet: waiting for a sale to fill or end (its cash, or the same symbol); a later run places it. */
    WAITING,
    /** Not placed, and a rerun will not place it (price moved, account halted, not fractionable...): re-plan. */
    NOT_PLACED,
    /** Placed, and the broker's answer is not known yet: the next run looks it up first. */
    IN_DOUBT
  }

  public TradeOutcome {
    Objects.requireNonNull(trade, "trade");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(filled, "filled");
    clientOrderIds = List.copyOf(clientOrderIds);
  }

  /** Whether an order is still working or in doubt: the trade is not settled either way yet. */
  public boolean working() {
    return status == Status.OPEN || status == Status.IN_DOUBT || status == Status.WAITING;
  }

  /** Shares not executed: to be re-planned once nothing is working any more. */
  public BigDecimal remaining() {
    return trade.quantity().subtract(filled).max(BigDecimal.ZERO);
  }
}
