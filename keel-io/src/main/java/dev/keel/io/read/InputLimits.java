package dev.keel.io.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The ranges every number and date read from a household's files (and the command line) must fall
 * in. They are far beyond any real household and far inside what the arithmetic and the optimizer
 * handle: a value like {@code 1e309} or {@code 1e-999999999} is a typo or an attack, and accepted
 * it ends as an overflow or an unsolvable program minutes later instead of a message naming it.
 */
public final class InputLimits {

  /** At most this many digits before the decimal point: under a trillion dollars or shares. */
  public static final int MAX_INTEGER_DIGITS = 12;
  /** At most this many digits after the decimal point (after trailing zeros are dropped). */
  public static final int MAX_DECIMALS = 10;
  /** The earliest date accepted anywhere. */
  public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
  /** The latest date accepted anywhere. */
  public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

  private InputLimits() {}

  /** Why {@code value} is out of range, or empty when it is fine. */
  public static Optional<String> checkNumber(BigDecimal value) {
    // The common case without allocating: as written it is already within both limits.
    if (value.scale() >= 0 && value.scale() <= MAX_DECIMALS && value.precision() - value.scale() <= MAX_INTEGER_DIGITS) {
      return Optional.empty();
    }
    BigDecimal stripped = value.stripTrailingZeros();
    // precision - scale is the number of digits before the point (negative or zero for 0.00x).
    long integerDigits = (long) stripped.precision() - stripped.scale();
    if (stripped.signum() != 0 && integerDigits > MAX_INTEGER_DIGITS) {
      return Optional.of("is too large; at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
    }
    if (stripped.scale() > MAX_DECIMALS) {
      return Optional.of("has too many decimal places; at most " + MAX_DECIMALS);
    }
    return Optional.empty();
  }

  /** Why {@code date} is out of range, or empty when it is fine. */
  public static Optional<String> checkDate(LocalDate date) {
    if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
      return Optional.of("is out of range; expected a date from " + FIRST_DATE + " to " + LAST_DATE);
    }
    return Optional.empty();
  }
}
