package dev.keel.imports.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A holding as the statement reports it on its date, for reconciliation.
 *
 * @param asOf the statement's date for the position; empty when the file has none (then the
 *     caller's date is used)
 * @param price the price the statement values it at, when given (becomes a prices.csv row)
 */
public record PositionLine(
    Origin origin, Optional<String> accountNumber, Optional<LocalDate> asOf, SecurityRef security, BigDecimal quantity,
    Optional<BigDecimal> price) {

  public PositionLine {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(accountNumber, "accountNumber");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
  }
}
