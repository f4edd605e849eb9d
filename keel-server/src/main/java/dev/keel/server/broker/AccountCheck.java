package dev.keel.server.broker;

import dev.keel.broker.reconcile.Difference;
import dev.keel.core.household.AccountId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's reconciliation with its broker.
 *
 * @param status {@code matched}, {@code differences}, {@code wrong_account} (the broker's account
 *     number is not household.yaml's {@code broker_account}: nothing compared) or {@code unreachable}
 * @param positions how many symbols the two sides hold between them (cash apart)
 * @param message why the account could not be compared; empty when it was
 */
public record AccountCheck(AccountId account, String broker, Optional<String> brokerAccount, String status, int positions,
    List<Difference> differences, Optional<String> message) {

  public AccountCheck {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(brokerAccount, "brokerAccount");
    Objects.requireNonNull(status, "status");
    differences = List.copyOf(differences);
    Objects.requireNonNull(message, "message");
  }

  /** Whether a person must look at this account: a difference, or it could not be compared. */
  public boolean needsAttention() {
    return !"matched".equals(status);
  }
}
