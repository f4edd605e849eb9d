package dev.keel.server.broker;

import dev.keel.broker.Broker;
import dev.keel.broker.config.BrokerLink;

/** Reaches the broker of one household account, as its household.yaml declares it. */
@FunctionalInterface
public interface BrokerConnector {

  /**
   * The broker of the account.
   *
   * @throws BrokerUnavailable when the server cannot reach that broker (not configured, an
   *     order-file broker); its message names what is missing, never a secret
   */
  Broker connect(BrokerLink link);

  /** The broker of an account cannot be reached from this server. */
  final class BrokerUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerUnavailable(String message) {
      super(message);
    }
  }
}
