package dev.keel.broker.execute;

import dev.keel.broker.Broker;
import dev.keel.broker.price.PriceSource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The broker that trades one household account.
 *
 * @param honoursLots whether the broker relieves the lots a sale names (a person keying an order
 *     file can; Alpaca's order API cannot, so sales are booked by the account's method)
 * @param prices where latest prices come from when the broker gives none (an order file has no
 *     market data: prices.csv, refreshed by {@code keel prices}); empty: the proposal's prices
 * @param settledCashOnly whether the account may buy only with settled cash (a cash account whose
 *     broker requires it): purchases then wait for the sales' settlement date
 * @param brokerLots for a broker that does not honour lots: the method it relieves them by, when the
 *     account declares one that differs from the household's; sales are then booked with the lots
 *     that method relieves
 * @param reserve the account's reserve (household.yaml), in dollars: a purchase cut short for want of
 *     cash spends only what is above it
 */
public record BrokerRoute(Broker broker, boolean honoursLots, Optional<PriceSource> prices, boolean settledCashOnly,
    Optional<BrokerLots> brokerLots, BigDecimal reserve) {

  public BrokerRoute {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(brokerLots, "brokerLots");
    Objects.requireNonNull(reserve, "reserve");
    if (reserve.signum() < 0) {
      throw new IllegalArgumentException("reserve must not be negative: " + reserve);
    }
  }

  public BrokerRoute(Broker broker, boolean honoursLots) {
    this(broker, honoursLots, Optional.empty(), false, Optional.empty(), BigDecimal.ZERO);
  }

  public BrokerRoute withPrices(PriceSource source) {
    return new BrokerRoute(broker, honoursLots, Optional.of(source), settledCashOnly, brokerLots, reserve);
  }

  public BrokerRoute withSettledCashOnly(boolean value) {
    return new BrokerRoute(broker, honoursLots, prices, value, brokerLots, reserve);
  }

  public BrokerRoute withBrokerLots(BrokerLots value) {
    return new BrokerRoute(broker, honoursLots, prices, settledCashOnly, Optional.of(value), reserve);
  }

  public BrokerRoute withReserve(BigDecimal value) {
    return new BrokerRoute(broker, honoursLots, prices, settledCashOnly, brokerLots, value);
  }
}
