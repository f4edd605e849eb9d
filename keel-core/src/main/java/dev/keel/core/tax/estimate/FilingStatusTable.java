package dev.keel.core.tax.estimate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The federal figures for one filing status in one tax year.
 *
 * @param ordinary the rate schedule for ordinary income (10% to 37%), applied to taxable income
 *     (IRC §1(j), with thresholds from the year's revenue procedure)
 * @param capitalGains the 0% / 15% / 20% schedule for qualified dividends and net capital gain,
 *     whose thresholds are measured against <em>taxable income</em> with the preferential income
 *     stacked on top of ordinary income (IRC §1(h), §1(j)(5))
 * @param standardDeduction the basic standard deduction in dollars (IRC §63(c)); the additional
 *     amounts for age 65 or blindness are not included
 * @param capitalLossLimit the most of a net capital loss deductible against other income in one
 *     year, in dollars, a positive number: $3,000, or $1,500 married filing separately (IRC
 *     §1211(b))
 * @param niitThreshold the modified adjusted gross income above which the net investment income tax
 *     applies, in dollars (IRC §1411(b)); not indexed for inflation
 */
public record FilingStatusTable(
    RateSchedule ordinary,
    RateSchedule capitalGains,
    BigDecimal standardDeduction,
    BigDecimal capitalLossLimit,
    BigDecimal niitThreshold) {

  public FilingStatusTable {
    Objects.requireNonNull(ordinary, "ordinary");
    Objects.requireNonNull(capitalGains, "capitalGains");
    requireNotNegative(standardDeduction, "standardDeduction");
    requireNotNegative(capitalLossLimit, "capitalLossLimit");
    requireNotNegative(niitThreshold, "niitThreshold");
  }

  private static void requireNotNegative(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
