package dev.keel.broker;

import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An order to place. Keel always sends a quantity (never a notional) so that what is booked is
 * what was planned.
 *
 * @param clientOrderId Keel's id for the order, unique forever, at most 48 characters
 * @param quantity shares, positive; fractional only for a market day order on a fractionable asset
 * @param limitPrice the limit for a limit order; empty for a market order
 */
public record OrderRequest(String clientOrderId, Symbol symbol, OrderSide side, BigDecimal quantity, OrderType type,
    Optional<BigDecimal> limitPrice, TimeInForce timeInForce) {

  /** Alpaca's older documents limit client_order_id to 48 characters; the newer spec to 128. */
  public static final int MAX_CLIENT_ORDER_ID = 48;

  public OrderRequest {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(limitPrice, "limitPrice");
    Objects.requireNonNull(timeInForce, "timeInForce");
    if (clientOrderId.isEmpty() || clientOrderId.length() > MAX_CLIENT_ORDER_ID) {
      throw new IllegalArgumentException("clientOrderId must have 1 to 48 characters: \"" + clientOrderId + "\"");
    }
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
    if ((type == OrderType.LIMIT) != limitPrice.isPresent()) {
      throw new IllegalArgumentException("a limit order needs a limit price and a market order none");
    }
    limitPrice.ifPresent(p -> {
      if (p.signum() <= 0) {
        throw new IllegalArgumentException("limitPrice must be positive: " + p);
      }
    });
  }

  public boolean fractional() {
    return quantity.stripTrailingZeros().scale() > 0;
  }
}
