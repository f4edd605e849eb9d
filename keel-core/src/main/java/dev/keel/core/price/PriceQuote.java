package dev.keel.core.price;

import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One price of prices.csv: dollars per share of {@code symbol} on {@code date} (empty for the
 * symbol's undated price), and the row it came from.
 */
public record PriceQuote(Symbol symbol, BigDecimal price, Optional<LocalDate> date, SourceRef source) {

  public PriceQuote {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(date, "date");
    source = source == null ? SourceRef.NONE : source;
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be positive: " + symbol + " " + price);
    }
  }
}
