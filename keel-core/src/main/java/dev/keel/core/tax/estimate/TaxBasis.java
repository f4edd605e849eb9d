package dev.keel.core.tax.estimate;

import dev.keel.core.tax.TaxSettings;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tax figure was priced with, so that every output can say it: the tax year, the federal
 * tables (when the household gives its income), the marginal rates and where they come from, and
 * the capital loss carried into the year.
 *
 * @param taxYear the tax year priced
 * @param tables the federal tables used; empty when the household gives rates only or no income
 * @param rates the marginal rates on the next dollar of short- and long-term gain, fractions
 * @param ratesSource {@code household_rates}, {@code brackets} or {@code default} ({@link
 *     TaxProfiles#ratesSource})
 * @param shortTermCarryIn short-term capital loss carried into the year, dollars, positive
 * @param longTermCarryIn long-term capital loss carried into the year, dollars, positive
 */
public record TaxBasis(
    int taxYear,
    Optional<TablesUsed> tables,
    MarginalRates rates,
    String ratesSource,
    BigDecimal shortTermCarryIn,
    BigDecimal longTermCarryIn) {

  public TaxBasis {
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(ratesSource, "ratesSource");
    Objects.requireNonNull(shortTermCarryIn, "shortTermCarryIn");
    Objects.requireNonNull(longTermCarryIn, "longTermCarryIn");
  }

  /**
   * The basis of a figure for {@code year} priced with {@code rates} and {@code tax}, whose
   * carryforward is the carry into that year.
   */
  public static TaxBasis of(int year, TaxSettings tax, MarginalRates rates, TaxTables tables) {
    Optional<TablesUsed> used = tax.rates().isEmpty() && tax.ordinaryIncome().isPresent()
        ? Optional.of(TablesUsed.forYear(year, tables))
        : Optional.empty();
    return new TaxBasis(year, used, rates, TaxProfiles.ratesSource(tax), tax.shortTermCarryforward(),
        tax.longTermCarryforward());
  }
}
