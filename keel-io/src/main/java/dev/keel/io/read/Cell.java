package dev.keel.io.read;

import dev.keel.core.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One raw value from a file with where it came from. Its parsing methods return the typed value,
 * or record a problem naming file, line, field and value in the shared list and return empty.
 */
public record Cell(String file, int line, String field, String raw, List<Problem> problems) {

  public boolean blank() {
    return raw == null || raw.isBlank();
  }

  public Optional<String> text() {
    return blank() ? Optional.empty() : Optional.of(raw.trim());
  }

  /** Records a problem about this cell; always returns empty, for chaining. */
  public <T> Optional<T> fail(String message) {
    problems.add(new Problem(file, line, field, blank() ? null : raw.trim(), message));
    return Optional.empty();
  }

  public Optional<String> required() {
    if (blank()) {
      problems.add(new Problem(file, line, field, null, "is missing"));
      return Optional.empty();
    }
    return text();
  }

  /** A decimal number; blank gives empty without a problem. Thousands separators are not accepted. */
  public Optional<BigDecimal> decimal() {
    if (blank()) {
      return Optional.empty();
    }
    String text = raw.trim();
    if (text.startsWith("$")) {
      text = text.substring(1);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return fail("is not a number");
    }
    Optional<String> outOfRange = InputLimits.checkNumber(value);
    return outOfRange.isPresent() ? fail(outOfRange.get()) : Optional.of(value);
  }

  public Optional<BigDecimal> requiredDecimal() {
    return required().isPresent() ? decimal() : Optional.empty();
  }

  public Optional<BigDecimal> positive() {
    return decimal().flatMap(v -> v.signum() > 0 ? Optional.of(v) : fail("must be greater than zero"));
  }

  public Optional<BigDecimal> nonNegative() {
    return decimal().flatMap(v -> v.signum() >= 0 ? Optional.of(v) : fail("must not be negative"));
  }

  /** A fraction between 0 and 1 inclusive, e.g. 0.25 for 25%. */
  public Optional<BigDecimal> fraction() {
    return decimal().flatMap(v -> v.signum() >= 0 && v.compareTo(BigDecimal.ONE) <= 0
        ? Optional.of(v)
        : fail("must be a fraction between 0 and 1 (0.25 for 25%)"));
  }

  public Optional<LocalDate> date() {
    if (blank()) {
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = parseDate(raw.trim());
    } catch (DateTimeParseException e) {
      return fail("is not a date; expected YYYY-MM-DD");
    }
    Optional<String> outOfRange = InputLimits.checkDate(date);
    return outOfRange.isPresent() ? fail(outOfRange.get()) : Optional.of(date);
  }

  /**
   * {@code YYYY-MM-DD} as {@link LocalDate#parse} reads it. Plain four-digit years are decoded
   * directly (a million lots' dates through the formatter take a second); anything else goes
   * through the formatter, which accepts or rejects it exactly as before.
   */
  static LocalDate parseDate(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(text);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  public Optional<Boolean> bool() {
    if (blank()) {
      return Optional.empty();
    }
    return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes" -> Optional.of(true);
      case "false", "no" -> Optional.of(false);
      default -> fail("is not true or false");
    };
  }

  public Optional<Integer> wholeNumber() {
    return decimal().flatMap(v -> {
      try {
        return Optional.of(v.intValueExact());
      } catch (ArithmeticException e) {
        return fail("is not a whole number");
      }
    });
  }

  /** Looks the text up with {@code find}; on failure names what was expected. */
  public <T> Optional<T> oneOf(Function<String, Optional<T>> find, String expected) {
    if (blank()) {
      return Optional.empty();
    }
    Optional<T> found = find.apply(raw.trim());
    return found.isPresent() ? found : fail("is not one of " + expected);
  }

  /** Builds a typed id with a validating factory; on failure, the factory's reason is the message. */
  public <T> Optional<T> id(Function<String, T> factory, String what) {
    if (blank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(factory.apply(raw.trim()));
    } catch (IllegalArgumentException e) {
      return fail("is not a valid " + what);
    }
  }
}
