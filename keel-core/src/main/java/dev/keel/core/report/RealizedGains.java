package dev.keel.core.report;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.BasisReporting;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LotId;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.estimate.LossCarryover;
import dev.keel.core.tax.estimate.TablesUsed;
import dev.keel.core.tax.estimate.TaxEstimate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tax year's realized gains as Form 8949 reports them, with the wash-sale adjustments and an
 * estimate of the tax.
 *
 * @param shortTerm Part I rows (sales in taxable accounts, short-term), in date order
 * @param longTerm Part II rows
 * @param washDisallowed loss disallowed by wash sales this year and added to replacement lots'
 *     basis (deferred, not lost)
 * @param permanentlyDisallowed loss disallowed by wash sales whose replacements are in IRAs, Roth
 *     IRAs, HSAs or 401(k)s (Rev. Rul. 2008-5): lost for good
 * @param dividends cash and reinvested dividends and capital gain distributions in taxable
 *     accounts, in dollars ({@code investments} breaks them down)
 * @param interest interest in taxable accounts, in dollars
 * @param estimate the bracket-based estimate when the household gives its income
 * @param flatRateTax when no income is given: the tax the year's investment results add at the
 *     household's marginal rates ({@link dev.keel.core.tax.FlatRateTax}); negative when losses
 *     reduce the tax on other income
 * @param rates the marginal rates used
 * @param investments the year's results by character: sales, capital gain distributions,
 *     qualified and other dividends, interest
 * @param carryIn the capital loss carried into the year, and whether household.yaml stated it
 * @param tables the federal tables of the bracket estimate; empty without one
 * @param ratesSource where {@code rates} come from: {@code household_rates}, {@code brackets} or
 *     {@code default}
 * @param basisReporting each account's Form 1099-B reporting, which gives each row's Form 8949 box
 * @param lotReporting opening lots whose 1099-B reporting differs from their account's
 * @param esppIncome the ordinary income (wages) the year's ESPP dispositions realize, in dollars
 *     (Publication 525); part of each such row's adjusted basis
 * @param esppTreatment whether the estimate counts {@code esppIncome} within {@code tax.income},
 *     adds it, or leaves it out (no income given)
 */
public record RealizedGains(
    int year,
    List<Disposal> shortTerm,
    List<Disposal> longTerm,
    TermTotals shortTermTotals,
    TermTotals longTermTotals,
    BigDecimal washDisallowed,
    BigDecimal permanentlyDisallowed,
    BigDecimal dividends,
    BigDecimal interest,
    Optional<TaxEstimate> estimate,
    Optional<BigDecimal> flatRateTax,
    MarginalRates rates,
    YearInvestments investments,
    LossCarryover.Carry carryIn,
    Optional<TablesUsed> tables,
    String ratesSource,
    Map<AccountId, BasisReporting> basisReporting,
    Map<LotId, BasisReporting> lotReporting,
    BigDecimal esppIncome,
    EsppIncomeTreatment esppTreatment) {

  public RealizedGains {
    shortTerm = List.copyOf(shortTerm);
    longTerm = List.copyOf(longTerm);
    basisReporting = Map.copyOf(basisReporting);
    lotReporting = Map.copyOf(lotReporting);
  }

  /** The Form 8949 box of a row: its term and its lot's, else its account's, 1099-B reporting. */
  public Form8949Box box(Disposal d) {
    return Form8949Box.of(d.term(), reporting(d));
  }

  /** A row as Form 8949 shows it in its box: columns (e), (f) and (g) depend on the box. */
  public Form8949Line line(Disposal d) {
    return Form8949Line.of(d, reporting(d));
  }

  /** The lines of a part (or any rows), in their order. */
  public List<Form8949Line> lines(List<Disposal> rows) {
    return rows.stream().map(this::line).toList();
  }

  private BasisReporting reporting(Disposal d) {
    return reporting(d, lotReporting, basisReporting);
  }

  /** A row's 1099-B reporting: its lot's when given, else its account's (reported by default). */
  static BasisReporting reporting(Disposal d, Map<LotId, BasisReporting> lots, Map<AccountId, BasisReporting> accounts) {
    BasisReporting reporting = lots.get(d.lotId());
    return reporting != null ? reporting : accounts.getOrDefault(d.account(), BasisReporting.REPORTED);
  }

  public BigDecimal netShortTerm() {
    return shortTermTotals.gain();
  }

  public BigDecimal netLongTerm() {
    return longTermTotals.gain();
  }

  /** The tax attributable to the year's investment results, from whichever estimate applies. */
  public BigDecimal estimatedTax() {
    return estimate.map(TaxEstimate::taxOnInvestments).orElseGet(() -> flatRateTax.orElse(BigDecimal.ZERO));
  }
}
