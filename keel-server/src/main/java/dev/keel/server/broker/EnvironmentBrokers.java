package dev.keel.server.broker;

import dev.keel.broker.Broker;
import dev.keel.broker.alpaca.AlpacaBroker;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.config.BrokerKind;
import dev.keel.broker.config.BrokerLink;
import java.util.Map;

/**
 * Brokers reached with the server's environment: Alpaca with {@code APCA_API_KEY_ID},
 * {@code APCA_API_SECRET_KEY} and {@code APCA_API_BASE_URL} (paper unless
 * {@code KEEL_ALPACA_LIVE=true} allows the live endpoint). The keys stay in the process: no
 * household file, database row, answer or log line holds them.
 */
public final class EnvironmentBrokers implements BrokerConnector {

  private final Map<String, String> env;

  public EnvironmentBrokers(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The server process's environment. */
  public static EnvironmentBrokers fromSystem() {
    return new EnvironmentBrokers(System.getenv());
  }

  @Override
  public Broker connect(BrokerLink link) {
    if (link.kind() != BrokerKind.ALPACA) {
      throw new BrokerUnavailable("account " + link.account() + " is traded by order file; the server has no broker to ask");
    }
    boolean live = "true".equalsIgnoreCase(env.getOrDefault("KEEL_ALPACA_LIVE", "").trim());
    try {
      return new AlpacaBroker(AlpacaConfig.fromEnvironment(env, live));
    } catch (IllegalArgumentException e) {
      // The message names the variables that are missing or refused, never their values.
      throw new BrokerUnavailable("Alpaca is not configured on this server: " + e.getMessage());
    }
  }
}
