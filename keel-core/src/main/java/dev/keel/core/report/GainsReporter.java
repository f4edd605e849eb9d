package dev.keel.core.report;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.BasisReporting;
import dev.keel.core.household.Household;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.LotId;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.money.Decimals;
import dev.keel.core.tax.FlatRateTax;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.estimate.LossCarryover;
import dev.keel.core.tax.estimate.TablesUsed;
import dev.keel.core.tax.estimate.TaxEstimate;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfile;
import dev.keel.core.tax.estimate.TaxProfiles;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a year's realized gains from the booked ledger: the Form 8949 rows of taxable accounts
 * with their boxes, the wash-sale totals, the capital loss carried in and the tax estimate. A
 * query over the ledger, not bookkeeping of its own.
 *
 * <p>The capital loss carried into the year is computed from the ledger ({@link LossCarryover}):
 * the figure household.yaml gives for its {@code into} year, carried on through every later year.
 *
 * <p>With the household's income the estimate uses the brackets of the year's table (or, for a
 * year without one, the nearest year's, labelled as such); with rates only, {@link FlatRateTax}:
 * the tax the year's investment results add, Schedule D netting and the loss limit included
 * (negative when losses reduce the tax on other income). Qualified dividends and capital gain
 * distributions are taxed at the long-term rates (Publication 550); other dividends and interest
 * at ordinary rates.
 */
public final class GainsReporter {

  public static final GainsReporter DEFAULT = new GainsReporter(TaxEstimator.DEFAULT);

  private static final Comparator<Disposal> ORDER =
      Comparator.comparing(Disposal::sold).thenComparing(d -> d.account().value()).thenComparing(d -> d.symbol().value());

  private final TaxEstimator estimator;

  public GainsReporter(TaxEstimator estimator) {
    this.estimator = estimator;
  }

  /** The gains of {@code year}, the carry into it computed from {@code books} (the whole history). */
  public RealizedGains report(Household household, LedgerResult books, int year) {
    return report(household, List.of(), books, year);
  }

  /**
   * The gains of {@code year}, the carry into it computed from {@code books} (the whole history);
   * {@code openingLots} give the lots whose 1099-B reporting differs from their account's.
   */
  public RealizedGains report(Household household, List<OpeningLot> openingLots, LedgerResult books, int year) {
    LossCarryover.Carry carry = LossCarryover.into(year, household.tax(), YearInvestments.firstYear(books),
        y -> YearInvestments.of(household, books, y, Optional.empty()).input(), estimator);
    Map<LotId, BasisReporting> lots = new LinkedHashMap<>();
    for (OpeningLot lot : openingLots) {
      if (lot.lotId().isPresent() && lot.basisReporting().isPresent()) {
        lots.put(lot.lotId().get(), lot.basisReporting().get());
      }
    }
    return report(household, books, year, carry, lots);
  }

  /** The gains of {@code year} with {@code carryIn} as the capital loss carried into it. */
  public RealizedGains report(Household household, LedgerResult books, int year, LossCarryover.Carry carryIn) {
    return report(household, books, year, carryIn, Map.of());
  }

  private RealizedGains report(Household household, LedgerResult books, int year, LossCarryover.Carry carryIn,
      Map<LotId, BasisReporting> lotReporting) {
    List<Disposal> rows = books.disposals().stream()
        .filter(d -> d.taxable() && d.sold().getYear() == year)
        .sorted(ORDER)
        .toList();
    List<Disposal> shortTerm = rows.stream().filter(d -> d.term() == Term.SHORT).toList();
    List<Disposal> longTerm = rows.stream().filter(d -> d.term() == Term.LONG).toList();
    Map<AccountId, BasisReporting> reporting = new LinkedHashMap<>();
    for (Account a : household.accounts()) {
      reporting.put(a.id(), a.basisReporting());
    }
    // Column (e) and (g) of each row depend on its box (Form 8949 instructions, code B).
    java.util.function.Function<Disposal, Form8949Line> line =
        d -> Form8949Line.of(d, RealizedGains.reporting(d, lotReporting, reporting));
    TermTotals st = TermTotals.ofLines(shortTerm.stream().map(line).toList());
    TermTotals lt = TermTotals.ofLines(longTerm.stream().map(line).toList());
    BigDecimal permanent = rows.stream().map(Disposal::permanentlyDisallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal disallowed = rows.stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal espp = rows.stream().map(Disposal::compensation).reduce(BigDecimal.ZERO, BigDecimal::add);
    YearInvestments investments = YearInvestments.of(household, books, year, Optional.empty());

    TaxSettings tax = household.tax().withCarryforward(year, carryIn.shortTerm(), carryIn.longTerm());
    EsppIncomeTreatment esppTreatment;
    if (tax.ordinaryIncome().isEmpty()) {
      esppTreatment = EsppIncomeTreatment.NOT_IN_ESTIMATE;
    } else if (tax.incomeIncludesEspp()) {
      esppTreatment = EsppIncomeTreatment.INCLUDED_IN_INCOME;
    } else {
      // Wages the sales realized (Publication 525) that tax.income does not hold: they join the
      // ordinary income of both sides of the estimate, so they raise the brackets the gains are
      // stacked on without counting as a result of the investments.
      esppTreatment = EsppIncomeTreatment.ADDED_TO_INCOME;
      tax = tax.withIncomeAdded(espp);
    }
    MarginalRates rates = TaxProfiles.marginalRates(tax, year, estimator);
    Optional<TaxEstimate> estimate = Optional.empty();
    Optional<BigDecimal> flat = Optional.empty();
    Optional<TablesUsed> tables = Optional.empty();
    if (tax.ordinaryIncome().isPresent()) {
      TaxProfile profile = TaxProfiles.from(tax, year, estimator.tables());
      estimate = Optional.of(estimator.estimate(profile, investments.input()));
      tables = Optional.of(TablesUsed.forYear(year, estimator.tables()));
    } else {
      BigDecimal ordinary = investments.nonQualifiedDividends().add(investments.interest());
      BigDecimal with = FlatRateTax.of(st.gain(), investments.longTermNet(), tax.shortTermCarryforward(),
          tax.longTermCarryforward(), ordinary, rates, tax.filingStatus()).tax()
          .add(investments.qualifiedDividends().multiply(rates.longTerm()));
      BigDecimal without = FlatRateTax.of(BigDecimal.ZERO, BigDecimal.ZERO, tax.shortTermCarryforward(),
          tax.longTermCarryforward(), BigDecimal.ZERO, rates, tax.filingStatus()).tax();
      flat = Optional.of(Decimals.cents(with.subtract(without)));
    }
    return new RealizedGains(year, shortTerm, longTerm, st, lt, disallowed.subtract(permanent), permanent,
        investments.allDividends(), investments.interest(), estimate, flat, rates, investments, carryIn, tables,
        TaxProfiles.ratesSource(tax), reporting, lotReporting, espp, esppTreatment);
  }
}
