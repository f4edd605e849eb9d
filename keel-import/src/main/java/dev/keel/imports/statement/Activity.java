package dev.keel.imports.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One activity of a statement. Amounts are positive dollars (the kind says which way cash
 * moves) and exactly as the file wrote them; nothing is rounded.
 *
 * @param accountNumber the custodian's account number when the row or the file names it
 * @param sourceId the custodian's own id for the activity (OFX FITID), empty when the file has none
 * @param label the custodian's words for the activity ("Reinvest Shares", "BUYSTOCK"), kept for reports
 * @param amount gross amount of a trade before fees, or the cash amount of other kinds
 * @param fees commissions and fees of a trade
 * @param fingerprint the file's own content of the row in a canonical form (used when there is no
 *     sourceId), without its position in the file
 * @param facts what transfers, splits, sales with tax withheld and OFX corrections carry beyond
 *     the common fields
 */
public record Activity(
    Origin origin,
    Optional<String> accountNumber,
    String sourceId,
    LocalDate date,
    ActivityKind kind,
    String label,
    Optional<SecurityRef> security,
    Optional<BigDecimal> quantity,
    Optional<BigDecimal> price,
    Optional<BigDecimal> amount,
    BigDecimal fees,
    String fingerprint,
    ActivityFacts facts) {

  /** An activity with no facts beyond the common fields. */
  public Activity(Origin origin, Optional<String> accountNumber, String sourceId, LocalDate date, ActivityKind kind, String label,
      Optional<SecurityRef> security, Optional<BigDecimal> quantity, Optional<BigDecimal> price, Optional<BigDecimal> amount,
      BigDecimal fees, String fingerprint) {
    this(origin, accountNumber, sourceId, date, kind, label, security, quantity, price, amount, fees, fingerprint, ActivityFacts.NONE);
  }

  public Activity {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(accountNumber, "accountNumber");
    sourceId = sourceId == null ? "" : sourceId.trim();
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    label = label == null ? "" : label.trim();
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(amount, "amount");
    fees = fees == null ? BigDecimal.ZERO : fees;
    fingerprint = fingerprint == null ? "" : fingerprint;
    facts = facts == null ? ActivityFacts.NONE : facts;
  }
}
