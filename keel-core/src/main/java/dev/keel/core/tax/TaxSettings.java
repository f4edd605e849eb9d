package dev.keel.core.tax;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The household's tax facts and preferences, from the {@code tax} section of household.yaml.
 *
 * @param rates combined marginal rates to use when no income is given
 * @param ordinaryIncome ordinary income (wages and the like) in dollars, before deductions
 * @param deduction itemized deduction in dollars; empty means the standard deduction. The larger of
 *     the two is taken unless {@code itemize} is set
 * @param stateRate flat state income-tax rate as a fraction
 * @param shortTermCarryforward short-term capital loss carried into {@code carryforwardInto}, a
 *     positive number; once resolved for a year ({@link #withCarryforward}), the carry into that year
 * @param longTermCarryforward long-term capital loss carried into {@code carryforwardInto}, a
 *     positive number; likewise
 * @param allowShortTermGains whether the rebalancer may realize short-term gains
 * @param longTermSoonDays the rebalancer avoids selling a gain lot this close to turning long-term
 * @param maxNetGains hard limit on net realized gains per calendar year, in dollars; empty = none
 * @param carryforwardInto the tax year the configured carryforward enters (household.yaml {@code
 *     tax.carryforward.into}); later years' carries are computed from the ledger. Empty when there
 *     is no carryforward, or, for settings built in code for one year, meaning the carry into
 *     whichever year is priced
 * @param itemize take {@code deduction} even when it is smaller than the standard deduction
 * @param incomeIncludesEspp whether {@code ordinaryIncome} already includes the ordinary income
 *     (wages) that ESPP dispositions realize (IRS Publication 525), as Form W-2 box 1 usually does;
 *     when false, the bracket estimate adds the year's ESPP income to it. Default true
 */
public record TaxSettings(
    FilingStatus filingStatus,
    Optional<MarginalRates> rates,
    Optional<BigDecimal> ordinaryIncome,
    Optional<BigDecimal> deduction,
    BigDecimal stateRate,
    BigDecimal shortTermCarryforward,
    BigDecimal longTermCarryforward,
    boolean allowShortTermGains,
    int longTermSoonDays,
    Optional<BigDecimal> maxNetGains,
    Optional<Integer> carryforwardInto,
    boolean itemize,
    boolean incomeIncludesEspp) {

  /** Used when household.yaml gives no rates and no income: a common upper-middle bracket. */
  public static final MarginalRates DEFAULT_RATES = MarginalRates.of("0.32", "0.15");

  public TaxSettings {
    Objects.requireNonNull(filingStatus, "filingStatus");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(ordinaryIncome, "ordinaryIncome");
    Objects.requireNonNull(deduction, "deduction");
    stateRate = stateRate == null ? BigDecimal.ZERO : stateRate;
    shortTermCarryforward = shortTermCarryforward == null ? BigDecimal.ZERO : shortTermCarryforward;
    longTermCarryforward = longTermCarryforward == null ? BigDecimal.ZERO : longTermCarryforward;
    Objects.requireNonNull(maxNetGains, "maxNetGains");
    carryforwardInto = carryforwardInto == null ? Optional.empty() : carryforwardInto;
    if (longTermSoonDays < 0) {
      throw new IllegalArgumentException("longTermSoonDays must not be negative: " + longTermSoonDays);
    }
  }

  /** Settings whose income includes the ESPP income of the year (household.yaml's default). */
  public TaxSettings(FilingStatus filingStatus, Optional<MarginalRates> rates, Optional<BigDecimal> ordinaryIncome,
      Optional<BigDecimal> deduction, BigDecimal stateRate, BigDecimal shortTermCarryforward,
      BigDecimal longTermCarryforward, boolean allowShortTermGains, int longTermSoonDays,
      Optional<BigDecimal> maxNetGains, Optional<Integer> carryforwardInto, boolean itemize) {
    this(filingStatus, rates, ordinaryIncome, deduction, stateRate, shortTermCarryforward, longTermCarryforward,
        allowShortTermGains, longTermSoonDays, maxNetGains, carryforwardInto, itemize, true);
  }

  /** Settings with no stated carryforward year and the larger deduction taken. */
  public TaxSettings(FilingStatus filingStatus, Optional<MarginalRates> rates, Optional<BigDecimal> ordinaryIncome,
      Optional<BigDecimal> deduction, BigDecimal stateRate, BigDecimal shortTermCarryforward,
      BigDecimal longTermCarryforward, boolean allowShortTermGains, int longTermSoonDays,
      Optional<BigDecimal> maxNetGains) {
    this(filingStatus, rates, ordinaryIncome, deduction, stateRate, shortTermCarryforward, longTermCarryforward,
        allowShortTermGains, longTermSoonDays, maxNetGains, Optional.empty(), false);
  }

  /**
   * A copy whose carryforward is the loss carried into {@code year}: what the reports and the
   * rebalancer price that year with.
   */
  public TaxSettings withCarryforward(int year, BigDecimal shortTerm, BigDecimal longTerm) {
    return new TaxSettings(filingStatus, rates, ordinaryIncome, deduction, stateRate, shortTerm, longTerm,
        allowShortTermGains, longTermSoonDays, maxNetGains, Optional.of(year), itemize, incomeIncludesEspp);
  }

  /** A copy that takes the itemized deduction even when smaller than the standard one. */
  public TaxSettings withItemize(boolean value) {
    return new TaxSettings(filingStatus, rates, ordinaryIncome, deduction, stateRate, shortTermCarryforward,
        longTermCarryforward, allowShortTermGains, longTermSoonDays, maxNetGains, carryforwardInto, value,
        incomeIncludesEspp);
  }

  /** A copy saying whether {@code ordinaryIncome} already includes the year's ESPP income. */
  public TaxSettings withIncomeIncludesEspp(boolean value) {
    return new TaxSettings(filingStatus, rates, ordinaryIncome, deduction, stateRate, shortTermCarryforward,
        longTermCarryforward, allowShortTermGains, longTermSoonDays, maxNetGains, carryforwardInto, itemize, value);
  }

  /** A copy with {@code amount} more ordinary income (only when an income is given). */
  public TaxSettings withIncomeAdded(BigDecimal amount) {
    return new TaxSettings(filingStatus, rates, ordinaryIncome.map(i -> i.add(amount)), deduction, stateRate,
        shortTermCarryforward, longTermCarryforward, allowShortTermGains, longTermSoonDays, maxNetGains,
        carryforwardInto, itemize, incomeIncludesEspp);
  }

  /** Whether any capital loss is carried in. */
  public boolean hasCarryforward() {
    return shortTermCarryforward.signum() != 0 || longTermCarryforward.signum() != 0;
  }

  public static TaxSettings of(FilingStatus status, MarginalRates rates) {
    return new TaxSettings(
        status, Optional.of(rates), Optional.empty(), Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, false, 30, Optional.empty());
  }

  public static TaxSettings defaults() {
    return new TaxSettings(
        FilingStatus.MARRIED_JOINT, Optional.empty(), Optional.empty(), Optional.empty(), BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, false, 30, Optional.empty());
  }
}
