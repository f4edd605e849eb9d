package dev.keel.core.ledger;

import dev.keel.core.money.Decimals;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Takes shares out of a lot. The one place where basis is divided between the shares that leave
 * and the shares that stay; the ledger, the reports and the rebalancer all relieve lots through it.
 *
 * <p>Rounding: when part of a lot leaves, the basis relieved is {@code basis × q / Q} rounded to
 * cents (half-up), and the basis that stays is the exact remainder, so basis is conserved to the
 * cent. Relieving the whole lot relieves its whole basis.
 */
public final class LotRelief {

  private LotRelief() {}

  /**
   * @param relievedBasis adjusted basis of the shares leaving, in dollars
   * @param relievedWashAdjustment the part of {@code relievedBasis} that came from wash sales
   * @param remaining what stays of the lot; empty when the whole lot left
   */
  public record Relief(BigDecimal quantity, BigDecimal relievedBasis, BigDecimal relievedWashAdjustment, Optional<Lot> remaining) {}

  public static Relief relieve(Lot lot, BigDecimal quantity) {
    int cmp = quantity.compareTo(lot.quantity());
    if (quantity.signum() <= 0 || cmp > 0) {
      throw new IllegalArgumentException("cannot relieve " + quantity + " shares from lot " + lot.id() + " of " + lot.quantity());
    }
    if (cmp == 0) {
      return new Relief(quantity, lot.costBasis(), lot.washAdjustment(), Optional.empty());
    }
    BigDecimal basis = share(lot.costBasis(), quantity, lot.quantity());
    BigDecimal wash = share(lot.washAdjustment(), quantity, lot.quantity());
    Lot rest = lot.withQuantityAndBasis(
        lot.quantity().subtract(quantity), lot.costBasis().subtract(basis), lot.washAdjustment().subtract(wash));
    return new Relief(quantity, basis, wash, Optional.of(rest));
  }

  /** {@code total × part / whole}, rounded to cents. */
  public static BigDecimal share(BigDecimal total, BigDecimal part, BigDecimal whole) {
    if (part.compareTo(whole) == 0) {
      return total;
    }
    return Decimals.cents(total.multiply(part).divide(whole, Decimals.RATIO));
  }
}
