package dev.keel.imports.csv;

import dev.keel.imports.statement.ActivityKind;
import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The second table of Vanguard's download: {@code Account Number, Trade Date, Settlement Date,
 * Transaction Type, Transaction Description, Investment Name, Symbol, Shares, Share Price,
 * Principal Amount, Commission Fees, Net Amount, Accrued Interest, Account Type}. Net Amount is
 * signed (cash out negative); a reinvested dividend is a {@code Dividend} row and a {@code
 * Reinvestment} row. Moves into and out of the settlement fund ({@code Sweep in}, {@code Sweep
 * out}) are cash to cash.
 */
final class VanguardTransactions implements CustodianFormat {

  @Override
  public String name() {
    return "Vanguard transactions CSV";
  }

  @Override
  public String custodian() {
    return "vanguard";
  }

  @Override
  public List<String> header() {
    return List.of("Account Number", "Trade Date", "Transaction Type", "Symbol", "Shares", "Share Price", "Net Amount");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      int before = out.problems().size();
      Optional<String> account = row.required("Account Number");
      Optional<LocalDate> date = row.requiredDate("Trade Date");
      String type = row.required("Transaction Type").orElse("");
      Optional<BigDecimal> shares = row.decimal("Shares").filter(s -> s.signum() != 0);
      Optional<BigDecimal> price = row.decimal("Share Price").filter(p -> p.signum() != 0);
      BigDecimal fees = row.decimal("Commission Fees").orElse(BigDecimal.ZERO).abs();
      Optional<BigDecimal> net = row.decimal("Net Amount");
      if (out.problems().size() != before) {
        continue;
      }
      String symbol = row.text("Symbol").orElse("");
      ActivityKind kind = kind(type, net.orElse(BigDecimal.ZERO));
      boolean settlement = VanguardPositions.SETTLEMENT_FUNDS.contains(symbol);
      if (settlement && (kind == ActivityKind.BUY || kind == ActivityKind.SELL)) {
        // Buying or selling the settlement fund moves cash to cash.
        kind = ActivityKind.CASH_SWEEP;
      }
      Optional<SecurityRef> security = symbol.isEmpty() || settlement ? Optional.empty()
          : Optional.of(SecurityRef.ticker(symbol, row.text("Investment Name").orElse("")));
      Optional<BigDecimal> gross = net.map(BigDecimal::abs);
      if (kind == ActivityKind.BUY) {
        gross = gross.map(a -> a.subtract(fees));
      } else if (kind == ActivityKind.SELL) {
        gross = gross.map(a -> a.add(fees));
      }
      if ((kind == ActivityKind.BUY || kind == ActivityKind.SELL) && shares.isEmpty()) {
        row.fail("Shares", row.raw("Shares"), "is empty; a trade needs the number of shares");
        continue;
      }
      if (kind != ActivityKind.SPLIT && kind != ActivityKind.UNKNOWN && kind != ActivityKind.CASH_SWEEP
          && gross.filter(g -> g.signum() > 0).isEmpty()) {
        row.fail("Net Amount", row.raw("Net Amount"), "is empty or zero; expected the cash amount of the " + type);
        continue;
      }
      out.activity(row, account, date.get(), kind, type, security, shares, price, gross,
          kind == ActivityKind.BUY || kind == ActivityKind.SELL ? fees : BigDecimal.ZERO);
    }
  }

  static ActivityKind kind(String type, BigDecimal net) {
    String t = type.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("capital gain")) {
      // "Capital gain (ST)" is an ordinary dividend for tax (Publication 550); "(LT)" a capital gain distribution.
      return t.contains("(st)") || t.contains("short") ? ActivityKind.DIVIDEND : ActivityKind.CAPITAL_GAIN_DISTRIBUTION;
    }
    if (t.startsWith("transfer")) {
      return t.contains("outgoing") ? ActivityKind.TRANSFER_OUT : ActivityKind.TRANSFER_IN;
    }
    return switch (t) {
      case "buy", "reinvestment" -> ActivityKind.BUY;
      case "sell" -> ActivityKind.SELL;
      case "dividend" -> ActivityKind.DIVIDEND;
      case "qualified dividend" -> ActivityKind.QUALIFIED_DIVIDEND;
      case "interest" -> ActivityKind.INTEREST;
      case "fee" -> ActivityKind.FEE;
      case "funds received", "contribution", "deposit" -> ActivityKind.DEPOSIT;
      case "withdrawal", "distribution" -> ActivityKind.WITHDRAWAL;
      case "sweep in", "sweep out" -> ActivityKind.CASH_SWEEP;
      case "stock split" -> ActivityKind.SPLIT;
      case "return of capital" -> ActivityKind.RETURN_OF_CAPITAL;
      default -> ActivityKind.UNKNOWN;
    };
  }
}
