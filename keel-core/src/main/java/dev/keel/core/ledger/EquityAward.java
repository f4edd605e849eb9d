package dev.keel.core.ledger;

import dev.keel.core.money.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Employer stock acquired as compensation, kept on its lot until the lot is sold: an RSU vest or an
 * ESPP purchase. Amounts are dollars per share, adjusted for later splits.
 *
 * <p>RSU (IRS Publication 525, "Restricted Stock"): the fair market value at vest is wages, so it
 * is the shares' basis, and the holding period starts the day after the vest. ESPP (Publication
 * 525, "Employee Stock Purchase Plan"): the basis is the price paid; part of the gain is ordinary
 * income when the shares are sold ({@link #compensation}), and that part is added to the basis.
 *
 * <p>Brokers report the basis of such shares on Form 1099-B without the compensation part (Treas.
 * Reg. §1.6045-1(d)(6)(ii)(C)): {@code reportedBasisPerShare} is what they report, and Form 8949
 * corrects it with code B (Instructions for Form 8949, "How To Complete Form 8949, Columns (f) and
 * (g)", code B: the basis on Form 1099-B is incorrect).
 *
 * @param pricePaid price paid per share: 0 for an RSU, the purchase price for an ESPP
 * @param offering the offering facts of an ESPP purchase; empty for an RSU
 */
public record EquityAward(BigDecimal pricePaid, BigDecimal reportedBasisPerShare, Optional<EsppOffering> offering) {

  public EquityAward {
    Objects.requireNonNull(pricePaid, "pricePaid");
    Objects.requireNonNull(reportedBasisPerShare, "reportedBasisPerShare");
    Objects.requireNonNull(offering, "offering");
  }

  /**
   * The award of {@code quantity} shares recorded with {@code terms}: an ESPP purchase (terms with
   * an offering) for which {@code paid} dollars were paid, or an RSU vest (no price paid). The
   * reported basis defaults to what brokers report: the price paid, 0 for an RSU.
   */
  public static EquityAward of(ActionTerms.Award terms, BigDecimal paid, BigDecimal quantity) {
    BigDecimal perShare = terms.offering().isPresent() ? Decimals.ratio(paid, quantity) : BigDecimal.ZERO;
    BigDecimal reported = terms.reportedBasis().map(b -> Decimals.ratio(b, quantity)).orElse(perShare);
    return new EquityAward(perShare, reported, terms.offering());
  }

  public boolean espp() {
    return offering.isPresent();
  }

  /**
   * Whether a sale on {@code sold} is a qualifying disposition of ESPP shares bought on {@code
   * purchased}: neither within 2 years after the offering date nor within 1 year after the purchase
   * (IRC §423(a)(1); Publication 525). A sale on either anniversary is still within it.
   */
  public boolean qualifying(LocalDate purchased, LocalDate sold) {
    return offering.map(o -> sold.isAfter(o.offeringDate().plusYears(2)) && sold.isAfter(purchased.plusYears(1)))
        .orElse(false);
  }

  /**
   * The first day a sale of ESPP shares bought on {@code purchased} is a qualifying disposition:
   * the day after the later of the offering date's second anniversary and the purchase's first
   * (IRC §423(a)(1); Publication 525), so that {@link #qualifying} holds from this day on. Empty for
   * RSU shares, which have no such date.
   */
  public Optional<LocalDate> qualifyingFrom(LocalDate purchased) {
    return offering.map(o -> {
      LocalDate twoYears = o.offeringDate().plusYears(2);
      LocalDate oneYear = purchased.plusYears(1);
      return (twoYears.isAfter(oneYear) ? twoYears : oneYear).plusDays(1);
    });
  }

  /**
   * Ordinary income (wages) a sale of {@code quantity} of these shares for {@code proceeds}
   * realizes, to the cent; 0 for RSU shares, whose compensation was taxed at vest. Publication 525:
   *
   * <ul>
   *   <li>qualifying disposition: the lesser of the offering-date value over the option price
   *       figured at the offering date, and the sale's proceeds over the price paid; never below 0;
   *   <li>otherwise: the value on the purchase date over the price paid, whatever the sale price.
   * </ul>
   */
  public BigDecimal compensation(BigDecimal quantity, LocalDate purchased, LocalDate sold, BigDecimal proceeds) {
    if (offering.isEmpty()) {
      return BigDecimal.ZERO.setScale(2);
    }
    EsppOffering o = offering.get();
    BigDecimal paid = Decimals.cents(quantity.multiply(pricePaid));
    BigDecimal income;
    if (qualifying(purchased, sold)) {
      BigDecimal discount = Decimals.cents(quantity.multiply(o.offeringFmv().subtract(o.offeringPrice())));
      income = discount.min(proceeds.subtract(paid));
    } else {
      income = Decimals.cents(quantity.multiply(o.purchaseFmv().subtract(pricePaid)));
    }
    return income.signum() < 0 ? BigDecimal.ZERO.setScale(2) : income;
  }

  /** Basis reported on Form 1099-B for {@code quantity} shares, to the cent. */
  public BigDecimal reportedBasis(BigDecimal quantity) {
    return Decimals.cents(quantity.multiply(reportedBasisPerShare));
  }

  EquityAward split(BigDecimal newShares, BigDecimal oldShares) {
    return new EquityAward(Splits.perShare(pricePaid, newShares, oldShares),
        Splits.perShare(reportedBasisPerShare, newShares, oldShares),
        offering.map(o -> o.split(newShares, oldShares)));
  }
}
