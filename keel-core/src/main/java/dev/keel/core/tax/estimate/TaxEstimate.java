package dev.keel.core.tax.estimate;

import dev.keel.core.tax.FilingStatus;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A federal and state income-tax estimate for one tax year, with the breakdown that explains it.
 *
 * <p>Every amount is in dollars and rounded to cents, half-up, once: each figure is computed
 * unrounded from the inputs and rounded only when it is reported here. {@link #total()} is the sum
 * of the four rounded taxes ({@link #ordinaryTax()}, {@link #preferentialTax()}, {@link #niit()},
 * {@link #stateTax()}) so that the breakdown adds up to the cent.
 *
 * <p>This is an estimate of income tax on the figures given, not a return: no credits, no
 * alternative minimum tax, no payroll taxes, and the tax is figured with the rate schedules
 * exactly rather than the Tax Table's $50 bands below $100,000 (which can differ by a few dollars).
 *
 * @param year the tax year
 * @param filingStatus the filing status
 * @param scheduleD the Schedule D netting, with the carryforward to the next year
 * @param adjustedGrossIncome ordinary income + taxable interest + ordinary dividends + the capital
 *     gain or deductible loss; also the modified AGI used for the net investment income tax
 * @param deduction the standard deduction or the deduction given, a positive number
 * @param taxableIncome adjusted gross income minus the deduction, not below zero (Form 1040 line
 *     15)
 * @param taxableOrdinaryIncome the part of taxable income taxed at ordinary rates: taxable income
 *     minus qualified dividends and net capital gain, not below zero (Qualified Dividends and
 *     Capital Gain Tax Worksheet line 5)
 * @param preferentialIncome qualified dividends plus net capital gain, as far as they are in taxable
 *     income (worksheet line 10)
 * @param ordinaryTax the tax on {@code taxableOrdinaryIncome} at the ordinary rates (worksheet line
 *     22)
 * @param preferentialTax the tax on {@code preferentialIncome}, stacked on top of ordinary income,
 *     at 0% / 15% / 20%; computed as the worksheet's final tax (the smaller of line 23 and line 24,
 *     the regular tax on all taxable income) minus {@code ordinaryTax}, so never negative
 * @param netInvestmentIncome interest, ordinary dividends and the capital gain or deductible loss,
 *     not below zero (Form 8960 line 12, with no investment expenses)
 * @param niit net investment income tax: 3.8% of the smaller of {@code netInvestmentIncome} and
 *     adjusted gross income over the threshold (IRC §1411)
 * @param stateTax the flat state rate times taxable income; never negative
 * @param total {@code ordinaryTax + preferentialTax + niit + stateTax}
 * @param taxOnInvestments what the investment income costs: {@code total} minus the total for the
 *     same profile with no gains, losses, dividends or interest this year (the loss carryforward in
 *     stays). Negative when realized losses save tax.
 */
public record TaxEstimate(
    int year,
    FilingStatus filingStatus,
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
    BigDecimal stateTax,
    BigDecimal total,
    BigDecimal taxOnInvestments) {

  public TaxEstimate {
    Objects.requireNonNull(filingStatus, "filingStatus");
    Objects.requireNonNull(scheduleD, "scheduleD");
    Objects.requireNonNull(adjustedGrossIncome, "adjustedGrossIncome");
    requireNotNegative(deduction, "deduction");
    requireNotNegative(taxableIncome, "taxableIncome");
    requireNotNegative(taxableOrdinaryIncome, "taxableOrdinaryIncome");
    requireNotNegative(preferentialIncome, "preferentialIncome");
    requireNotNegative(ordinaryTax, "ordinaryTax");
    requireNotNegative(preferentialTax, "preferentialTax");
    requireNotNegative(netInvestmentIncome, "netInvestmentIncome");
    requireNotNegative(niit, "niit");
    requireNotNegative(stateTax, "stateTax");
    requireNotNegative(total, "total");
    Objects.requireNonNull(taxOnInvestments, "taxOnInvestments");
  }

  /** Federal income tax before the net investment income tax: ordinary plus preferential. */
  public BigDecimal federalIncomeTax() {
    return ordinaryTax.add(preferentialTax);
  }

  /** Federal income tax plus the net investment income tax. */
  public BigDecimal federalTax() {
    return federalIncomeTax().add(niit);
  }

  private static void requireNotNegative(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
