package dev.keel.core.rebalance;

import dev.keel.core.tax.TaxSettings;
import dev.keel.core.money.Decimals;
import dev.keel.core.tax.FlatRateTax;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.estimate.CapitalGainsInput;
import dev.keel.core.tax.estimate.ScheduleD;
import dev.keel.core.tax.estimate.TaxEstimate;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfile;
import dev.keel.core.tax.estimate.TaxProfiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What each harvest is worth, honestly: the tax it saves on this year's return (its loss offsets
 * the year's realized gains first, then up to $3,000 — $1,500 married filing separately — of
 * ordinary income, IRC §1211(b)), the part carried forward, and the reminder that the substitute's
 * lower basis makes the saving a deferral.
 *
 * <p>Harvests are valued one after another, each on top of the year's realized gains, the
 * proposal's other gains and the harvests before it, so that their values add up to the saving of
 * all of them together. With the household's income known the year's tax comes from the bracket
 * estimate; otherwise from its marginal rates with the Schedule D netting done here.
 */
final class HarvestValuer {

  /** The legs of one harvest as the assembler made them. */
  record Legs(HarvestOption option, BigDecimal quantity, BigDecimal substituteQuantity, BigDecimal proceeds,
      List<LotSale> sales) {}

  private final RebalanceRequest request;
  private final TaxEstimator estimator;

  HarvestValuer(RebalanceRequest request, TaxEstimator estimator) {
    this.request = request;
    this.estimator = estimator;
  }

  List<Harvest> value(List<Legs> harvests, BigDecimal proposalShortTerm, BigDecimal proposalLongTerm) {
    BigDecimal[] ytd = ProposalAssembler.realizedByTerm(request.books(), request.asOf());
    BigDecimal st = ytd[0].add(proposalShortTerm);
    BigDecimal lt = ytd[1].add(proposalLongTerm);
    for (Legs h : harvests) {
      for (LotSale sale : h.sales()) {
        if (sale.term() == Term.SHORT) {
          st = st.subtract(sale.gain());
        } else {
          lt = lt.subtract(sale.gain());
        }
      }
    }
    List<Harvest> out = new ArrayList<>();
    Year before = year(st, lt);
    for (Legs h : harvests) {
      BigDecimal loss = BigDecimal.ZERO;
      for (LotSale sale : h.sales()) {
        loss = loss.subtract(sale.gain());
        if (sale.term() == Term.SHORT) {
          st = st.add(sale.gain());
        } else {
          lt = lt.add(sale.gain());
        }
      }
      Year after = year(st, lt);
      BigDecimal saved = Decimals.cents(before.tax.subtract(after.tax));
      BigDecimal carried = Decimals.cents(after.carry.subtract(before.carry).max(BigDecimal.ZERO));
      BigDecimal future = Decimals.cents(carried.multiply(request.rates().longTerm()));
      HarvestOption o = h.option();
      BigDecimal basisGap = Decimals.cents(loss);
      String note = "the " + h.substituteQuantity().stripTrailingZeros().toPlainString() + " " + o.substitute().symbol()
          + " start with a basis of their cost, " + Dollars.of(basisGap) + " less than the " + o.lot().symbol()
          + " lot's basis for the same money: a later sale at a gain gives that back, so this saving is a deferral, not a gift";
      out.add(new Harvest(o.account().id(), o.lot().symbol(), o.lot().id(), h.quantity(), Decimals.cents(loss),
          h.sales().isEmpty() ? o.term() : h.sales().get(0).term(), o.substitute().symbol(), h.substituteQuantity(), saved,
          carried, future, note, o.warnings()));
      before = after;
    }
    return out;
  }

  private record Year(BigDecimal tax, BigDecimal carry) {}

  /** This year's tax on net short- and long-term results, and the loss carried out of the year. */
  private Year year(BigDecimal st, BigDecimal lt) {
    TaxSettings tax = request.data().household().tax();
    int yearOf = request.asOf().getYear();
    if (tax.ordinaryIncome().isPresent()) {
      TaxProfile profile = TaxProfiles.from(tax, yearOf, estimator.tables());
      // The year's dividends and interest so far move where the gains stack in the brackets.
      dev.keel.core.report.YearInvestments income = dev.keel.core.report.YearInvestments.of(
          request.data().household(), request.books(), yearOf, java.util.Optional.of(request.asOf()));
      TaxEstimate e = estimator.estimate(profile, CapitalGainsInput.of(st, lt)
          .withDividends(income.ordinaryDividends(), income.qualifiedDividends()).withInterest(income.interest()));
      ScheduleD d = e.scheduleD();
      return new Year(e.total(), d.shortTermCarryforwardOut().add(d.longTermCarryforwardOut()));
    }
    FlatRateTax.Result r = FlatRateTax.of(st, lt, tax.shortTermCarryforward(), tax.longTermCarryforward(), BigDecimal.ZERO,
        request.rates(), tax.filingStatus());
    return new Year(r.tax(), r.carriedOut());
  }
}
