package dev.keel.core.report;

import dev.keel.core.household.Household;
import dev.keel.core.household.TaxSettings;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.Income;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.money.Decimals;
import dev.keel.core.tax.FlatRateTax;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.estimate.CapitalGainsInput;
import dev.keel.core.tax.estimate.TaxEstimate;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfile;
import dev.keel.core.tax.estimate.TaxProfiles;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds a year's realized gains from the booked ledger: the Form 8949 rows of taxable accounts,
 * the wash-sale totals and the tax estimate. A query over the ledger, not bookkeeping of its own.
 *
 * <p>With the household's income the estimate uses the brackets; with rates only, {@link
 * FlatRateTax}: the tax the year's investment results add, Schedule D netting and the loss limit
 * included (negative when losses reduce the tax on other income).
 *
 * <p>Dividends enter the bracket estimate as ordinary (non-qualified) dividends: Keel does not know
 * which part of a fund's dividends is qualified, and overstating a tax is the safer error here.
 */
public final class GainsReporter {

  public static final GainsReporter DEFAULT = new GainsReporter(TaxEstimator.DEFAULT);

  private static final Comparator<Disposal> ORDER =
      Comparator.comparing(Disposal::sold).thenComparing(d -> d.account().value()).thenComparing(d -> d.symbol().value());

  private final TaxEstimator estimator;

  public GainsReporter(TaxEstimator estimator) {
    this.estimator = estimator;
  }

  public RealizedGains report(Household household, LedgerResult books, int year) {
    List<Disposal> rows = books.disposals().stream()
        .filter(d -> d.taxable() && d.sold().getYear() == year)
        .sorted(ORDER)
        .toList();
    List<Disposal> shortTerm = rows.stream().filter(d -> d.term() == Term.SHORT).toList();
    List<Disposal> longTerm = rows.stream().filter(d -> d.term() == Term.LONG).toList();
    TermTotals st = TermTotals.of(shortTerm);
    TermTotals lt = TermTotals.of(longTerm);
    BigDecimal permanent = rows.stream().map(Disposal::permanentlyDisallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal disallowed = rows.stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal dividends = BigDecimal.ZERO;
    BigDecimal interest = BigDecimal.ZERO;
    for (Income income : books.income()) {
      if (income.date().getYear() != year || !household.getAccount(income.account()).taxable()) {
        continue;
      }
      if (income.action() == Action.INTEREST) {
        interest = interest.add(income.amount());
      } else {
        dividends = dividends.add(income.amount());
      }
    }

    TaxSettings tax = household.tax();
    MarginalRates rates = TaxProfiles.marginalRates(tax, year, estimator);
    Optional<TaxEstimate> estimate = Optional.empty();
    Optional<BigDecimal> flat = Optional.empty();
    if (tax.ordinaryIncome().isPresent()) {
      TaxProfile profile = TaxProfiles.from(tax, year, estimator.tables());
      CapitalGainsInput input = CapitalGainsInput.of(st.gain(), lt.gain())
          .withDividends(dividends, BigDecimal.ZERO)
          .withInterest(interest);
      estimate = Optional.of(estimator.estimate(profile, input));
    } else {
      BigDecimal other = dividends.add(interest);
      BigDecimal with = FlatRateTax.of(st.gain(), lt.gain(), tax.shortTermCarryforward(), tax.longTermCarryforward(), other,
          rates, tax.filingStatus()).tax();
      BigDecimal without = FlatRateTax.of(BigDecimal.ZERO, BigDecimal.ZERO, tax.shortTermCarryforward(),
          tax.longTermCarryforward(), BigDecimal.ZERO, rates, tax.filingStatus()).tax();
      flat = Optional.of(Decimals.cents(with.subtract(without)));
    }
    return new RealizedGains(year, shortTerm, longTerm, st, lt, disallowed.subtract(permanent), permanent, dividends,
        interest, estimate, flat, rates);
  }
}
