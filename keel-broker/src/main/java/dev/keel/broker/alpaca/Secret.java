package dev.keel.broker.alpaca;

import java.util.Objects;

/** A credential: its {@code toString} never shows it, so it cannot leak through a log line or a message. */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The credential itself: only for the HTTP header that carries it. */
  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
