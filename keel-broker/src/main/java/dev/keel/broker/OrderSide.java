package dev.keel.broker;

import dev.keel.core.rebalance.Side;
import java.util.Locale;

/** Buy or sell, as the broker writes it. */
public enum OrderSide {
  BUY,
  SELL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OrderSide of(Side side) {
    return side == Side.BUY ? BUY : SELL;
  }

  public static OrderSide parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
