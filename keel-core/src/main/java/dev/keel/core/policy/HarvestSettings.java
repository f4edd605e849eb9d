package dev.keel.core.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Tax-loss harvesting (policy.yaml {@code harvest}).
 *
 * @param enabled harvest inside every rebalancing proposal
 * @param minLoss smallest loss worth harvesting, in dollars
 * @param minLossPct smallest loss worth harvesting as a fraction of the lot's basis
 * @param swapBack return to the original security once the wash-sale window has passed
 * @param maxSwapBackGain the most gain a swap back may realize, in dollars
 * @param scheduled purchases that happen without Keel (contributions, dividend reinvestment)
 */
public record HarvestSettings(
    boolean enabled, BigDecimal minLoss, BigDecimal minLossPct, boolean swapBack, BigDecimal maxSwapBackGain,
    List<ScheduledPurchase> scheduled) {

  public static final HarvestSettings DEFAULTS =
      new HarvestSettings(false, new BigDecimal("500"), new BigDecimal("0.05"), false, BigDecimal.ZERO, List.of());

  public HarvestSettings {
    Objects.requireNonNull(minLoss, "minLoss");
    Objects.requireNonNull(minLossPct, "minLossPct");
    Objects.requireNonNull(maxSwapBackGain, "maxSwapBackGain");
    scheduled = List.copyOf(scheduled);
    if (minLoss.signum() < 0 || minLossPct.signum() < 0 || maxSwapBackGain.signum() < 0) {
      throw new IllegalArgumentException("harvest thresholds must not be negative");
    }
  }

  public HarvestSettings withEnabled(boolean value) {
    return new HarvestSettings(value, minLoss, minLossPct, swapBack, maxSwapBackGain, scheduled);
  }

  public HarvestSettings withThresholds(BigDecimal dollars, BigDecimal fraction) {
    return new HarvestSettings(enabled, dollars, fraction, swapBack, maxSwapBackGain, scheduled);
  }

  public HarvestSettings withSwapBack(boolean value, BigDecimal maxGain) {
    return new HarvestSettings(enabled, minLoss, minLossPct, value, maxGain, scheduled);
  }

  public HarvestSettings withScheduled(List<ScheduledPurchase> value) {
    return new HarvestSettings(enabled, minLoss, minLossPct, swapBack, maxSwapBackGain, value);
  }
}
