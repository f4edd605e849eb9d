package dev.keel.core.tax.estimate;

import dev.keel.core.tax.FilingStatus;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The household's tax facts for one tax year, apart from its investment income: what the estimate
 * starts from. All amounts are dollars; none is rounded.
 *
 * <p>Build one with {@link #of(int, FilingStatus, BigDecimal)} and the {@code with*} copies.
 *
 * @param year the tax year; the estimator must have a table for it
 * @param filingStatus the federal filing status
 * @param ordinaryIncome wages and other ordinary income, before deductions, not counting the
 *     interest, dividends and capital gains given to the estimator separately; zero or more
 * @param deduction the itemized deduction, zero or more; empty means the year's standard deduction
 *     for the filing status. The larger of the two is subtracted from adjusted gross income
 *     unless {@code forceItemized}
 * @param stateRate flat state income-tax rate as a fraction of federal taxable income, between 0
 *     and 0.5 (0.05 means 5%); 0 for no state tax
 * @param shortTermLossCarryforward short-term capital loss carried into the year from earlier
 *     years, a positive number meaning a loss (Schedule D line 6); zero or more
 * @param longTermLossCarryforward long-term capital loss carried into the year from earlier years, a
 *     positive number meaning a loss (Schedule D line 14); zero or more
 * @param forceItemized whether {@code deduction} is taken even when smaller than the standard
 *     deduction (a spouse filing separately whose spouse itemizes must itemize, IRC §63(c)(6)(A));
 *     otherwise the larger of the two is taken, as a taxpayer would choose
 */
public record TaxProfile(
    int year,
    FilingStatus filingStatus,
    BigDecimal ordinaryIncome,
    Optional<BigDecimal> deduction,
    BigDecimal stateRate,
    BigDecimal shortTermLossCarryforward,
    BigDecimal longTermLossCarryforward,
    boolean forceItemized) {

  /**
   * The highest state rate accepted. No US state and city rate combined comes near it; a larger
   * figure is almost certainly a percentage typed as a whole number.
   */
  public static final BigDecimal MAX_STATE_RATE = new BigDecimal("0.5");

  public TaxProfile {
    Objects.requireNonNull(filingStatus, "filingStatus");
    requireNotNegative(ordinaryIncome, "ordinaryIncome");
    Objects.requireNonNull(deduction, "deduction");
    deduction.ifPresent(d -> requireNotNegative(d, "deduction"));
    Objects.requireNonNull(stateRate, "stateRate");
    if (stateRate.signum() < 0 || stateRate.compareTo(MAX_STATE_RATE) > 0) {
      throw new IllegalArgumentException(
          "stateRate must be a fraction between 0 and " + MAX_STATE_RATE + " (0.05 for 5%): "
              + stateRate);
    }
    requireNotNegative(shortTermLossCarryforward, "shortTermLossCarryforward");
    requireNotNegative(longTermLossCarryforward, "longTermLossCarryforward");
    if (year < 1913) {
      throw new IllegalArgumentException("year must be a federal income-tax year: " + year);
    }
  }

  /** A profile that takes the larger of {@code deduction} and the standard deduction. */
  public TaxProfile(
      int year,
      FilingStatus filingStatus,
      BigDecimal ordinaryIncome,
      Optional<BigDecimal> deduction,
      BigDecimal stateRate,
      BigDecimal shortTermLossCarryforward,
      BigDecimal longTermLossCarryforward) {
    this(year, filingStatus, ordinaryIncome, deduction, stateRate, shortTermLossCarryforward,
        longTermLossCarryforward, false);
  }

  /**
   * A copy that takes {@link #deduction()} even when it is smaller than the standard deduction
   * ({@code true}), or the larger of the two ({@code false}, the default).
   */
  public TaxProfile withForcedItemized(boolean value) {
    return new TaxProfile(year, filingStatus, ordinaryIncome, deduction, stateRate,
        shortTermLossCarryforward, longTermLossCarryforward, value);
  }

  /** The deduction taken in a year whose standard deduction is {@code standard}, in dollars. */
  public BigDecimal deductionTaken(BigDecimal standard) {
    return deduction.map(d -> forceItemized ? d : d.max(standard)).orElse(standard);
  }

  /**
   * A profile with the standard deduction, no state tax and no loss carryforward.
   *
   * @param ordinaryIncome wages and other ordinary income in dollars, zero or more
   */
  public static TaxProfile of(int year, FilingStatus filingStatus, BigDecimal ordinaryIncome) {
    return new TaxProfile(
        year,
        filingStatus,
        ordinaryIncome,
        Optional.empty(),
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO);
  }

  /** A copy with this ordinary income, in dollars. */
  public TaxProfile withOrdinaryIncome(BigDecimal amount) {
    return new TaxProfile(
        year,
        filingStatus,
        amount,
        deduction,
        stateRate,
        shortTermLossCarryforward,
        longTermLossCarryforward,
        forceItemized);
  }

  /** A copy that deducts {@code amount} dollars (e.g. itemized) instead of the standard deduction. */
  public TaxProfile withDeduction(BigDecimal amount) {
    return new TaxProfile(
        year,
        filingStatus,
        ordinaryIncome,
        Optional.of(Objects.requireNonNull(amount, "deduction")),
        stateRate,
        shortTermLossCarryforward,
        longTermLossCarryforward,
        forceItemized);
  }

  /** A copy that takes the year's standard deduction. */
  public TaxProfile withStandardDeduction() {
    return new TaxProfile(
        year,
        filingStatus,
        ordinaryIncome,
        Optional.empty(),
        stateRate,
        shortTermLossCarryforward,
        longTermLossCarryforward,
        forceItemized);
  }

  /** A copy with this flat state rate, a fraction (0.05 for 5%). */
  public TaxProfile withStateRate(BigDecimal rate) {
    return new TaxProfile(
        year,
        filingStatus,
        ordinaryIncome,
        deduction,
        rate,
        shortTermLossCarryforward,
        longTermLossCarryforward,
        forceItemized);
  }

  /**
   * A copy with these capital loss carryforwards from earlier years, positive numbers meaning
   * losses.
   */
  public TaxProfile withCarryforward(BigDecimal shortTermLoss, BigDecimal longTermLoss) {
    return new TaxProfile(
        year, filingStatus, ordinaryIncome, deduction, stateRate, shortTermLoss, longTermLoss,
        forceItemized);
  }

  private static void requireNotNegative(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
