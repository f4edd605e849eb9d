package dev.keel.broker;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A broker account as the broker reports it.
 *
 * @param cash cash in dollars (settled and unsettled, as the broker reports {@code cash})
 * @param buyingPower what the broker lets the account spend on purchases now, in dollars
 *     (Alpaca's {@code buying_power}; in a margin account it includes what may be borrowed)
 * @param status the broker's account status, e.g. {@code ACTIVE}
 * @param nonMarginableBuyingPower what the broker lets the account spend on securities bought without
 *     margin (Alpaca's {@code non_marginable_buying_power}), when it reports it
 */
public record BrokerAccount(String accountNumber, BigDecimal cash, BigDecimal buyingPower, String status,
    Optional<BigDecimal> nonMarginableBuyingPower) {

  public BrokerAccount {
    Objects.requireNonNull(accountNumber, "accountNumber");
    Objects.requireNonNull(cash, "cash");
    Objects.requireNonNull(buyingPower, "buyingPower");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nonMarginableBuyingPower, "nonMarginableBuyingPower");
  }

  public BrokerAccount(String accountNumber, BigDecimal cash, BigDecimal buyingPower, String status) {
    this(accountNumber, cash, buyingPower, status, Optional.empty());
  }

  public boolean active() {
    return "ACTIVE".equalsIgnoreCase(status);
  }

  /**
   * What a purchase may spend: the smallest of cash, buying power and non-marginable buying power.
   * Keel never borrows: buying power alone would let a margin account buy on credit.
   */
  public BigDecimal spendable() {
    BigDecimal out = cash.min(buyingPower);
    return nonMarginableBuyingPower.map(out::min).orElse(out);
  }
}
