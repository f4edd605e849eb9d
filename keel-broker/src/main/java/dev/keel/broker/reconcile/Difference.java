package dev.keel.broker.reconcile;

import dev.keel.core.household.AccountId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure on which the ledger and the broker disagree.
 *
 * @param item a symbol, or {@code cash}
 * @param ledger the ledger's figure (shares, or dollars for cash)
 * @param broker the broker's figure
 */
public record Difference(AccountId account, String item, BigDecimal ledger, BigDecimal broker) {

  public Difference {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(broker, "broker");
  }

  /** Broker minus ledger. */
  public BigDecimal gap() {
    return broker.subtract(ledger);
  }

  @Override
  public String toString() {
    return account + " " + item + ": ledger " + ledger.stripTrailingZeros().toPlainString() + ", broker "
        + broker.stripTrailingZeros().toPlainString();
  }
}
