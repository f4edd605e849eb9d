package dev.keel.core.household;

import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The household's tax facts and preferences, from the {@code tax} section of household.yaml.
 *
 * @param rates combined marginal rates to use when no income is given
 * @param ordinaryIncome ordinary income (wages and the like) in dollars, before deductions
 * @param deduction itemized deduction in dollars; empty means the standard deduction
 * @param stateRate flat state income-tax rate as a fraction
 * @param shortTermCarryforward short-term capital loss carried into the year, a positive number
 * @param longTermCarryforward long-term capital loss carried into the year, a positive number
 * @param allowShortTermGains whether the rebalancer may realize short-term gains
 * @param longTermSoonDays the rebalancer avoids selling a gain lot this close to turning long-term
 * @param maxNetGains hard limit on net realized gains per calendar year, in dollars; empty = none
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
    Optional<BigDecimal> maxNetGains) {

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
    if (longTermSoonDays < 0) {
      throw new IllegalArgumentException("longTermSoonDays must not be negative: " + longTermSoonDays);
    }
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
