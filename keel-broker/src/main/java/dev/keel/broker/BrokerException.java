package dev.keel.broker;

import java.util.Optional;

/**
 * A broker call that did not give an answer to use. The two kinds matter for exactly-once
 * execution: after {@link Rejected} nothing happened; after {@link Unknown} anything may have.
 * Messages never carry credentials.
 */
public abstract sealed class BrokerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected BrokerException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The broker answered and refused: the HTTP status, the broker's error code and its message
   * (e.g. 403, 40310000, "insufficient buying power").
   */
  public static final class Rejected extends BrokerException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final Optional<Long> code;

    public Rejected(int status, Optional<Long> code, String message) {
      super(message, null);
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public Optional<Long> code() {
      return code;
    }

    /** The broker's reason, as it said it. */
    public String reason() {
      return getMessage();
    }
  }

  /** No usable answer (timeout, connection lost, 5xx, rate limit not cleared): the outcome is unknown. */
  public static final class Unknown extends BrokerException {
    private static final long serialVersionUID = 1L;

    public Unknown(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
