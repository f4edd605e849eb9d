package dev.keel.broker;

import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as the broker reports it.
 *
 * @param id the broker's order id
 * @param filledQuantity shares executed so far
 * @param filledAveragePrice average execution price, empty before the first fill
 * @param updatedAt when the broker last changed the order
 */
public record BrokerOrder(String id, String clientOrderId, Symbol symbol, OrderSide side, BigDecimal quantity,
    BigDecimal filledQuantity, Optional<BigDecimal> filledAveragePrice, OrderType type, Optional<BigDecimal> limitPrice,
    OrderStatus status, Instant updatedAt) {

  public BrokerOrder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(filledQuantity, "filledQuantity");
    Objects.requireNonNull(filledAveragePrice, "filledAveragePrice");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(limitPrice, "limitPrice");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public BigDecimal remaining() {
    return quantity.subtract(filledQuantity);
  }
}
