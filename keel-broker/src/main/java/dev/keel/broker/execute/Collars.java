package dev.keel.broker.execute;

import dev.keel.core.rebalance.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Limit prices with a collar around the latest price: a purchase may pay up to {@code collar}
 * above it, a sale accept down to {@code collar} below. A buy's limit rounds down and a sale's up
 * to the tick (cents from $1, hundredths of a cent below), so the collar is never exceeded.
 */
public final class Collars {

  private Collars() {}

  public static BigDecimal limit(BigDecimal last, BigDecimal collar, Side side) {
    BigDecimal factor = side == Side.BUY ? BigDecimal.ONE.add(collar) : BigDecimal.ONE.subtract(collar);
    BigDecimal raw = last.multiply(factor);
    int scale = raw.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4;
    BigDecimal limit = raw.setScale(scale, side == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP);
    return limit.signum() > 0 ? limit : last;
  }
}
