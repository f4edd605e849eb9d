package dev.keel.core.ledger;

import dev.keel.core.money.Decimals;
import java.math.BigDecimal;

/**
 * The arithmetic of a stock split (IRS Publication 550, "Stock splits"): each lot keeps its total
 * basis and its holding period; its shares are multiplied by {@code new/old} and every per-share
 * figure divided by it.
 *
 * <p>Rounding: the new quantity is exact when {@code quantity × new / old} terminates (every
 * forward split N:1 and most reverse splits); otherwise it is kept to 34 significant digits.
 * Brokers pay cash for the fraction of a share a reverse split leaves: record that as a sale.
 */
final class Splits {

  private Splits() {}

  static BigDecimal quantity(BigDecimal quantity, BigDecimal newShares, BigDecimal oldShares) {
    BigDecimal product = quantity.multiply(newShares);
    try {
      return Decimals.normalize(product.divide(oldShares));
    } catch (ArithmeticException nonTerminating) {
      return product.divide(oldShares, Decimals.RATIO);
    }
  }

  static BigDecimal perShare(BigDecimal value, BigDecimal newShares, BigDecimal oldShares) {
    BigDecimal product = value.multiply(oldShares);
    try {
      return product.divide(newShares);
    } catch (ArithmeticException nonTerminating) {
      return product.divide(newShares, Decimals.RATIO);
    }
  }
}
