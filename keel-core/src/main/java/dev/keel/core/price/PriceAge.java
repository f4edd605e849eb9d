package dev.keel.core.price;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A price used on an as-of date that is not from that date: its quote, how many days older than
 * the as-of date it is (empty when the price is undated) and what that means under the limits.
 */
public record PriceAge(PriceQuote quote, LocalDate asOf, Optional<Long> days, Level level) {

  /** How much the age matters. */
  public enum Level {
    /** Older than the as-of date, within the warning age. */
    OLDER,
    /** Undated: its age is unknown. */
    UNDATED,
    /** Older than the warning age. */
    WARN,
    /** Older than the hard limit: no trades are proposed on it unless the user allows it. */
    REFUSE
  }

  static Optional<PriceAge> of(PriceQuote quote, LocalDate asOf, PriceAgeLimits limits) {
    if (quote.date().isEmpty()) {
      return Optional.of(new PriceAge(quote, asOf, Optional.empty(), Level.UNDATED));
    }
    long days = ChronoUnit.DAYS.between(quote.date().get(), asOf);
    if (days <= 0) {
      return Optional.empty();
    }
    Level level = days > limits.refuseAfterDays() ? Level.REFUSE : days > limits.warnAfterDays() ? Level.WARN : Level.OLDER;
    return Optional.of(new PriceAge(quote, asOf, Optional.of(days), level));
  }
}
