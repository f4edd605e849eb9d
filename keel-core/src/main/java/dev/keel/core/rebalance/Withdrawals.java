package dev.keel.core.rebalance;

import dev.keel.core.household.Account;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.Lot;
import dev.keel.core.policy.Policy;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.Security;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an account can pay a withdrawal with: its cash and the holdings Keel may sell there
 * (tradable account, listed security, not restricted, priced on the as-of date). A withdrawal
 * larger than that cannot be paid by any proposal: it is bad input, reported with the numbers,
 * before a program is built whose weights would make no sense (a household valued below zero).
 */
final class Withdrawals {

  private Withdrawals() {}

  /** Market value of the lots Keel may sell in the account, in dollars (price × quantity, unrounded). */
  static BigDecimal sellableValue(RebalanceRequest request, AccountPosition position) {
    return value(request, position, true);
  }

  /** Throws when a withdrawal is larger than its account's cash and sellable holdings together. */
  static void check(RebalanceRequest request) {
    List<Problem> problems = new ArrayList<>();
    for (AccountPosition position : request.books().positions()) {
      Account account = position.account();
      BigDecimal flow = request.flow(account.id());
      if (flow.signum() >= 0) {
        continue;
      }
      BigDecimal withdrawal = flow.negate();
      BigDecimal sellable = sellableValue(request, position);
      BigDecimal cash = position.cash().max(BigDecimal.ZERO);
      BigDecimal can = cash.add(sellable);
      if (withdrawal.compareTo(can) <= 0) {
        continue;
      }
      BigDecimal other = value(request, position, false).subtract(sellable);
      String message = "is a withdrawal of " + dollars(withdrawal) + " from " + account.id() + ", more than it can pay: cash "
          + dollars(cash) + " + holdings Keel may sell " + dollars(sellable) + " = " + dollars(can) + ", short by "
          + dollars(withdrawal.subtract(can))
          + (!account.tradable() ? " (the account is not tradable: tradable: false)"
              : other.signum() > 0 ? " (" + dollars(other) + " more is restricted or not listed in the policy's securities)" : "");
      problems.add(new Problem("--cash-flow", 0, "amount", account.id().value() + "=" + flow.toPlainString(), message));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static BigDecimal value(RebalanceRequest request, AccountPosition position, boolean sellableOnly) {
    Policy policy = request.data().policy();
    if (sellableOnly && !position.account().tradable()) {
      return BigDecimal.ZERO;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Lot lot : position.lots()) {
      Optional<BigDecimal> price = request.data().prices().find(lot.symbol(), request.asOf());
      Optional<Security> security = policy.securities().find(lot.symbol());
      if (price.isEmpty()) {
        continue;
      }
      boolean sellable = security.isPresent() && !security.get().restricted()
          && !policy.rebalance().restrictedLots().contains(lot.id().value());
      if (sellable || !sellableOnly) {
        total = total.add(lot.quantity().multiply(price.get()));
      }
    }
    return total;
  }

  private static String dollars(BigDecimal amount) {
    return Dollars.of(amount);
  }
}
