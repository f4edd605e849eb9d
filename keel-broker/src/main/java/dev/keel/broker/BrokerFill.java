package dev.keel.broker;

import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import dev.keel.core.ledger.LotId;

/**
 * One execution of an order (Alpaca: an account activity of type FILL, {@code fill} or
 * {@code partial_fill}).
 *
 * @param id the broker's id of this execution: each is booked once
 * @param orderId the broker's id of the order it belongs to
 * @param quantity shares executed in this fill
 * @param price execution price per share
 * @param fees fees charged on this fill, in dollars (zero when the broker charges them separately)
 * @param lotId for a sale, the lot the broker says it relieved, when it says (a custodian's fills
 *     file can; Alpaca's activities do not)
 */
public record BrokerFill(String id, String orderId, Symbol symbol, OrderSide side, BigDecimal quantity, BigDecimal price,
    BigDecimal fees, Instant time, Optional<LotId> lotId) {

  public BrokerFill(String id, String orderId, Symbol symbol, OrderSide side, BigDecimal quantity, BigDecimal price,
      BigDecimal fees, Instant time) {
    this(id, orderId, symbol, side, quantity, price, fees, time, Optional.empty());
  }

  public BrokerFill {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    fees = fees == null ? BigDecimal.ZERO : fees;
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(lotId, "lotId");
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("fill quantity must be positive: " + quantity);
    }
  }
}
