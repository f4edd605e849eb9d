package dev.keel.imports.csv;

import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fidelity's lot-level unrealized gain/loss export ({@code Unrealized_Gain_Loss_Nov-20-2026.csv},
 * the date taken from the file name): {@code Account Number, Account Name, Symbol, Description,
 * Date Acquired, Term, Quantity, Last Price, Current Value, Cost Basis Per Share, Cost Basis Total,
 * Total Gain/Loss Dollar, Wash Sale Loss Disallowed}. {@code Cost Basis Total} is the lot's
 * adjusted basis (a wash-sale replacement's basis includes the disallowed loss, Publication 550);
 * {@code Wash Sale Loss Disallowed} is reported beside it. Each row becomes an opening lot; the
 * core money-market row ({@code SPAXX**}) and {@code Total} rows are skipped.
 */
final class FidelityLotDetails implements CustodianFormat {

  @Override
  public String name() {
    return "Fidelity lot details CSV";
  }

  @Override
  public String custodian() {
    return "fidelity";
  }

  @Override
  public List<String> header() {
    return List.of("Account Number", "Symbol", "Date Acquired", "Quantity", "Cost Basis Total");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      String symbol = row.text("Symbol").orElse("");
      if (symbol.endsWith("**") || symbol.toLowerCase(Locale.ROOT).startsWith("total")
          || row.text("Account Number").orElse("").toLowerCase(Locale.ROOT).startsWith("total")) {
        continue;
      }
      int before = out.problems().size();
      Optional<String> account = row.required("Account Number");
      row.required("Symbol");
      Optional<LocalDate> acquired = row.requiredDate("Date Acquired");
      Optional<BigDecimal> quantity = row.requiredDecimal("Quantity");
      Optional<BigDecimal> basis = row.requiredDecimal("Cost Basis Total");
      BigDecimal disallowed = row.decimal("Wash Sale Loss Disallowed").orElse(BigDecimal.ZERO).abs();
      LotRows.check(row, quantity, basis, "Quantity", "Cost Basis Total");
      if (out.problems().size() != before) {
        continue;
      }
      out.lot(row, account, SecurityRef.ticker(symbol, row.text("Description").orElse("")), quantity.get(), basis.get(),
          acquired.get(), disallowed, table.date());
    }
  }
}
