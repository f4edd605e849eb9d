package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a reconciliation: what the statement shows and what the ledger holds on the
 * statement's date, for one account and symbol (or the account's cash, {@code symbol} "cash").
 * Quantities are shares, cash in dollars; {@code difference = statement - ledger}.
 */
public record Difference(AccountId account, String symbol, LocalDate date, BigDecimal statement, BigDecimal ledger, String file) {

  public Difference {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(ledger, "ledger");
  }

  public BigDecimal difference() {
    return statement.subtract(ledger);
  }

  public boolean agrees() {
    return difference().signum() == 0;
  }
}
