package dev.keel.core.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts of an employee stock purchase plan (IRC §423) purchase that decide the ordinary income
 * of its disposition (IRS Publication 525, "Employee Stock Purchase Plan"). Amounts are dollars per
 * share.
 *
 * @param offeringDate the date the option was granted (the first day of the offering period)
 * @param offeringFmv fair market value of a share on the offering date
 * @param offeringPrice the option price figured as if the option had been exercised on the offering
 *     date (IRC §423(c)); for the usual plan, 85% of {@code offeringFmv}
 * @param purchaseFmv fair market value of a share on the purchase date
 */
public record EsppOffering(LocalDate offeringDate, BigDecimal offeringFmv, BigDecimal offeringPrice, BigDecimal purchaseFmv) {

  public EsppOffering {
    Objects.requireNonNull(offeringDate, "offeringDate");
    requireNonNegative("offering_fmv", offeringFmv);
    requireNonNegative("offering_price", offeringPrice);
    requireNonNegative("fmv", purchaseFmv);
  }

  /** The same offering after a split that turned {@code oldShares} into {@code newShares}. */
  EsppOffering split(BigDecimal newShares, BigDecimal oldShares) {
    return new EsppOffering(offeringDate, Splits.perShare(offeringFmv, newShares, oldShares),
        Splits.perShare(offeringPrice, newShares, oldShares), Splits.perShare(purchaseFmv, newShares, oldShares));
  }

  private static void requireNonNegative(String name, BigDecimal value) {
    if (value == null || value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
