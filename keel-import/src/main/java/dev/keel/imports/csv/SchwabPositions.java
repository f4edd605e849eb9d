package dev.keel.imports.csv;

import dev.keel.imports.statement.CashLine;
import dev.keel.imports.statement.PositionLine;
import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Schwab's positions export: a title line ({@code Positions for account Individual ...5678 as of
 * 04:10 PM ET, 2026/11/20}), then {@code Symbol, Description, Qty (Quantity), Price, ..., Mkt Val
 * (Market Value), ..., Security Type}. The {@code Cash & Cash Investments} row is the account's
 * cash (its market value); {@code Account Total} is skipped.
 */
final class SchwabPositions implements CustodianFormat {

  @Override
  public String name() {
    return "Schwab positions CSV";
  }

  @Override
  public String custodian() {
    return "schwab";
  }

  @Override
  public List<String> header() {
    return List.of("Symbol", "Description", "Qty (Quantity)", "Price", "Mkt Val (Market Value)");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      String symbol = row.text("Symbol").orElse("");
      String lower = symbol.toLowerCase(Locale.ROOT);
      if (lower.equals("account total")) {
        continue;
      }
      int before = out.problems().size();
      if (lower.startsWith("cash & cash investments")) {
        Optional<BigDecimal> value = row.requiredDecimal("Mkt Val (Market Value)");
        value.ifPresent(v -> out.cash(new CashLine(row.origin(), table.accountNumber(), table.date(), v)));
        continue;
      }
      row.required("Symbol");
      Optional<BigDecimal> quantity = row.requiredDecimal("Qty (Quantity)");
      Optional<BigDecimal> price = row.decimal("Price");
      if (out.problems().size() != before) {
        continue;
      }
      out.position(new PositionLine(row.origin(), table.accountNumber(), table.date(),
          SecurityRef.ticker(symbol, row.text("Description").orElse("")), quantity.get(), price));
    }
  }
}
