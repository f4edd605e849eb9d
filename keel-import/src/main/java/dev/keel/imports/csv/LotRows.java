package dev.keel.imports.csv;

import java.math.BigDecimal;
import java.util.Optional;

/** The checks every lot-details row passes: an open lot has shares and a basis that is not negative. */
final class LotRows {

  private LotRows() {}

  static void check(CsvRow row, Optional<BigDecimal> quantity, Optional<BigDecimal> basis, String quantityColumn, String basisColumn) {
    if (quantity.isPresent() && quantity.get().signum() <= 0) {
      row.fail(quantityColumn, row.raw(quantityColumn), "must be greater than zero for an open lot");
    }
    if (basis.isPresent() && basis.get().signum() < 0) {
      row.fail(basisColumn, row.raw(basisColumn), "must not be negative");
    }
  }
}
