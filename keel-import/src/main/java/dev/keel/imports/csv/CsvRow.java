package dev.keel.imports.csv;

import dev.keel.core.problem.Problem;
import dev.keel.imports.statement.Origin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data row of a recognised table: cells by the custodian's column name, and the parsers for the
 * way custodians write values ({@code $1,234.56}, {@code -$5,000.00}, {@code (12.50)}, {@code --},
 * {@code 11/15/2026 as of 11/14/2026}). Every value that cannot be read becomes a problem naming
 * the file, line, column and value.
 */
public final class CsvRow {

  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

  private final String file;
  private final int line;
  private final Map<String, String> cells;
  private final List<Problem> problems;

  CsvRow(String file, int line, Map<String, String> cells, List<Problem> problems) {
    this.file = file;
    this.line = line;
    this.cells = cells;
    this.problems = problems;
  }

  public Origin origin() {
    return Origin.line(file, line);
  }

  public int line() {
    return line;
  }

  /** The cell's text, empty when the column is absent, the cell blank or a custodian's "--" placeholder. */
  public Optional<String> text(String column) {
    String v = cells.get(column.toLowerCase(Locale.ROOT));
    if (v == null || v.isBlank() || v.equals("--") || v.equalsIgnoreCase("n/a")) {
      return Optional.empty();
    }
    return Optional.of(v.trim());
  }

  public String raw(String column) {
    return cells.getOrDefault(column.toLowerCase(Locale.ROOT), "");
  }

  public Optional<String> required(String column) {
    Optional<String> v = text(column);
    if (v.isEmpty()) {
      fail(column, raw(column), "is empty; a value is needed here");
    }
    return v;
  }

  /** A signed amount or quantity: {@code $1,234.56}, {@code -$12.00}, {@code ($12.00)}, {@code +3.5}. */
  public Optional<BigDecimal> decimal(String column) {
    Optional<String> v = text(column);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String s = v.get().replace("$", "").replace(",", "").replace(" ", "");
    boolean negative = false;
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1);
    }
    if (s.startsWith("-")) {
      negative = !negative;
      s = s.substring(1);
    } else if (s.startsWith("+")) {
      s = s.substring(1);
    }
    try {
      BigDecimal d = new BigDecimal(s.replace("$", ""));
      return Optional.of(negative ? d.negate() : d);
    } catch (NumberFormatException e) {
      fail(column, v.get(), "is not a number; expected an amount such as 1234.56, $1,234.56 or -$12.00");
      return Optional.empty();
    }
  }

  public Optional<BigDecimal> requiredDecimal(String column) {
    return required(column).isPresent() ? decimal(column) : Optional.empty();
  }

  /** {@code MM/DD/YYYY} (the first date when the cell reads "11/15/2026 as of 11/14/2026") or {@code YYYY-MM-DD}. */
  public Optional<LocalDate> date(String column) {
    Optional<String> v = text(column);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalDate> d = parseDate(v.get());
    if (d.isEmpty()) {
      fail(column, v.get(), "is not a date; expected MM/DD/YYYY or YYYY-MM-DD");
    }
    return d;
  }

  public Optional<LocalDate> requiredDate(String column) {
    return required(column).isPresent() ? date(column) : Optional.empty();
  }

  static Optional<LocalDate> parseDate(String text) {
    Matcher us = US_DATE.matcher(text);
    try {
      if (us.lookingAt()) {
        return Optional.of(LocalDate.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2))));
      }
      return Optional.of(LocalDate.parse(text.trim().length() >= 10 ? text.trim().substring(0, 10) : text.trim(), ISO));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  public void fail(String column, String value, String message) {
    problems.add(new Problem(file, line, column, value, message));
  }
}
