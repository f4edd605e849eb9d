package dev.keel.broker;

import java.util.Arrays;
import java.util.Locale;

/**
 * An order's status with Alpaca's names (Trading API v2 "Order Lifecycle"). Keel only needs to
 * know whether more can happen to an order and whether it ended without executing in full.
 */
public enum OrderStatus {
  NEW(false),
  ACCEPTED(false),
  PENDING_NEW(false),
  ACCEPTED_FOR_BIDDING(false),
  PARTIALLY_FILLED(false),
  PENDING_CANCEL(false),
  PENDING_REPLACE(false),
  CALCULATED(false),
  STOPPED(false),
  SUSPENDED(false),
  /** Done for the day: no more fills today, but the order is not final. */
  DONE_FOR_DAY(false),
  FILLED(true),
  CANCELED(true),
  EXPIRED(true),
  REPLACED(true),
  REJECTED(true);

  private final boolean terminal;

  OrderStatus(boolean terminal) {
    this.terminal = terminal;
  }

  /** Whether nothing more can happen to the order (no more fills, no cancel). */
  public boolean terminal() {
    return terminal;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses Alpaca's status; an unknown status is treated as still open (never as done). */
  public static OrderStatus parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.name().equals(key)).findFirst().orElse(NEW);
  }
}
