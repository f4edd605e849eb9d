package dev.keel.broker.config;

import java.util.Locale;
import java.util.Optional;

/** The kinds of broker an account can name in household.yaml. */
public enum BrokerKind {
  /** Alpaca's Trading API (paper or live, chosen on the command line). */
  ALPACA,
  /** An order file out, a fills file back: any custodian. */
  FILE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BrokerKind> find(String text) {
    for (BrokerKind k : values()) {
      if (k.code().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
