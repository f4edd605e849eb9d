package dev.keel.imports.csv;

import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Schwab's unrealized gain/loss lot details export: a title line naming the account, then {@code
 * Symbol, Name, Open Date, Quantity, Price, Cost/Share, Market Value, Cost Basis, Gain/Loss ($),
 * Holding Period, Disallowed Loss}. {@code Cost Basis} is the lot's adjusted basis (a wash-sale
 * replacement's basis already includes the disallowed loss, Publication 550); {@code Disallowed
 * Loss} is reported beside it. Each row becomes an opening lot.
 */
final class SchwabLotDetails implements CustodianFormat {

  @Override
  public String name() {
    return "Schwab unrealized lot details CSV";
  }

  @Override
  public String custodian() {
    return "schwab";
  }

  @Override
  public List<String> header() {
    return List.of("Symbol", "Open Date", "Quantity", "Cost Basis", "Disallowed Loss");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      if (row.text("Symbol").orElse("").toLowerCase(Locale.ROOT).startsWith("total")) {
        continue;
      }
      int before = out.problems().size();
      Optional<String> symbol = row.required("Symbol");
      Optional<LocalDate> opened = row.requiredDate("Open Date");
      Optional<BigDecimal> quantity = row.requiredDecimal("Quantity");
      Optional<BigDecimal> basis = row.requiredDecimal("Cost Basis");
      BigDecimal disallowed = row.decimal("Disallowed Loss").orElse(BigDecimal.ZERO).abs();
      if (quantity.isPresent() && quantity.get().signum() <= 0) {
        row.fail("Quantity", row.raw("Quantity"), "must be greater than zero for an open lot");
      }
      if (basis.isPresent() && basis.get().signum() < 0) {
        row.fail("Cost Basis", row.raw("Cost Basis"), "must not be negative");
      }
      if (out.problems().size() != before) {
        continue;
      }
      out.lot(row, table.accountNumber(), SecurityRef.ticker(symbol.get(), row.text("Name").orElse("")), quantity.get(),
          basis.get(), opened.get(), disallowed, table.date());
    }
  }
}
