package dev.keel.core.tax.estimate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A year's investment income in a taxable account: realized capital gains and losses, dividends and
 * interest. All amounts are dollars; none is rounded.
 *
 * <p>Gains are given <em>net</em>, per holding period, signed: the year's realized gains minus its
 * realized losses, before any carryforward from earlier years (which belongs to {@link
 * TaxProfile}). That is Schedule D line 7 without line 6 for short-term, and line 15 without line
 * 14 for long-term. Capital gain distributions (Form 1099-DIV box 2a) are long-term gains and
 * belong in {@link #longTermNet()}.
 *
 * <p>Dividends follow Form 1099-DIV and Form 1040: {@link #ordinaryDividends()} is the total of
 * ordinary dividends (1099-DIV box 1a, 1040 line 3b) and <em>includes</em> {@link
 * #qualifiedDividends()} (box 1b, line 3a), which therefore can never exceed it.
 *
 * @param shortTermNet net short-term gain (positive) or loss (negative) realized in the year
 * @param longTermNet net long-term gain (positive) or loss (negative) realized in the year
 * @param qualifiedDividends qualified dividends, zero or more, at most {@code ordinaryDividends}
 * @param ordinaryDividends total ordinary dividends including qualified ones, zero or more
 * @param taxableInterest taxable interest, zero or more
 */
public record CapitalGainsInput(
    BigDecimal shortTermNet,
    BigDecimal longTermNet,
    BigDecimal qualifiedDividends,
    BigDecimal ordinaryDividends,
    BigDecimal taxableInterest) {

  private static final CapitalGainsInput NONE =
      new CapitalGainsInput(
          BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public CapitalGainsInput {
    Objects.requireNonNull(shortTermNet, "shortTermNet");
    Objects.requireNonNull(longTermNet, "longTermNet");
    requireNotNegative(qualifiedDividends, "qualifiedDividends");
    requireNotNegative(ordinaryDividends, "ordinaryDividends");
    requireNotNegative(taxableInterest, "taxableInterest");
    if (qualifiedDividends.compareTo(ordinaryDividends) > 0) {
      throw new IllegalArgumentException(
          "qualifiedDividends (" + qualifiedDividends + ") must not exceed ordinaryDividends ("
              + ordinaryDividends + "), which include them");
    }
  }

  /** No gains, losses, dividends or interest. */
  public static CapitalGainsInput none() {
    return NONE;
  }

  /**
   * Net realized gains, signed, with no dividends or interest.
   *
   * @param shortTermNet net short-term gain (negative for a loss), in dollars
   * @param longTermNet net long-term gain (negative for a loss), in dollars
   */
  public static CapitalGainsInput of(BigDecimal shortTermNet, BigDecimal longTermNet) {
    return new CapitalGainsInput(
        shortTermNet, longTermNet, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /**
   * A copy with these dividends.
   *
   * @param ordinary total ordinary dividends, including the qualified ones (1099-DIV box 1a)
   * @param qualified the qualified part (1099-DIV box 1b)
   */
  public CapitalGainsInput withDividends(BigDecimal ordinary, BigDecimal qualified) {
    return new CapitalGainsInput(shortTermNet, longTermNet, qualified, ordinary, taxableInterest);
  }

  /** A copy with this taxable interest. */
  public CapitalGainsInput withInterest(BigDecimal interest) {
    return new CapitalGainsInput(
        shortTermNet, longTermNet, qualifiedDividends, ordinaryDividends, interest);
  }

  /** A copy with {@code amount} dollars more net short-term gain (negative: more loss). */
  public CapitalGainsInput plusShortTerm(BigDecimal amount) {
    return new CapitalGainsInput(
        shortTermNet.add(amount),
        longTermNet,
        qualifiedDividends,
        ordinaryDividends,
        taxableInterest);
  }

  /** A copy with {@code amount} dollars more net long-term gain (negative: more loss). */
  public CapitalGainsInput plusLongTerm(BigDecimal amount) {
    return new CapitalGainsInput(
        shortTermNet,
        longTermNet.add(amount),
        qualifiedDividends,
        ordinaryDividends,
        taxableInterest);
  }

  /** Ordinary dividends that are not qualified: taxed at ordinary rates. */
  public BigDecimal nonQualifiedDividends() {
    return ordinaryDividends.subtract(qualifiedDividends);
  }

  private static void requireNotNegative(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
