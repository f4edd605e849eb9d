package dev.keel.core.tax.estimate;

import dev.keel.core.household.TaxSettings;
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
   * The rates to price gains with: the {@code rates} given in household.yaml when present, else
   * the rates at the household's income for the year (federal + NIIT + state), else {@link
   * TaxSettings#DEFAULT_RATES}.
   */
  public static MarginalRates marginalRates(TaxSettings tax, int year, TaxEstimator estimator) {
    if (tax.rates().isPresent()) {
      return tax.rates().get();
    }
    if (tax.ordinaryIncome().isPresent()) {
      return estimator.marginalRates(from(tax, year, estimator.tables()));
    }
    return TaxSettings.DEFAULT_RATES;
  }
}
