package dev.keel.imports.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An open cost-basis lot from a custodian's lot-details export: it becomes an opening lot with its
 * true acquisition date and basis.
 *
 * @param costBasis the lot's total basis in dollars as the custodian reports it, wash-sale
 *     adjustment included (a replacement lot's basis includes the disallowed loss, Publication 550)
 * @param washSaleDisallowed the disallowed loss the custodian shows for the lot, zero when none
 * @param asOf the date of the export (its title line), when it gives one
 */
public record LotLine(
    Origin origin,
    Optional<String> accountNumber,
    SecurityRef security,
    BigDecimal quantity,
    BigDecimal costBasis,
    LocalDate acquired,
    BigDecimal washSaleDisallowed,
    Optional<LocalDate> asOf,
    String fingerprint) {

  public LotLine {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(accountNumber, "accountNumber");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(costBasis, "costBasis");
    Objects.requireNonNull(acquired, "acquired");
    washSaleDisallowed = washSaleDisallowed == null ? BigDecimal.ZERO : washSaleDisallowed;
    Objects.requireNonNull(asOf, "asOf");
    fingerprint = fingerprint == null ? "" : fingerprint;
  }
}
