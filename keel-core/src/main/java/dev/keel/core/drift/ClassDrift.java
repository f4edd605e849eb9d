package dev.keel.core.drift;

import dev.keel.core.security.AssetClass;
import java.math.BigDecimal;

/**
 * One asset class measured against the policy. Weights are fractions of the household's total
 * value, unrounded.
 *
 * @param drift {@code actual − target}: positive when overweight
 * @param tolerance allowed distance from target for this class's band
 * @param lower {@code max(0, target − tolerance)}
 * @param upper {@code min(1, target + tolerance)}
 * @param breached true exactly when {@code |drift| > tolerance}
 * @param value market value in dollars
 */
public record ClassDrift(
    AssetClass assetClass,
    BigDecimal target,
    BigDecimal actual,
    BigDecimal drift,
    BigDecimal tolerance,
    BigDecimal lower,
    BigDecimal upper,
    boolean breached,
    BigDecimal value) {}
