package dev.keel.broker;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A broker account as the broker reports it.
 *
 * @param cash cash in dollars (settled and unsettled, as the broker reports {@code cash})
 * @param buyingPower what the broker lets the account spend on purchases now, in dollars
 * @param status the broker's account status, e.g. {@code ACTIVE}
 */
public record BrokerAccount(String accountNumber, BigDecimal cash, BigDecimal buyingPower, String status) {

  public BrokerAccount {
    Objects.requireNonNull(accountNumber, "accountNumber");
    Objects.requireNonNull(cash, "cash");
    Objects.requireNonNull(buyingPower, "buyingPower");
    Objects.requireNonNull(status, "status");
  }

  public boolean active() {
    return "ACTIVE".equalsIgnoreCase(status);
  }

  /** What a purchase may spend: the smaller of cash and buying power (never margin). */
  public BigDecimal spendable() {
    return cash.min(buyingPower);
  }
}
