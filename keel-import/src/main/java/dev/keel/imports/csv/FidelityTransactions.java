package dev.keel.imports.csv;

import dev.keel.imports.statement.ActivityKind;
import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fidelity's account history export ({@code Accounts_History.csv} / {@code
 * History_for_Account_X.csv}): {@code Run Date, Action, Symbol, Description, Type, Quantity, Price
 * ($), Commission ($), Fees ($), Accrued Interest ($), Amount ($), Settlement Date}, optionally
 * {@code Account} and {@code Account Number} columns when several accounts are exported together,
 * and a disclaimer after the table. The action is a sentence ({@code YOU BOUGHT VANGUARD INDEX FDS
 * TOTAL STK MKT (VTI) (Cash)}); its first words say what it is. Sales have a negative quantity.
 * Core money-market positions ({@code SPAXX**}) are cash to Keel.
 */
final class FidelityTransactions implements CustodianFormat {

  @Override
  public String name() {
    return "Fidelity account history CSV";
  }

  @Override
  public String custodian() {
    return "fidelity";
  }

  @Override
  public List<String> header() {
    return List.of("Run Date", "Action", "Symbol", "Quantity", "Price ($)", "Amount ($)");
  }

  @Override
  public void read(CsvTable table, StatementParts out) {
    for (CsvRow row : table.rows()) {
      int before = out.problems().size();
      Optional<LocalDate> date = row.requiredDate("Run Date");
      String action = row.required("Action").orElse("");
      Optional<BigDecimal> quantity = row.decimal("Quantity");
      Optional<BigDecimal> price = row.decimal("Price ($)");
      BigDecimal fees = row.decimal("Commission ($)").orElse(BigDecimal.ZERO).abs()
          .add(row.decimal("Fees ($)").orElse(BigDecimal.ZERO).abs());
      Optional<BigDecimal> amount = row.decimal("Amount ($)");
      if (out.problems().size() != before) {
        continue;
      }
      Optional<String> account = row.text("Account Number").or(table::accountNumber);
      String symbol = row.text("Symbol").orElse("");
      ActivityKind kind = kind(action, symbol, amount.orElse(BigDecimal.ZERO));
      Optional<SecurityRef> security = symbol.isEmpty() ? Optional.empty()
          : Optional.of(SecurityRef.ticker(symbol, row.text("Description").or(() -> row.text("Security Description")).orElse("")));
      Optional<BigDecimal> gross = amount.map(BigDecimal::abs);
      if (kind == ActivityKind.BUY) {
        gross = gross.map(a -> a.subtract(fees));
      } else if (kind == ActivityKind.SELL) {
        gross = gross.map(a -> a.add(fees));
      }
      if ((kind == ActivityKind.BUY || kind == ActivityKind.SELL) && quantity.isEmpty()) {
        row.fail("Quantity", row.raw("Quantity"), "is empty; a trade needs the number of shares");
        continue;
      }
      if (gross.isEmpty() && kind != ActivityKind.SPLIT && kind != ActivityKind.UNKNOWN) {
        row.fail("Amount ($)", row.raw("Amount ($)"), "is empty; expected the cash amount");
        continue;
      }
      out.activity(row, account, date.get(), kind, action, security, quantity, price, gross,
          kind == ActivityKind.BUY || kind == ActivityKind.SELL ? fees : BigDecimal.ZERO);
    }
  }

  static ActivityKind kind(String action, String symbol, BigDecimal amount) {
    String a = action.trim().toUpperCase(Locale.ROOT);
    if (symbol.endsWith("**") || a.startsWith("REDEMPTION FROM CORE ACCOUNT") || a.startsWith("PURCHASE INTO CORE ACCOUNT")) {
      return ActivityKind.CASH_SWEEP;
    }
    if (a.startsWith("YOU BOUGHT") || a.startsWith("REINVESTMENT")) {
      return ActivityKind.BUY;
    }
    if (a.startsWith("YOU SOLD")) {
      return ActivityKind.SELL;
    }
    if (a.startsWith("QUALIFIED DIVIDEND")) {
      return ActivityKind.QUALIFIED_DIVIDEND;
    }
    if (a.startsWith("DIVIDEND RECEIVED") || a.startsWith("SHORT-TERM CAP GAIN")) {
      // A short-term capital gain distribution is an ordinary dividend for tax (Publication 550).
      return ActivityKind.DIVIDEND;
    }
    if (a.startsWith("INTEREST EARNED")) {
      return ActivityKind.INTEREST;
    }
    if (a.startsWith("LONG-TERM CAP GAIN")) {
      return ActivityKind.CAPITAL_GAIN_DISTRIBUTION;
    }
    if (a.startsWith("RETURN OF CAPITAL")) {
      return ActivityKind.RETURN_OF_CAPITAL;
    }
    if (a.contains("SPLIT")) {
      return ActivityKind.SPLIT;
    }
    if (a.startsWith("FEE CHARGED") || a.startsWith("FOREIGN TAX PAID") || a.startsWith("ADVISORY FEE")) {
      return ActivityKind.FEE;
    }
    if (a.startsWith("TRANSFER OF ASSETS") || a.startsWith("JOURNALED SHARES")) {
      return amount.signum() < 0 ? ActivityKind.TRANSFER_OUT : ActivityKind.TRANSFER_IN;
    }
    if (a.startsWith("ELECTRONIC FUNDS TRANSFER") || a.startsWith("CASH CONTRIBUTION") || a.startsWith("TRANSFERRED")
        || a.startsWith("DEPOSIT") || a.startsWith("WITHDRAWAL") || a.startsWith("PARTIC CONTR") || a.startsWith("CHECK")) {
      return amount.signum() >= 0 ? ActivityKind.DEPOSIT : ActivityKind.WITHDRAWAL;
    }
    return ActivityKind.UNKNOWN;
  }
}
