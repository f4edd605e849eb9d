package dev.keel.imports.csv;

import dev.keel.imports.statement.CashLine;
import dev.keel.imports.statement.PositionLine;
import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fidelity's positions export ({@code Portfolio_Positions_Nov-20-2026.csv}): {@code Account
 * Number, Account Name, Symbol, Description, Quantity, Last Price, Last Price Change, Current
 * Value, ..., Cost Basis Total, Average Cost Basis, Type}. The core money-market row ({@code
 * SPAXX**}, no quantity) is the account's cash at its {@code Current Value}; {@code Pending
 * Activity} rows are skipped. The date is the one in the file name when there is one.
 */
final class FidelityPositions implements CustodianFormat {

  @Override
  public String name() {
    return "Fidelity positions CSV";
  }

  @Override
  public String custodian() {
    return "fidelity";
  }

  @Override
  public List<String> header() {
    return List.of("Account Number", "Symbol", "Description", "Quantity", "Last Price", "Current Value");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      String symbol = row.text("Symbol").orElse("");
      if (symbol.toLowerCase(Locale.ROOT).startsWith("pending activity")) {
        continue;
      }
      int before = out.problems().size();
      Optional<String> account = row.required("Account Number");
      if (symbol.endsWith("**")) {
        Optional<BigDecimal> value = row.requiredDecimal("Current Value");
        if (out.problems().size() == before) {
          out.cash(new CashLine(row.origin(), account, table.date(), value.get()));
        }
        continue;
      }
      row.required("Symbol");
      Optional<BigDecimal> quantity = row.requiredDecimal("Quantity");
      Optional<BigDecimal> price = row.decimal("Last Price");
      if (out.problems().size() != before) {
        continue;
      }
      out.position(new PositionLine(row.origin(), account, table.date(), SecurityRef.ticker(symbol, row.text("Description").orElse("")),
          quantity.get(), price));
    }
  }
}
