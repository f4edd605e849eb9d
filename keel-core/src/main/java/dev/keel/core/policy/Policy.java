package dev.keel.core.policy;

import dev.keel.core.price.PriceAgeLimits;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.SecurityMaster;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Investment Policy Statement (policy.yaml): target weight per asset class, drift bands, the
 * check cadence, the securities that make up each class and how proposals are made.
 *
 * @param targets weight per asset class as fractions summing to one, in the user's order
 * @param bandOverrides per class, the band keys that differ from {@code band}: only the keys an
 *     override gives replace the policy's (see {@link #bandFor})
 * @param lastChecked the date of the last check; empty when never checked (a check is due)
 * @param prices how old a price may be before reports warn and proposals stop
 */
public record Policy(
    Map<AssetClass, BigDecimal> targets,
    Band band,
    Map<AssetClass, Band> bandOverrides,
    CheckCadence cadence,
    Optional<LocalDate> lastChecked,
    SecurityMaster securities,
    RebalanceSettings rebalance,
    HarvestSettings harvest,
    PriceAgeLimits prices) {

  /** A policy with the default price-age limits. */
  public Policy(Map<AssetClass, BigDecimal> targets, Band band, Map<AssetClass, Band> bandOverrides, CheckCadence cadence,
      Optional<LocalDate> lastChecked, SecurityMaster securities, RebalanceSettings rebalance, HarvestSettings harvest) {
    this(targets, band, bandOverrides, cadence, lastChecked, securities, rebalance, harvest, PriceAgeLimits.DEFAULTS);
  }

  /** A policy with the default rebalancing and harvesting settings. */
  public Policy(Map<AssetClass, BigDecimal> targets, Band band, Map<AssetClass, Band> bandOverrides, CheckCadence cadence,
      Optional<LocalDate> lastChecked, SecurityMaster securities) {
    this(targets, band, bandOverrides, cadence, lastChecked, securities, RebalanceSettings.DEFAULTS, HarvestSettings.DEFAULTS);
  }

  /** A policy with the default harvesting settings (harvesting off). */
  public Policy(Map<AssetClass, BigDecimal> targets, Band band, Map<AssetClass, Band> bandOverrides, CheckCadence cadence,
      Optional<LocalDate> lastChecked, SecurityMaster securities, RebalanceSettings rebalance) {
    this(targets, band, bandOverrides, cadence, lastChecked, securities, rebalance, HarvestSettings.DEFAULTS);
  }

  public Policy {
    Objects.requireNonNull(rebalance, "rebalance");
    Objects.requireNonNull(harvest, "harvest");
    Objects.requireNonNull(prices, "prices");
    targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    Objects.requireNonNull(band, "band");
    bandOverrides = Map.copyOf(bandOverrides);
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(lastChecked, "lastChecked");
    Objects.requireNonNull(securities, "securities");
    for (Map.Entry<AssetClass, BigDecimal> e : targets.entrySet()) {
      if (e.getValue().signum() < 0 || e.getValue().compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("target for " + e.getKey() + " must be between 0 and 1: " + e.getValue());
      }
    }
    BigDecimal sum = targets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(BigDecimal.ONE) != 0) {
      throw new IllegalArgumentException("targets must sum to 1, not " + sum);
    }
  }

  public Policy withRebalance(RebalanceSettings settings) {
    return new Policy(targets, band, bandOverrides, cadence, lastChecked, securities, settings, harvest, prices);
  }

  public Policy withHarvest(HarvestSettings settings) {
    return new Policy(targets, band, bandOverrides, cadence, lastChecked, securities, rebalance, settings, prices);
  }

  public Policy withPrices(PriceAgeLimits limits) {
    return new Policy(targets, band, bandOverrides, cadence, lastChecked, securities, rebalance, harvest, limits);
  }

  /** The class's band: the policy's, with the keys of the class's override (if any) replaced. */
  public Band bandFor(AssetClass assetClass) {
    Band override = bandOverrides.get(assetClass);
    return override == null ? band : band.overriddenBy(override);
  }

  public BigDecimal targetOf(AssetClass assetClass) {
    return targets.getOrDefault(assetClass, BigDecimal.ZERO);
  }

  /** Whether the IPS gives cash a target of its own (else cash is reported beside the classes). */
  public boolean targetsCash() {
    return targets.containsKey(AssetClass.CASH);
  }

  /** Whether a scheduled check falls on or before {@code asOf}. */
  public boolean checkDue(LocalDate asOf) {
    return lastChecked.map(d -> !asOf.isBefore(cadence.next(d))).orElse(true);
  }

  public Optional<LocalDate> nextCheck() {
    return lastChecked.map(cadence::next);
  }
}
