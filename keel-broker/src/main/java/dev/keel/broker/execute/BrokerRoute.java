package dev.keel.broker.execute;

import dev.keel.broker.Broker;
import java.util.Objects;

/**
 * The broker that trades one household account.
 *
 * @param honoursLots whether the broker relieves the lots a sale names (a person keying an order
 *     file can; Alpaca's order API cannot, so sales are booked by the account's method)
 */
public record BrokerRoute(Broker broker, boolean honoursLots) {

  public BrokerRoute {
    Objects.requireNonNull(broker, "broker");
  }
}
