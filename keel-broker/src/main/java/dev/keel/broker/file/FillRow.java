package dev.keel.broker.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a fills file: an execution of an order keyed in at the custodian, or the order's end.
 *
 * @param quantity shares executed (zero on a row that only ends the order)
 * @param status {@code filled} (default), {@code canceled}, {@code expired} or {@code rejected}
 * @param line the row's line in the file
 * @param lotId for a sale, the lot the custodian relieved (column {@code lot_id}), when it says
 */
public record FillRow(String clientOrderId, LocalDate date, BigDecimal quantity, BigDecimal price, BigDecimal fees,
    String status, Optional<String> reason, int line, Optional<String> lotId) {

  public FillRow(String clientOrderId, LocalDate date, BigDecimal quantity, BigDecimal price, BigDecimal fees,
      String status, Optional<String> reason, int line) {
    this(clientOrderId, date, quantity, price, fees, status, reason, line, Optional.empty());
  }

  public FillRow {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    fees = fees == null ? BigDecimal.ZERO : fees;
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(lotId, "lotId");
  }

  public boolean ends() {
    return !status.equals("filled");
  }
}
