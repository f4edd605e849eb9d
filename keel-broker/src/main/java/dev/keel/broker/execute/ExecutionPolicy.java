package dev.keel.broker.execute;

import dev.keel.broker.OrderType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How orders are placed.
 *
 * @param orderType limit orders with a collar around the latest price, or market orders
 * @param collar for a limit order, how far from the latest price the limit may be, as a fraction
 *     (0.005: a buy's limit 0.5% above the last trade, a sale's 0.5% below)
 * @param priceTolerance how far the latest price may have moved from the proposal's price, as a
 *     fraction, before the account's remaining trades stop (they are re-planned)
 * @param fillWait how long one run waits for orders to reach a final state before it reports them open
 * @param pollInterval how often it asks meanwhile
 * @param cancelUnfilled whether to cancel what is still open when the wait ends
 * @param retryUnfilled whether a trade whose order ended short (canceled, expired) is placed again
 *     for the rest, under a new client order id; off by default: the rest is re-planned
 */
public record ExecutionPolicy(OrderType orderType, BigDecimal collar, BigDecimal priceTolerance, Duration fillWait,
    Duration pollInterval, boolean cancelUnfilled, boolean retryUnfilled) {

  public static final ExecutionPolicy DEFAULT = new ExecutionPolicy(OrderType.LIMIT, new BigDecimal("0.005"),
      new BigDecimal("0.02"), Duration.ofSeconds(60), Duration.ofMillis(500), false, false);

  public ExecutionPolicy {
    Objects.requireNonNull(orderType, "orderType");
    Objects.requireNonNull(collar, "collar");
    Objects.requireNonNull(priceTolerance, "priceTolerance");
    Objects.requireNonNull(fillWait, "fillWait");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (collar.signum() < 0 || collar.compareTo(new BigDecimal("0.1")) > 0) {
      throw new IllegalArgumentException("collar must be between 0 and 0.1: " + collar);
    }
    if (priceTolerance.signum() < 0) {
      throw new IllegalArgumentException("priceTolerance must not be negative: " + priceTolerance);
    }
  }

  public ExecutionPolicy withOrderType(OrderType type) {
    return new ExecutionPolicy(type, collar, priceTolerance, fillWait, pollInterval, cancelUnfilled, retryUnfilled);
  }

  public ExecutionPolicy withCollar(BigDecimal value) {
    return new ExecutionPolicy(orderType, value, priceTolerance, fillWait, pollInterval, cancelUnfilled, retryUnfilled);
  }

  public ExecutionPolicy withPriceTolerance(BigDecimal value) {
    return new ExecutionPolicy(orderType, collar, value, fillWait, pollInterval, cancelUnfilled, retryUnfilled);
  }

  public ExecutionPolicy withWait(Duration wait, Duration poll) {
    return new ExecutionPolicy(orderType, collar, priceTolerance, wait, poll, cancelUnfilled, retryUnfilled);
  }

  public ExecutionPolicy withCancelUnfilled(boolean value) {
    return new ExecutionPolicy(orderType, collar, priceTolerance, fillWait, pollInterval, value, retryUnfilled);
  }

  public ExecutionPolicy withRetryUnfilled(boolean value) {
    return new ExecutionPolicy(orderType, collar, priceTolerance, fillWait, pollInterval, cancelUnfilled, value);
  }
}
