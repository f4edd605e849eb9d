package dev.keel.core.policy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an asset class is expected to pay out each year, as fractions of its value (policy.yaml
 * {@code yields}): the part of its return taxed every year in a taxable account, which is what
 * makes it cost more tax in one account type than in another (asset location).
 *
 * <p>These are assumptions of the household, not facts: Keel's defaults for common class names
 * ({@link #defaultFor}) are round figures of broad index funds, documented in docs/formats.md.
 *
 * @param ordinary interest and non-qualified dividends, taxed at the ordinary (short-term) rate in a
 *     taxable account (bond interest, most REIT dividends)
 * @param qualified qualified dividends and capital-gain distributions, taxed at the long-term rate
 *     in a taxable account (Publication 550)
 * @param foreignTax tax withheld abroad: in a taxable account the foreign tax credit gives it back
 *     (Publication 514); in an IRA, Roth, 401(k) or HSA it is lost
 */
public record ClassYield(BigDecimal ordinary, BigDecimal qualified, BigDecimal foreignTax) {

  /** The largest yield Keel accepts for any part (20% a year). */
  public static final BigDecimal MAX = new BigDecimal("0.20");

  /** No yearly distributions: holding the class costs no yearly tax anywhere. */
  public static final ClassYield NONE = of("0", "0", "0");

  private static final Map<String, ClassYield> DEFAULTS = Map.of(
      "bonds", of("0.04", "0", "0"),
      "reits", of("0.035", "0.005", "0"),
      "us_stocks", of("0", "0.015", "0"),
      "stocks", of("0", "0.015", "0"),
      "intl_stocks", of("0", "0.028", "0.003"),
      "intl", of("0", "0.028", "0.003"));

  public ClassYield {
    requireYield("ordinary", ordinary);
    requireYield("qualified", qualified);
    requireYield("foreignTax", foreignTax);
  }

  public static ClassYield of(String ordinary, String qualified, String foreignTax) {
    return new ClassYield(new BigDecimal(ordinary), new BigDecimal(qualified), new BigDecimal(foreignTax));
  }

  /**
   * Keel's default for a class name: bonds 4% ordinary; reits 3.5% ordinary + 0.5% qualified;
   * us_stocks and stocks 1.5% qualified; intl_stocks and intl 2.8% qualified with 0.3% withheld
   * abroad. Any other name has none (location then only follows the {@code location} ranks).
   */
  public static Optional<ClassYield> defaultFor(String assetClass) {
    return Optional.ofNullable(DEFAULTS.get(assetClass));
  }

  private static void requireYield(String name, BigDecimal value) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0 || value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(name + " yield must be between 0 and " + MAX + ": " + value);
    }
  }
}
