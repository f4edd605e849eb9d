package dev.keel.broker;

import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One position as the broker reports it.
 *
 * @param quantity shares held (positive for a long position)
 * @param averageEntryPrice the broker's average cost per share; informational, Keel's lots are the books
 */
public record BrokerPosition(Symbol symbol, BigDecimal quantity, BigDecimal averageEntryPrice) {

  public BrokerPosition {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(quantity, "quantity");
    averageEntryPrice = averageEntryPrice == null ? BigDecimal.ZERO : averageEntryPrice;
  }
}
