package dev.keel.broker;

import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account at one broker. Every method is one question to the broker (a network call for an
 * API): callers journal what they are about to do before they ask.
 *
 * <p>Failures: {@link BrokerException.Rejected} when the broker definitely refused (nothing
 * happened); {@link BrokerException.Unknown} when the outcome is not known (a timeout, a 5xx, a
 * dropped connection) — for an order, look it up by its client order id before anything else.
 */
public interface Broker {

  /** The account: cash, buying power, status. */
  BrokerAccount account();

  /** Every open position of the account. */
  List<BrokerPosition> positions();

  /** Places an order; the answer is the order as the broker accepted it. */
  BrokerOrder submit(OrderRequest request);

  /** The order placed under this client order id, or empty when the broker has none. */
  Optional<BrokerOrder> findOrder(String clientOrderId);

  /** Orders not yet in a final state. */
  List<BrokerOrder> openOrders();

  /** Asks the broker to cancel an order (by the broker's order id). */
  void cancel(String orderId);

  /** Executions (fills and partial fills) since the given time, oldest first. */
  List<BrokerFill> fills(Instant since);

  /** The latest trade price of each symbol the broker knows; unknown symbols are absent. */
  Map<Symbol, BigDecimal> latestPrices(Collection<Symbol> symbols);

  /** What the broker allows for a symbol (tradable, fractionable), or empty when it does not know it. */
  Optional<AssetInfo> asset(Symbol symbol);
}
