package dev.keel.core.policy;

import dev.keel.core.household.AccountType;
import dev.keel.core.security.AssetClass;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How proposals are made (policy.yaml): where classes are brought back to, where asset classes
 * prefer to live, trade sizes and costs.
 *
 * @param location per asset class, the account types it prefers, best first (e.g. bonds →
 *     [traditional, roth]); types not listed rank after the listed ones
 * @param minTrade smallest trade worth making, in dollars
 * @param fractional whether fractional shares may be bought and sold
 * @param restrictedLots lot ids never to sell
 * @param transactionCost cost of trading as a fraction of the amount (spread and commission)
 */
public record RebalanceSettings(
    RebalanceTo rebalanceTo,
    Map<AssetClass, List<AccountType>> location,
    BigDecimal minTrade,
    boolean fractional,
    Set<String> restrictedLots,
    BigDecimal transactionCost) {

  public static final RebalanceSettings DEFAULTS = new RebalanceSettings(
      RebalanceTo.TARGET, Map.of(), BigDecimal.ZERO, false, Set.of(), new BigDecimal("0.0005"));

  public RebalanceSettings {
    Objects.requireNonNull(rebalanceTo, "rebalanceTo");
    location = Map.copyOf(location);
    Objects.requireNonNull(minTrade, "minTrade");
    restrictedLots = Set.copyOf(restrictedLots);
    Objects.requireNonNull(transactionCost, "transactionCost");
    if (minTrade.signum() < 0) {
      throw new IllegalArgumentException("minTrade must not be negative: " + minTrade);
    }
    if (transactionCost.signum() < 0 || transactionCost.compareTo(new BigDecimal("0.05")) > 0) {
      throw new IllegalArgumentException("transactionCost must be between 0 and 0.05: " + transactionCost);
    }
  }

  /** 0 for the class's preferred account type, 1 for the next, ...; unlisted types after all listed. */
  public int locationRank(AssetClass assetClass, AccountType type) {
    List<AccountType> order = location.get(assetClass);
    if (order == null) {
      return 0;
    }
    int index = order.indexOf(type);
    return index < 0 ? order.size() : index;
  }

  public RebalanceSettings withRebalanceTo(RebalanceTo value) {
    return new RebalanceSettings(value, location, minTrade, fractional, restrictedLots, transactionCost);
  }

  public RebalanceSettings withFractional(boolean value) {
    return new RebalanceSettings(rebalanceTo, location, minTrade, value, restrictedLots, transactionCost);
  }

  public RebalanceSettings withLocation(Map<AssetClass, List<AccountType>> value) {
    return new RebalanceSettings(rebalanceTo, value, minTrade, fractional, restrictedLots, transactionCost);
  }

  public RebalanceSettings withMinTrade(BigDecimal value) {
    return new RebalanceSettings(rebalanceTo, location, value, fractional, restrictedLots, transactionCost);
  }
}
