package dev.keel.core.tax.estimate;

import dev.keel.core.money.Decimals;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Estimates a year's federal and state income tax on a household's income and investment results,
 * and the marginal rates at which the next dollar of gain would be taxed. Stateless: the tax
 * tables are given to the constructor; {@link #DEFAULT} uses the {@linkplain TaxTables#bundled()
 * bundled} ones.
 *
 * <h2>How the estimate is figured</h2>
 *
 * <ol>
 *   <li>Schedule D nets the year's short- and long-term results with the loss carryforward, limits
 *       a net loss to $3,000 ($1,500 married filing separately) and carries the rest forward with
 *       its character ({@link ScheduleD}).
 *   <li>Adjusted gross income = ordinary income + taxable interest + ordinary dividends + the
 *       capital gain or deductible loss. Taxable income = AGI minus the deduction (the larger of
 *       the profile's itemized deduction and the standard deduction, unless the profile forces
 *       the itemized one), not below zero.
 *   <li>Federal income tax follows the Qualified Dividends and Capital Gain Tax Worksheet (Form 1040
 *       instructions): qualified dividends plus net capital gain are stacked on top of the
 *       ordinary part of taxable income and taxed at 0% / 15% / 20% by where they fall against
 *       the thresholds; the ordinary part is taxed at the ordinary rates; and the result is
 *       compared with the regular tax on all taxable income, keeping the smaller (line 25).
 *   <li>Net investment income tax: 3.8% of the smaller of net investment income and AGI over the
 *       threshold (IRC §1411; modified AGI equals AGI here, as there is no foreign income
 *       exclusion). Net investment income includes the capital loss deducted against other income,
 *       as Form 8960 line 5a takes it from Form 1040 line 7.
 *   <li>State tax: the flat state rate times federal taxable income, which includes gains.
 * </ol>
 *
 * <p>Rounding: nothing is rounded while computing; each reported figure is rounded to cents,
 * half-up, and the total is the sum of the rounded taxes (see {@link TaxEstimate}).
 */
public final class TaxEstimator {

  /** An estimator with the tables bundled with Keel (2018 through 2026). */
  public static final TaxEstimator DEFAULT = new TaxEstimator(TaxTables.bundled());

  /**
   * The step over which marginal rates are measured. Every bracket threshold is a whole dollar
   * and inputs are money, so no kink of the tax lies strictly inside a step this small, and the
   * arithmetic is exact in BigDecimal: the difference quotient is the exact rate to the right.
   */
  private static final BigDecimal STEP = new BigDecimal("1E-12");

  private final TaxTables tables;

  /** An estimator that reads its figures from {@code tables}. */
  public TaxEstimator(TaxTables tables) {
    this.tables = Objects.requireNonNull(tables, "tables");
  }

  /** The tables this estimator reads. */
  public TaxTables tables() {
    return tables;
  }

  /**
   * The tax for the profile's year with the given investment results.
   *
   * @throws IllegalArgumentException when there is no table for the profile's year
   */
  public TaxEstimate estimate(TaxProfile profile, CapitalGainsInput investments) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(investments, "investments");
    TaxYearTable table = tables.get(profile.year());
    Figures figures = compute(table, profile, investments);
    Figures baseline = compute(table, profile, CapitalGainsInput.none());
    BigDecimal total = figures.roundedTotal();
    return new TaxEstimate(
        profile.year(),
        profile.filingStatus(),
        figures.scheduleD().rounded(),
        Decimals.cents(figures.adjustedGrossIncome()),
        Decimals.cents(figures.deduction()),
        Decimals.cents(figures.taxableIncome()),
        Decimals.cents(figures.taxableOrdinaryIncome()),
        Decimals.cents(figures.preferentialIncome()),
        Decimals.cents(figures.ordinaryTax()),
        Decimals.cents(figures.preferentialTax()),
        Decimals.cents(figures.netInvestmentIncome()),
        Decimals.cents(figures.niit()),
        Decimals.cents(figures.stateTax()),
        total,
        total.subtract(baseline.roundedTotal()));
  }

  /**
   * The combined marginal rates (federal + net investment income tax + state) on the next dollar
   * of short-term and of long-term gain, for a profile with no investment results yet.
   *
   * @see #marginalRates(TaxProfile, CapitalGainsInput)
   */
  public MarginalRates marginalRates(TaxProfile profile) {
    return marginalRates(profile, CapitalGainsInput.none());
  }

  /**
   * The combined marginal rates on the next dollar of short-term and of long-term gain, given the
   * investment results already realized in the year. Rates are fractions of the dollar, exact
   * (not rounded), and count only this year's tax.
   *
   * <p>In the ordinary case they are: short-term, the ordinary bracket rate at taxable income; long
   * term, the 0% / 15% / 20% rate where the next dollar stacks; each plus 3.8% when modified AGI
   * is at or above the net investment income tax threshold (the next dollar is above it), plus the
   * state rate. They are measured as the rate of change of the estimate's total to the right of
   * the current figures, so they are also right where that simple sum is not:
   *
   * <ul>
   *   <li>while the deduction is not used up, the next dollar is not taxed: both rates are 0;
   *   <li>while the year's net capital loss exceeds the deduction limit, the next dollar of gain
   *       only reduces the loss carried forward: both rates are 0 this year (the carryforward's
   *       future value is not priced here);
   *   <li>while the net loss is within the limit, the next dollar of gain, short or long, reduces
   *       the deduction and costs the ordinary rate;
   *   <li>just above the 0% capital gain threshold but still in the 12% bracket, the worksheet's
   *       comparison with the regular tax (line 25) makes the long-term rate 12%, not 15%.
   * </ul>
   *
   * @throws IllegalArgumentException when there is no table for the profile's year
   */
  public MarginalRates marginalRates(TaxProfile profile, CapitalGainsInput realizedSoFar) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(realizedSoFar, "realizedSoFar");
    TaxYearTable table = tables.get(profile.year());
    BigDecimal base = compute(table, profile, realizedSoFar).total();
    BigDecimal shortTerm =
        compute(table, profile, realizedSoFar.plusShortTerm(STEP)).total().subtract(base);
    BigDecimal longTerm =
        compute(table, profile, realizedSoFar.plusLongTerm(STEP)).total().subtract(base);
    return new MarginalRates(perDollar(shortTerm), perDollar(longTerm));
  }

  private static BigDecimal perDollar(BigDecimal changeOverStep) {
    return Decimals.normalize(changeOverStep.divide(STEP));
  }

  /** The whole computation, unrounded. */
  private static Figures compute(
      TaxYearTable table, TaxProfile profile, CapitalGainsInput investments) {
    FilingStatusTable rules = table.forStatus(profile.filingStatus());
    BigDecimal deduction = profile.deductionTaken(rules.standardDeduction());
    BigDecimal otherIncome =
        profile
            .ordinaryIncome()
            .add(investments.taxableInterest())
            .add(investments.ordinaryDividends());

    ScheduleD scheduleD =
        ScheduleD.compute(
            investments.shortTermNet(),
            investments.longTermNet(),
            profile.shortTermLossCarryforward(),
            profile.longTermLossCarryforward(),
            rules.capitalLossLimit(),
            otherIncome.subtract(deduction));

    BigDecimal agi = otherIncome.add(scheduleD.capitalGainOrLoss());
    BigDecimal taxableIncome = positivePart(agi.subtract(deduction));

    // Qualified Dividends and Capital Gain Tax Worksheet.
    BigDecimal line4 = investments.qualifiedDividends().add(scheduleD.netCapitalGain());
    BigDecimal line5 = positivePart(taxableIncome.subtract(line4));
    BigDecimal line10 = taxableIncome.min(line4);
    BigDecimal line22 = rules.ordinary().taxOn(line5);
    BigDecimal line23 = line22.add(rules.capitalGains().taxOnSlice(line5, line10));
    BigDecimal line24 = rules.ordinary().taxOn(taxableIncome);
    BigDecimal federalIncomeTax = line23.min(line24);

    BigDecimal netInvestmentIncome =
        positivePart(
            investments
                .taxableInterest()
                .add(investments.ordinaryDividends())
                .add(scheduleD.capitalGainOrLoss()));
    BigDecimal overThreshold = positivePart(agi.subtract(rules.niitThreshold()));
    BigDecimal niit = table.niitRate().multiply(netInvestmentIncome.min(overThreshold));

    BigDecimal stateTax = profile.stateRate().multiply(taxableIncome);

    return new Figures(
        scheduleD,
        agi,
        deduction,
        taxableIncome,
        line5,
        line10,
        line22,
        federalIncomeTax.subtract(line22),
        netInvestmentIncome,
        niit,
        stateTax);
  }

  private static BigDecimal positivePart(BigDecimal value) {
    return value.signum() > 0 ? value : BigDecimal.ZERO;
  }

  /** The estimate's figures before rounding. */
  private record Figures(
      ScheduleD scheduleD,
      BigDecimal adjustedGrossIncome,
      BigDecimal deduction,
      BigDecimal taxableIncome,
      BigDecimal taxableOrdinaryIncome,
      BigDecimal preferentialIncome,
      BigDecimal ordinaryTax,
      BigDecimal preferentialTax,
      BigDecimal netInvestmentIncome,
      BigDecimal niit,
      BigDecimal stateTax) {

    BigDecimal total() {
      return ordinaryTax.add(preferentialTax).add(niit).add(stateTax);
    }

    BigDecimal roundedTotal() {
      return Decimals.cents(ordinaryTax)
          .add(Decimals.cents(preferentialTax))
          .add(Decimals.cents(niit))
          .add(Decimals.cents(stateTax));
    }
  }
}
