package dev.keel.core.rebalance;

/** Buy or sell. */
public enum Side {
  BUY("buy"),
  SELL("sell");

  private final String code;

  Side(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
