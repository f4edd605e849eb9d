package dev.keel.broker;

import dev.keel.core.security.Symbol;
import java.util.Objects;

/**
 * What a broker allows for one asset.
 *
 * @param tradable whether the broker accepts orders for it now
 * @param fractionable whether it accepts fractional quantities (Alpaca: market orders, time in force day)
 * @param status the broker's asset status, e.g. {@code active}
 */
public record AssetInfo(Symbol symbol, boolean tradable, boolean fractionable, String status) {

  public AssetInfo {
    Objects.requireNonNull(symbol, "symbol");
    status = status == null ? "" : status;
  }
}
