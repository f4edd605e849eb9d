package dev.keel.imports.csv;

import dev.keel.imports.statement.ActivityKind;
import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Schwab's transaction history export (Accounts, History, Export, CSV): {@code Date, Action,
 * Symbol, Description, Quantity, Price, Fees & Comm, Amount}, under an optional title line
 * naming the account ({@code Transactions for account Individual ...5678 as of ...}). Amount is
 * signed (cash out negative) and includes fees; a reinvested dividend is two rows, the dividend
 * ({@code Reinvest Dividend}) and the purchase ({@code Reinvest Shares}).
 */
final class SchwabTransactions implements CustodianFormat {

  @Override
  public String name() {
    return "Schwab transactions CSV";
  }

  @Override
  public String custodian() {
    return "schwab";
  }

  @Override
  public List<String> header() {
    return List.of("Date", "Action", "Symbol", "Description", "Quantity", "Price", "Fees & Comm", "Amount");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      if (row.text("Date").orElse("").toLowerCase(Locale.ROOT).startsWith("transactions total")) {
        continue;
      }
      int before = out.problems().size();
      Optional<LocalDate> date = row.requiredDate("Date");
      String action = row.required("Action").orElse("");
      Optional<BigDecimal> quantity = row.decimal("Quantity");
      Optional<BigDecimal> price = row.decimal("Price");
      BigDecimal fees = row.decimal("Fees & Comm").orElse(BigDecimal.ZERO).abs();
      Optional<BigDecimal> amount = row.decimal("Amount");
      if (out.problems().size() != before) {
        continue;
      }
      ActivityKind kind = kind(action, amount.orElse(BigDecimal.ZERO), quantity.orElse(BigDecimal.ZERO));
      Optional<SecurityRef> security = row.text("Symbol").map(s -> SecurityRef.ticker(s, row.text("Description").orElse("")));
      Optional<BigDecimal> gross = amount.map(BigDecimal::abs);
      if (kind == ActivityKind.BUY) {
        gross = gross.map(a -> a.subtract(fees));
      } else if (kind == ActivityKind.SELL) {
        gross = gross.map(a -> a.add(fees));
      }
      if ((kind == ActivityKind.BUY || kind == ActivityKind.SELL) && quantity.isEmpty()) {
        row.fail("Quantity", row.raw("Quantity"), "is empty; a " + action + " needs the number of shares");
        continue;
      }
      if (gross.isEmpty() && quantity.isEmpty() && kind != ActivityKind.UNKNOWN) {
        row.fail("Amount", row.raw("Amount"), "is empty; expected the cash amount of the " + action);
        continue;
      }
      out.activity(row, table.accountNumber(), date.get(), kind, action, security, quantity, price, gross,
          kind == ActivityKind.BUY || kind == ActivityKind.SELL ? fees : BigDecimal.ZERO);
    }
  }

  static ActivityKind kind(String action, BigDecimal amount, BigDecimal quantity) {
    String a = action.trim().toLowerCase(Locale.ROOT);
    return switch (a) {
      case "buy", "reinvest shares" -> ActivityKind.BUY;
      case "sell" -> ActivityKind.SELL;
      case "qualified dividend" -> ActivityKind.QUALIFIED_DIVIDEND;
      // A short-term capital gain distribution is an ordinary dividend for tax (Publication 550).
      case "reinvest dividend", "cash dividend", "non-qualified div", "special dividend", "pr yr div reinvest", "pr yr cash div",
          "short term cap gain", "short term cap gain reinvest" -> ActivityKind.DIVIDEND;
      case "bank interest", "credit interest", "bond interest" -> ActivityKind.INTEREST;
      case "long term cap gain", "long term cap gain reinvest", "pr yr cap gain" -> ActivityKind.CAPITAL_GAIN_DISTRIBUTION;
      case "service fee", "adr mgmt fee", "foreign tax paid", "margin interest", "wire fee" -> ActivityKind.FEE;
      case "moneylink transfer", "moneylink deposit", "wire funds", "wire sent", "wire received", "journal", "funds received",
          "internal transfer" -> amount.signum() >= 0 ? ActivityKind.DEPOSIT : ActivityKind.WITHDRAWAL;
      case "stock split" -> ActivityKind.SPLIT;
      case "security transfer" -> quantity.signum() < 0 ? ActivityKind.TRANSFER_OUT : ActivityKind.TRANSFER_IN;
      case "return of capital" -> ActivityKind.RETURN_OF_CAPITAL;
      default -> ActivityKind.UNKNOWN;
    };
  }
}
