package dev.keel.broker;

import java.util.Locale;

/** Time in force: Keel places day orders only (what is left is re-planned the next day). */
public enum TimeInForce {
  DAY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
