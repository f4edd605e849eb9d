package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.security.Symbol;
import dev.keel.imports.statement.Origin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A split a CSV history gives as the shares it added, not as its ratio: the ratio is found when
 * the import books it, from the shares the ledger holds the day before ((held + added) : held).
 */
record PendingSplit(String importId, AccountId account, Symbol symbol, LocalDate date, BigDecimal added, String label, Origin origin) {

  PendingSplit {
    Objects.requireNonNull(importId, "importId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(added, "added");
    Objects.requireNonNull(origin, "origin");
  }
}
