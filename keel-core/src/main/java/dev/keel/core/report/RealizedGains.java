package dev.keel.core.report;

import dev.keel.core.ledger.Disposal;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.estimate.TaxEstimate;
import java.math.BigDecimal;
import java.util.List;
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
 * @param dividends cash and reinvested dividends in taxable accounts, in dollars
 * @param interest interest in taxable accounts, in dollars
 * @param estimate the bracket-based estimate when the household gives its income
 * @param flatRateTax when no income is given: the tax the year's investment results add at the
 *     household's marginal rates ({@link dev.keel.core.tax.FlatRateTax}); negative when losses
 *     reduce the tax on other income
 * @param rates the marginal rates used
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
    MarginalRates rates) {

  public RealizedGains {
    shortTerm = List.copyOf(shortTerm);
    longTerm = List.copyOf(longTerm);
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
