package dev.keel.io.read;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.LotId;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads transactions.csv: the history after the opening lots, in execution order (rows of one day
 * keep their file order; days may come in any order and are replayed by date).
 *
 * <p>Columns: {@code date}, {@code account}, {@code action} (buy, sell, deposit, withdrawal,
 * dividend, reinvest, interest, fee, inherit) are required; {@code symbol}, {@code quantity},
 * {@code price}, {@code amount}, {@code fees}, {@code lot_id} are optional columns and may be
 * empty where the action does not need them. Buy, sell, reinvest and inherit need a symbol, a
 * quantity and a price or an amount (the gross, before fees); the other actions need an amount.
 * All amounts are positive: the action says which way the cash goes.
 *
 * <p>Transfer, split, rsu_vest, espp_purchase and return_of_capital also use the columns {@code
 * to_account}, {@code ratio}, {@code fmv}, {@code offering_date}, {@code offering_fmv}, {@code
 * offering_price} and {@code reported_basis}; see {@link ActionTermsColumns} and docs/formats.md.
 */
public final class TransactionsCsvLoader {

  public static final List<String> REQUIRED = List.of("date", "account", "action");
  public static final List<String> OPTIONAL = java.util.stream.Stream.concat(
      java.util.stream.Stream.of("symbol", "quantity", "price", "amount", "fees", "lot_id"),
      ActionTermsColumns.COLUMNS.stream()).toList();
  private static final String ACTIONS = Arrays.stream(Action.values()).map(Action::code).collect(Collectors.joining(", "));

  private TransactionsCsvLoader() {}

  public static Loaded<List<Transaction>> load(String file, Reader reader) {
    Loaded<List<CsvTable.Row>> table = CsvTable.read(file, reader, REQUIRED, OPTIONAL);
    List<Problem> problems = new ArrayList<>(table.problems());
    List<Transaction> transactions = new ArrayList<>();
    for (CsvTable.Row row : table.value().orElse(List.of())) {
      List<Problem> rowProblems = new ArrayList<>();
      CsvTable.Row r = new CsvTable.Row(row.file(), row.line(), row.values(), rowProblems);
      Optional<LocalDate> date = r.cell("date").required().flatMap(x -> r.cell("date").date());
      Optional<AccountId> account = ActionTermsColumns.accountOptional(r.cell("action").raw())
          ? r.cell("account").id(AccountId::of, "account id")
          : r.cell("account").required().flatMap(x -> r.cell("account").id(AccountId::of, "account id"));
      Optional<Action> action = r.cell("action").required().flatMap(x -> r.cell("action").oneOf(Action::find, ACTIONS));
      Optional<Symbol> symbol = r.cell("symbol").id(Symbol::of, "symbol");
      Optional<BigDecimal> quantity = r.cell("quantity").positive();
      Optional<BigDecimal> price = r.cell("price").positive();
      Optional<BigDecimal> amount = r.cell("amount").nonNegative();
      Optional<BigDecimal> fees = r.cell("fees").nonNegative();
      Optional<LotId> lotId = r.cell("lot_id").id(LotId::of, "lot id (no spaces)");
      Optional<dev.keel.core.ledger.ActionTerms> terms = Optional.empty();
      if (action.isPresent() && rowProblems.isEmpty()) {
        Action a = action.get();
        if (ActionTermsColumns.OWNED.contains(a)) {
          terms = ActionTermsColumns.read(a, r, date);
        } else if (a.movesShares()) {
          if (symbol.isEmpty()) {
            r.cell("symbol").fail(a.code() + " needs a symbol");
          }
          if (quantity.isEmpty()) {
            r.cell("quantity").fail(a.code() + " needs a quantity");
          }
          if (price.isEmpty() && amount.isEmpty()) {
            r.cell("price").fail(a.code() + " needs a price or an amount");
          }
          if (amount.isPresent() && amount.get().signum() == 0) {
            r.cell("amount").fail("must be greater than zero: shares are never traded for nothing (leave it empty to use quantity × price)");
          }
        } else {
          if (amount.isEmpty()) {
            r.cell("amount").fail(a.code() + " needs an amount");
          } else if (amount.get().signum() == 0) {
            r.cell("amount").fail("must be greater than zero");
          }
          if (quantity.isPresent() || price.isPresent()) {
            r.cell(quantity.isPresent() ? "quantity" : "price").fail("is not used by " + a.code() + "; leave it empty");
          }
        }
        if (!ActionTermsColumns.OWNED.contains(a)) {
          ActionTermsColumns.rejectTermsColumns(a, r);
        }
        if (lotId.isPresent() && a != Action.SELL && a != Action.TRANSFER && !a.isPurchase() && rowProblems.isEmpty()) {
          r.cell("lot_id").fail("is only used by sell, transfer, buy, reinvest, rsu_vest and espp_purchase");
        }
      }
      if (rowProblems.isEmpty()) {
        transactions.add(new Transaction(date.get(), account.orElse(null), action.get(), symbol, quantity, price, amount,
            fees.orElse(BigDecimal.ZERO), lotId, SourceRef.of(file, row.line()), terms));
      }
      problems.addAll(rowProblems);
    }
    return Loaded.of(transactions, problems);
  }
}
