package dev.keel.imports.csv;

import dev.keel.imports.statement.CashLine;
import dev.keel.imports.statement.PositionLine;
import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first table of Vanguard's download ({@code OfxDownload.csv}): {@code Account Number,
 * Investment Name, Symbol, Shares, Share Price, Total Value}. The settlement fund (VMFXX, Vanguard
 * Federal Money Market) is the account's cash.
 */
final class VanguardPositions implements CustodianFormat {

  static final Set<String> SETTLEMENT_FUNDS = Set.of("VMFXX", "VMRXX", "VUSXX");

  @Override
  public String name() {
    return "Vanguard holdings CSV";
  }

  @Override
  public String custodian() {
    return "vanguard";
  }

  @Override
  public List<String> header() {
    return List.of("Account Number", "Investment Name", "Symbol", "Shares", "Share Price", "Total Value");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      int before = out.problems().size();
      Optional<String> account = row.required("Account Number");
      String symbol = row.text("Symbol").orElse("");
      if (SETTLEMENT_FUNDS.contains(symbol)) {
        Optional<BigDecimal> value = row.requiredDecimal("Total Value");
        if (out.problems().size() == before) {
          out.cash(new CashLine(row.origin(), account, table.date(), value.get()));
        }
        continue;
      }
      row.required("Symbol");
      Optional<BigDecimal> shares = row.requiredDecimal("Shares");
      Optional<BigDecimal> price = row.decimal("Share Price");
      if (out.problems().size() != before) {
        continue;
      }
      out.position(new PositionLine(row.origin(), account, table.date(),
          SecurityRef.ticker(symbol, row.text("Investment Name").orElse("")), shares.get(), price));
    }
  }
}
