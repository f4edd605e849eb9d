package dev.keel.broker.config;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.LotMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * How one household account is traded.
 *
 * @param brokerAccount the broker's account number (checked against the broker's when it reports one)
 * @param brokerLotMethod the method the broker relieves lots by; empty: as the household's
 *     {@code lot_method}. Alpaca's order API has no field to choose lots, so for {@code alpaca} only
 *     {@code specific} would honour the proposal's lots (and Alpaca offers no such setting).
 * @param lotMethod the household's {@code lot_method} for the account
 * @param settledCashOnly {@code broker_settled_cash: true}: the broker lets the account buy only with
 *     settled cash (a cash account); purchases then wait for the settlement of the sales that pay for
 *     them. Alpaca's accounts are margin accounts (limited margin below $2,000 of equity), which may
 *     spend unsettled proceeds, so the default is false.
 */
public record BrokerLink(AccountId account, BrokerKind kind, Optional<String> brokerAccount,
    Optional<LotMethod> brokerLotMethod, LotMethod lotMethod, boolean settledCashOnly) {

  public BrokerLink(AccountId account, BrokerKind kind, Optional<String> brokerAccount,
      Optional<LotMethod> brokerLotMethod, LotMethod lotMethod) {
    this(account, kind, brokerAccount, brokerLotMethod, lotMethod, false);
  }

  public BrokerLink {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(brokerAccount, "brokerAccount");
    Objects.requireNonNull(brokerLotMethod, "brokerLotMethod");
    Objects.requireNonNull(lotMethod, "lotMethod");
  }

  /**
   * Whether the broker relieves the lots the proposal names: a person keying an order file can;
   * Alpaca's order API has no field for it.
   */
  public boolean honoursLots() {
    return kind == BrokerKind.FILE;
  }

  /** A warning when the broker relieves lots by another method than the household's, else empty. */
  public Optional<String> lotMethodWarning() {
    if (brokerLotMethod.isPresent() && brokerLotMethod.get() != lotMethod) {
      return Optional.of("account " + account + ": the broker relieves lots by " + brokerLotMethod.get().code()
          + " but household.yaml's lot_method is " + lotMethod.code()
          + (honoursLots() ? "" : "; keel execute books its sales with the lots " + brokerLotMethod.get().code()
          + " relieves, as the broker's 1099-B will") + "; proposals still choose this account's lots one by one, "
          + "so their estimated gains here may differ from what is realized (set lot_method: "
          + brokerLotMethod.get().code() + " to keep the books and the broker alike)");
    }
    if (kind == BrokerKind.ALPACA && brokerLotMethod.isEmpty() && lotMethod != LotMethod.FIFO) {
      return Optional.of("account " + account + ": Alpaca's order API cannot choose lots; declare broker_lot_method "
          + "(the method the broker applies) so Keel can check it against lot_method " + lotMethod.code());
    }
    return Optional.empty();
  }
}
