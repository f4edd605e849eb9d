package dev.keel.bench;

import dev.keel.broker.AssetInfo;
import dev.keel.broker.Broker;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.BrokerFill;
import dev.keel.broker.BrokerOrder;
import dev.keel.broker.BrokerPosition;
import dev.keel.broker.OrderRequest;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A broker that adds up the time spent waiting for the broker, so that Keel's own overhead can be told apart. */
final class TimedBroker implements Broker {

  private final Broker inner;
  final AtomicLong nanos = new AtomicLong();
  final AtomicLong calls = new AtomicLong();

  TimedBroker(Broker inner) {
    this.inner = inner;
  }

  private <T> T timed(Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      nanos.addAndGet(System.nanoTime() - start);
      calls.incrementAndGet();
    }
  }

  @Override
  public BrokerAccount account() {
    return timed(inner::account);
  }

  @Override
  public List<BrokerPosition> positions() {
    return timed(inner::positions);
  }

  @Override
  public BrokerOrder submit(OrderRequest request) {
    return timed(() -> inner.submit(request));
  }

  @Override
  public Optional<BrokerOrder> findOrder(String clientOrderId) {
    return timed(() -> inner.findOrder(clientOrderId));
  }

  @Override
  public List<BrokerOrder> openOrders() {
    return timed(inner::openOrders);
  }

  @Override
  public void cancel(String orderId) {
    timed(() -> {
      inner.cancel(orderId);
      return null;
    });
  }

  @Override
  public List<BrokerFill> fills(Instant since) {
    return timed(() -> inner.fills(since));
  }

  @Override
  public Map<Symbol, BigDecimal> latestPrices(Collection<Symbol> symbols) {
    return timed(() -> inner.latestPrices(symbols));
  }

  @Override
  public Optional<AssetInfo> asset(Symbol symbol) {
    return timed(() -> inner.asset(symbol));
  }
}
