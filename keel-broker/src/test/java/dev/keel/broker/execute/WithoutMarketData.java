package dev.keel.broker.execute;

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
import java.util.function.UnaryOperator;

/** A broker as another, but without market data (as an order file's custodian), and with an account view to adjust. */
final class WithoutMarketData implements Broker {

  private final Broker inner;
  private final UnaryOperator<BrokerAccount> account;

  WithoutMarketData(Broker inner) {
    this(inner, UnaryOperator.identity());
  }

  WithoutMarketData(Broker inner, UnaryOperator<BrokerAccount> account) {
    this.inner = inner;
    this.account = account;
  }

  @Override
  public BrokerAccount account() {
    return account.apply(inner.account());
  }

  @Override
  public List<BrokerPosition> positions() {
    return inner.positions();
  }

  @Override
  public BrokerOrder submit(OrderRequest request) {
    return inner.submit(request);
  }

  @Override
  public Optional<BrokerOrder> findOrder(String clientOrderId) {
    return inner.findOrder(clientOrderId);
  }

  @Override
  public List<BrokerOrder> openOrders() {
    return inner.openOrders();
  }

  @Override
  public void cancel(String orderId) {
    inner.cancel(orderId);
  }

  @Override
  public List<BrokerFill> fills(Instant since) {
    return inner.fills(since);
  }

  @Override
  public Map<Symbol, BigDecimal> latestPrices(Collection<Symbol> symbols) {
    return Map.of();
  }

  @Override
  public Optional<AssetInfo> asset(Symbol symbol) {
    return inner.asset(symbol);
  }
}
