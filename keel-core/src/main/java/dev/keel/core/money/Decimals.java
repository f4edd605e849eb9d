package dev.keel.core.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The project's rounding conventions, in one place.
 *
 * <ul>
 *   <li>Money that a broker or a tax form would settle ({@link #cents}) is rounded to cents,
 *       half-up: trade gross amounts, basis relieved from part of a lot, wash-sale adjustments.
 *   <li>Ratios (weights, drift) are divided with {@link #RATIO} (34 significant digits) and never
 *       rounded inside the engine; reports round them for display only.
 *   <li>Share quantities are never rounded: fractional shares exist.
 * </ul>
 */
public final class Decimals {

  public static final MathContext RATIO = MathContext.DECIMAL128;
  public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Decimals() {}

  public static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** {@code numerator / denominator} at {@link #RATIO} precision; zero when the denominator is. */
  public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    if (denominator.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return numerator.divide(denominator, RATIO);
  }

  /** Strips trailing zeros without switching to exponent notation for whole numbers. */
  public static BigDecimal normalize(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  public static boolean isPositive(BigDecimal value) {
    return value != null && value.signum() > 0;
  }
}
