package dev.keel.broker.execute;

import dev.keel.core.ledger.LotId;
import java.math.BigDecimal;
import java.util.Objects;

/** Shares of one lot that a planned sale relieves, as the proposal chose them. */
public record PlannedLot(LotId lotId, BigDecimal quantity) {

  public PlannedLot {
    Objects.requireNonNull(lotId, "lotId");
    Objects.requireNonNull(quantity, "quantity");
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("lot quantity must be positive: " + quantity);
    }
  }
}
