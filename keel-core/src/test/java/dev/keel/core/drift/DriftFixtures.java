package dev.keel.core.drift;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.LotId;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds booked positions directly, without a ledger, for drift tests. */
final class DriftFixtures {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private DriftFixtures() {}

  static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  static Lot lot(String account, String symbol, String quantity) {
    return lot(account, symbol, new BigDecimal(quantity));
  }

  static Lot lot(String account, String symbol, BigDecimal quantity) {
    long n = SEQUENCE.incrementAndGet();
    LocalDate acquired = LocalDate.of(2020, 1, 2);
    return new Lot(LotId.of(account + "/" + symbol + "/" + n), AccountId.of(account), Symbol.of(symbol), quantity,
        BigDecimal.ZERO, acquired, acquired, false, BigDecimal.ZERO, n, false, n);
  }

  /** An account position from an account and its lots. */
  static AccountPosition position(Account account, String cash, Lot... lots) {
    return new AccountPosition(account, List.of(lots), new BigDecimal(cash));
  }

  static Account account(String id, AccountType type) {
    return Account.of(id, type, "0");
  }

  /** A canonical text of a report, for comparing reports whose numbers may differ only in scale. */
  static List<String> canonical(DriftReport report) {
    List<String> out = new ArrayList<>();
    out.add("total " + plain(report.totalValue()) + " cash " + plain(report.cash()) + " cashWeight "
        + plain(report.cashWeight()) + " targeted " + report.cashTargeted() + " due " + report.checkDue() + " next "
        + report.nextCheck() + " rebalance " + report.rebalanceNeeded());
    for (ClassDrift c : report.classes()) {
      out.add(c.assetClass() + " target " + plain(c.target()) + " actual " + plain(c.actual()) + " drift "
          + plain(c.drift()) + " tol " + plain(c.tolerance()) + " [" + plain(c.lower()) + ", " + plain(c.upper())
          + "] breached " + c.breached() + " value " + plain(c.value()));
    }
    return out;
  }

  static String plain(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
