package dev.keel.broker;

import java.util.Locale;

/** The order types Keel places. */
public enum OrderType {
  MARKET,
  LIMIT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OrderType parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
