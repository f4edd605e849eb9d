package dev.keel.broker.folder;

import dev.keel.broker.config.BrokerKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The broker a run trades through, as named on the command line. */
public enum BrokerChoice {
  ALPACA_PAPER("alpaca-paper", BrokerKind.ALPACA),
  ALPACA_LIVE("alpaca-live", BrokerKind.ALPACA),
  FILE("file", BrokerKind.FILE);

  private final String code;
  private final BrokerKind kind;

  BrokerChoice(String code, BrokerKind kind) {
    this.code = code;
    this.kind = kind;
  }

  public String code() {
    return code;
  }

  public BrokerKind kind() {
    return kind;
  }

  public static Optional<BrokerChoice> find(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.code.equals(key)).findFirst();
  }
}
