package dev.keel.broker.execute;

import dev.keel.core.household.AccountId;
import dev.keel.core.rebalance.Side;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One trade of an approved proposal, numbered in the proposal's order.
 *
 * @param index 1-based position in the proposal; part of the client order id
 * @param quantity shares to trade, positive
 * @param price the price the proposal was sized at, per share; empty when the order file gave none
 * @param lots for a sale, the lots the proposal chose (may be empty: the broker's method decides)
 * @param harvest whether this trade is a leg of a tax-loss harvest pair (sold and bought the same day)
 */
public record PlannedTrade(int index, AccountId account, Symbol symbol, Side side, BigDecimal quantity,
    Optional<BigDecimal> price, List<PlannedLot> lots, boolean harvest) {

  public PlannedTrade {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    lots = List.copyOf(lots);
    if (index < 1) {
      throw new IllegalArgumentException("index starts at 1: " + index);
    }
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
    if (side == Side.BUY && !lots.isEmpty()) {
      throw new IllegalArgumentException("a purchase relieves no lots");
    }
  }

  /** {@code sell 12 VTI in joint}. */
  public String describe() {
    return side.code() + " " + quantity.stripTrailingZeros().toPlainString() + " " + symbol + " in " + account;
  }
}
