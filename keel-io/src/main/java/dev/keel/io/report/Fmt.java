package dev.keel.io.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Display formatting for tables. Rounds for the eye only; JSON output keeps more precision. */
public final class Fmt {

  private Fmt() {}

  /**
   * {@code $1,234.57}; negative as {@code -$1,234.57}; rounded to cents half-up (away from zero).
   * The sign is the rounded amount's, so a loss of a fraction of a cent shows as {@code $0.00}, not
   * {@code -$0.00}.
   */
  public static String money(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
    String text = format.format(rounded.abs());
    return (rounded.signum() < 0 ? "-$" : "$") + text;
  }

  /** A fraction as a percentage with two decimals: 0.4512 → {@code 45.12%}. */
  public static String pct(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A signed percentage: {@code +3.20%}. */
  public static String signedPct(BigDecimal fraction) {
    String text = pct(fraction);
    return fraction.signum() >= 0 && !text.startsWith("-") ? "+" + text : text;
  }

  /**
   * A signed difference of two weights in percentage points, two decimals: 0.0872 → {@code +8.72 pts}.
   * Drift is a difference of percentages, not a percentage of anything.
   */
  public static String signedPts(BigDecimal fraction) {
    String text = fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString();
    return (text.startsWith("-") ? text : "+" + text) + " pts";
  }

  /** Shares without trailing zeros: {@code 12.5}. */
  public static String qty(BigDecimal quantity) {
    BigDecimal stripped = quantity.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /**
   * Shares for JSON: the exact quantity as a number without trailing zeros ({@code 12.5}, {@code 40}).
   * JSON reports write every quantity and amount as a number in plain decimal text (never through a
   * double, never in exponent form), so a reader parses both the same way.
   */
  public static BigDecimal quantity(BigDecimal quantity) {
    BigDecimal stripped = quantity.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Money rounded to cents for JSON. */
  public static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** A weight for JSON: fractions to 8 decimal places (a millionth of a percent). */
  public static BigDecimal weight(BigDecimal fraction) {
    return fraction.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
