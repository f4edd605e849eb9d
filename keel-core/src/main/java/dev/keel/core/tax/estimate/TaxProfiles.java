package dev.keel.core.tax.estimate;

import dev.keel.core.tax.TaxSettings;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;

/** Turns household.yaml's tax settings into a {@link TaxProfile} and into marginal rates. */
public final class TaxProfiles {

  private TaxProfiles() {}

  /**
   * The profile for {@code year}. When the bundled tables have no such year the nearest one is
   * used and {@link #tableYear} (or {@link TablesUsed#forYear}) says which: every report built on
   * such a profile must show {@link TablesUsed#label()}.
   */
  public static TaxProfile from(TaxSettings tax, int year, TaxTables tables) {
    int tableYear = tableYear(year, tables);
    return new TaxProfile(tableYear, tax.filingStatus(), tax.ordinaryIncome().orElse(BigDecimal.ZERO), tax.deduction(),
        tax.stateRate(), tax.shortTermCarryforward(), tax.longTermCarryforward(), tax.itemize());
  }

  /** {@code year} when the tables have it, else the nearest year they have. */
  public static int tableYear(int year, TaxTables tables) {
    if (tables.find(year).isPresent()) {
      return year;
    }
    int best = -1;
    for (int y : tables.years()) {
      if (best < 0 || Math.abs(y - year) <= Math.abs(best - year)) {
        best = y;
      }
    }
    return best;
  }

  /**
   * Where {@link #marginalRates} takes its rates from: {@code household_rates} (tax.rates given),
   * {@code brackets} (derived from tax.income and the year's table) or {@code default} (32% / 15%).
   */
  public static String ratesSource(TaxSettings tax) {
    if (tax.rates().isPresent()) {
      return "household_rates";
    }
    return tax.ordinaryIncome().isPresent() ? "brackets" : "default";
  }

  /**
   * The rates to price gains with, at the household's income alone (nothing realized yet).
   *
   * @see #marginalRates(TaxSettings, int, TaxEstimator, CapitalGainsInput)
   */
  public static MarginalRates marginalRates(TaxSettings tax, int year, TaxEstimator estimator) {
    return marginalRates(tax, year, estimator, CapitalGainsInput.none());
  }

  /**
   * The rates to price gains with: the {@code rates} given in household.yaml when present, else
   * the rates on the next dollar at the household's income for the year with {@code realizedSoFar}
   * (the year's sales, distributions, dividends and interest until now: they move where the next
   * dollar stacks) (federal + NIIT + state), else {@link TaxSettings#DEFAULT_RATES}.
   *
   * <p>When the year's net capital loss (the carry in included) exceeds the deduction limit, this
   * year's rate on the next dollar of gain is zero: the gain only shrinks the carry out (IRC
   * §1212(b)). That dollar of carry is not free, though: it would have saved tax on a later gain.
   * So the rates are then the long-term rate the household would pay with no loss at all
   * (undiscounted, as {@code futureValue} of a harvest is), for short- and long-term gains alike,
   * since either uses up the same carry. Otherwise the program prices every gain as free and every
   * harvested loss as worthless while a carry lasts.
   */
  public static MarginalRates marginalRates(TaxSettings tax, int year, TaxEstimator estimator,
      CapitalGainsInput realizedSoFar) {
    if (tax.rates().isPresent()) {
      return tax.rates().get();
    }
    if (tax.ordinaryIncome().isPresent()) {
      TaxProfile profile = from(tax, year, estimator.tables());
      MarginalRates thisYear = estimator.marginalRates(profile, realizedSoFar);
      ScheduleD d = estimator.estimate(profile, realizedSoFar).scheduleD();
      if (d.shortTermCarryforwardOut().signum() == 0 && d.longTermCarryforwardOut().signum() == 0) {
        return thisYear;
      }
      BigDecimal carryDollar =
          estimator.marginalRates(profile.withCarryforward(BigDecimal.ZERO, BigDecimal.ZERO)).longTerm();
      return new MarginalRates(
          thisYear.shortTerm().signum() > 0 ? thisYear.shortTerm() : carryDollar,
          thisYear.longTerm().signum() > 0 ? thisYear.longTerm() : carryDollar);
    }
    return TaxSettings.DEFAULT_RATES;
  }
}
