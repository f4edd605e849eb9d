package dev.keel.imports.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The cash of an account on the statement's date (sweep money-market funds included), for reconciliation. */
public record CashLine(Origin origin, Optional<String> accountNumber, Optional<LocalDate> asOf, BigDecimal amount) {

  public CashLine {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(accountNumber, "accountNumber");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(amount, "amount");
  }
}
