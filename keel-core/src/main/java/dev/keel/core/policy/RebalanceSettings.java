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
 * @param yields per asset class, the expected yearly distributions that make its location matter;
 *     classes not listed take {@link ClassYield#defaultFor} their name
 * @param locationHorizon years over which a location's yearly tax saving is counted against the
 *     one-time cost of the trades that achieve it (undiscounted)
 */
public record RebalanceSettings(
    RebalanceTo rebalanceTo,
    Map<AssetClass, List<AccountType>> location,
    BigDecimal minTrade,
    boolean fractional,
    Set<String> restrictedLots,
    BigDecimal transactionCost,
    Map<AssetClass, ClassYield> yields,
    int locationHorizon) {

  /** Years of tax drag counted by default: long enough for a location to pay for its trades. */
  public static final int DEFAULT_LOCATION_HORIZON = 10;
  /** The longest horizon accepted. */
  public static final int MAX_LOCATION_HORIZON = 30;

  public static final RebalanceSettings DEFAULTS = new RebalanceSettings(
      RebalanceTo.TARGET, Map.of(), BigDecimal.ZERO, false, Set.of(), new BigDecimal("0.0005"));

  /** Settings with Keel's default yields and location horizon. */
  public RebalanceSettings(RebalanceTo rebalanceTo, Map<AssetClass, List<AccountType>> location, BigDecimal minTrade,
      boolean fractional, Set<String> restrictedLots, BigDecimal transactionCost) {
    this(rebalanceTo, location, minTrade, fractional, restrictedLots, transactionCost, Map.of(), DEFAULT_LOCATION_HORIZON);
  }

  public RebalanceSettings {
    yields = Map.copyOf(yields);
    if (locationHorizon < 0 || locationHorizon > MAX_LOCATION_HORIZON) {
      throw new IllegalArgumentException("locationHorizon must be between 0 and " + MAX_LOCATION_HORIZON + " years: "
          + locationHorizon);
    }
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

  /** The class's expected yields: as configured, else the default for its name, else none. */
  public ClassYield yieldOf(AssetClass assetClass) {
    ClassYield configured = yields.get(assetClass);
    return configured != null ? configured : ClassYield.defaultFor(assetClass.value()).orElse(ClassYield.NONE);
  }

  public RebalanceSettings withYields(Map<AssetClass, ClassYield> value, int horizon) {
    return new RebalanceSettings(rebalanceTo, location, minTrade, fractional, restrictedLots, transactionCost, value, horizon);
  }

  public RebalanceSettings withRebalanceTo(RebalanceTo value) {
    return new RebalanceSettings(value, location, minTrade, fractional, restrictedLots, transactionCost, yields, locationHorizon);
  }

  public RebalanceSettings withFractional(boolean value) {
    return new RebalanceSettings(rebalanceTo, location, minTrade, value, restrictedLots, transactionCost, yields, locationHorizon);
  }

  public RebalanceSettings withLocation(Map<AssetClass, List<AccountType>> value) {
    return new RebalanceSettings(rebalanceTo, value, minTrade, fractional, restrictedLots, transactionCost, yields, locationHorizon);
  }

  public RebalanceSettings withMinTrade(BigDecimal value) {
    return new RebalanceSettings(rebalanceTo, location, value, fractional, restrictedLots, transactionCost, yields, locationHorizon);
  }
}
