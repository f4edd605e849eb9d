package dev.keel.broker.price;

import dev.keel.core.security.Symbol;
import java.util.Collection;
import java.util.Map;

/**
 * Latest prices per symbol. Used by the executor for limit collars and the check that a price has
 * not moved beyond the tolerance since the proposal, and by {@code keel prices} for a daily scan.
 */
public interface PriceSource {

  /**
   * The latest price of each symbol the source knows; unknown symbols are absent (never an error).
   *
   * @throws dev.keel.broker.BrokerException when a remote source does not answer
   */
  Map<Symbol, LatestPrice> latest(Collection<Symbol> symbols);

  /** A short name for messages: {@code prices.csv}, {@code alpaca}. */
  String name();
}
