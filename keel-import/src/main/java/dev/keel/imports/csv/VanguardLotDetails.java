package dev.keel.imports.csv;

import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Vanguard's cost-basis export of unrealized gains and losses by lot ({@code
 * UnrealizedGainLoss_2026-06-30.csv}, the date from the file name or a title line above the table):
 * {@code Account Number, Investment Name, Symbol, Date Acquired, Shares, Cost Per Share, Total
 * Cost, Market Value, Short-Term Gain/Loss, Long-Term Gain/Loss, Wash Sale Disallowed}. {@code
 * Total Cost} is the lot's adjusted basis (a wash-sale replacement's basis includes the disallowed
 * loss, Publication 550); {@code Wash Sale Disallowed} is reported beside it. Each row becomes an
 * opening lot; the settlement fund and {@code Total} rows are skipped.
 */
final class VanguardLotDetails implements CustodianFormat {

  @Override
  public String name() {
    return "Vanguard lot details CSV";
  }

  @Override
  public String custodian() {
    return "vanguard";
  }

  @Override
  public List<String> header() {
    return List.of("Account Number", "Symbol", "Date Acquired", "Shares", "Total Cost");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      String symbol = row.text("Symbol").orElse("");
      if (VanguardPositions.SETTLEMENT_FUNDS.contains(symbol) || symbol.toLowerCase(Locale.ROOT).startsWith("total")
          || row.text("Account Number").orElse("").toLowerCase(Locale.ROOT).startsWith("total")) {
        continue;
      }
      int before = out.problems().size();
      Optional<String> account = row.required("Account Number");
      row.required("Symbol");
      Optional<LocalDate> acquired = row.requiredDate("Date Acquired");
      Optional<BigDecimal> shares = row.requiredDecimal("Shares");
      Optional<BigDecimal> basis = row.requiredDecimal("Total Cost");
      BigDecimal disallowed = row.decimal("Wash Sale Disallowed").orElse(BigDecimal.ZERO).abs();
      LotRows.check(row, shares, basis, "Shares", "Total Cost");
      if (out.problems().size() != before) {
        continue;
      }
      out.lot(row, account, SecurityRef.ticker(symbol, row.text("Investment Name").orElse("")), shares.get(), basis.get(),
          acquired.get(), disallowed, table.date());
    }
  }
}
