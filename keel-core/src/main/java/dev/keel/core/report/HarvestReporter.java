package dev.keel.core.report;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.Household;
import dev.keel.core.ledger.Acquisition;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.money.Decimals;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.FlatRateTax;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.estimate.CapitalGainsInput;
import dev.keel.core.tax.estimate.TaxEstimate;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the year's harvests in the booked ledger — a sale at a loss in a taxable account and, the
 * same day in the same account, a purchase of another security of the same asset class that is
 * not substantially identical — and values them: this year's tax with the year's results minus the
 * tax without the harvested losses.
 */
public final class HarvestReporter {

  public static final HarvestReporter DEFAULT = new HarvestReporter(TaxEstimator.DEFAULT);

  private final TaxEstimator estimator;

  public HarvestReporter(TaxEstimator estimator) {
    this.estimator = estimator;
  }

  public HarvestReport report(Household household, SecurityMaster securities, LedgerResult books, int year) {
    List<HarvestReport.Entry> entries = new ArrayList<>();
    Map<AccountId, BigDecimal> byAccount = new LinkedHashMap<>();
    BigDecimal harvestedSt = BigDecimal.ZERO;
    BigDecimal harvestedLt = BigDecimal.ZERO;
    for (Disposal d : books.disposals()) {
      // An economic loss, even one a wash sale disallowed in full: the report shows what was lost.
      if (!d.taxable() || d.sold().getYear() != year || d.economicGain().signum() >= 0) {
        continue;
      }
      Optional<Symbol> substitute = substituteBought(d, securities, books);
      if (substitute.isEmpty()) {
        continue;
      }
      BigDecimal loss = d.gain().negate().max(BigDecimal.ZERO);
      entries.add(new HarvestReport.Entry(d, substitute.get(), loss));
      byAccount.merge(d.account(), loss, BigDecimal::add);
      if (d.term() == Term.SHORT) {
        harvestedSt = harvestedSt.add(d.gain());
      } else {
        harvestedLt = harvestedLt.add(d.gain());
      }
    }
    BigDecimal total = byAccount.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    RealizedGains gains = new GainsReporter(estimator).report(household, books, year);
    BigDecimal st = gains.netShortTerm();
    BigDecimal lt = gains.investments().longTermNet(); // capital gain distributions included
    BigDecimal value;
    BigDecimal carry;
    String method;
    var tax = household.tax();
    if (tax.ordinaryIncome().isPresent()) {
      var profile = TaxProfiles.from(tax, year, estimator.tables());
      // The year's dividends and interest stay in both: they decide the bracket the loss is worth in.
      CapitalGainsInput results = gains.investments().input();
      TaxEstimate with = estimator.estimate(profile, results);
      TaxEstimate without = estimator.estimate(profile, results.plusShortTerm(harvestedSt.negate()).plusLongTerm(harvestedLt.negate()));
      value = without.total().subtract(with.total());
      carry = with.scheduleD().shortTermCarryforwardOut().add(with.scheduleD().longTermCarryforwardOut());
      method = "bracket estimate for " + year + ", "
          + dev.keel.core.tax.estimate.TablesUsed.forYear(year, estimator.tables()).label();
    } else {
      var rates = gains.rates();
      FlatRateTax.Result with = FlatRateTax.of(st, lt, tax.shortTermCarryforward(), tax.longTermCarryforward(), BigDecimal.ZERO,
          rates, tax.filingStatus());
      FlatRateTax.Result without = FlatRateTax.of(st.subtract(harvestedSt), lt.subtract(harvestedLt), tax.shortTermCarryforward(),
          tax.longTermCarryforward(), BigDecimal.ZERO, rates, tax.filingStatus());
      value = without.tax().subtract(with.tax());
      carry = with.carriedOut();
      method = "marginal rates " + rates.shortTerm().toPlainString() + " / " + rates.longTerm().toPlainString();
    }
    return new HarvestReport(year, entries, byAccount, total, Decimals.cents(value), Decimals.cents(carry), method);
  }

  private static Optional<Symbol> substituteBought(Disposal d, SecurityMaster securities, LedgerResult books) {
    Optional<Security> sold = securities.find(d.symbol());
    if (sold.isEmpty()) {
      return Optional.empty();
    }
    for (Acquisition a : books.acquisitions()) {
      if (a.account().equals(d.account()) && a.date().equals(d.sold()) && !a.symbol().equals(d.symbol())) {
        Optional<Security> bought = securities.find(a.symbol());
        if (bought.isPresent() && bought.get().assetClass().equals(sold.get().assetClass())
            && !securities.substantiallyIdentical(a.symbol(), d.symbol())) {
          return Optional.of(a.symbol());
        }
      }
    }
    return Optional.empty();
  }
}
