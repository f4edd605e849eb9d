package dev.keel.broker.price;

import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest price of one symbol, in dollars per share, with when it was set and by whom.
 *
 * @param date the trading day the price belongs to (in New York time for US equities)
 * @param time the exact time of the trade when the source knows it (a broker's latest trade);
 *     empty for a closing price from prices.csv
 * @param origin where it came from, e.g. {@code prices.csv line 12} or {@code alpaca latest trade (IEX)}
 */
public record LatestPrice(Symbol symbol, BigDecimal price, LocalDate date, Optional<ZonedDateTime> time, String origin) {

  /** US equities trade and settle in New York time: a trade's date is its New York date. */
  public static final ZoneId MARKET_ZONE = ZoneId.of("America/New_York");

  public LatestPrice {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(origin, "origin");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be positive: " + symbol + " " + price.toPlainString());
    }
  }

  /** A trade at an instant: its date is the New York date of that instant. */
  public static LatestPrice ofTrade(Symbol symbol, BigDecimal price, java.time.Instant at, String origin) {
    ZonedDateTime time = at.atZone(MARKET_ZONE);
    return new LatestPrice(symbol, price, time.toLocalDate(), Optional.of(time), origin);
  }
}
