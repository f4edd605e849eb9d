package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.Account;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.portfolio.HouseholdEngine;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.Symbol;
import dev.keel.imports.statement.PositionLine;
import dev.keel.imports.statement.SecurityRef;
import dev.keel.imports.statement.Statement;
import dev.keel.io.read.Loaded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans an import: reads every file, maps it to the household, drops what was imported before,
 * books the result to check it, and reconciles the statements' positions with the ledger. Nothing
 * is written here: the caller writes the plan (the CLI to a folder, a server to its store) only
 * when it has no problems. Stateless; the same files give the same plan whatever their order and
 * the order of their rows.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A row whose import id was imported before, or that another file of the same run already
 *       gives, is skipped as already imported.
 *   <li>An account whose opening lots come from a lot-details export dated D takes no transaction
 *       dated on or before D: the lots already hold their effect.
 *   <li>New transactions are booked in a canonical order within a day (cash in, income, sales,
 *       purchases, fees, cash out; then by import id), so that the ledger does not depend on the
 *       order of rows or files.
 *   <li>Any problem (an unreadable file or row, an unknown account number, a traded security not
 *       in the policy, a row the ledger cannot book) stops the whole import.
 * </ul>
 */
public final class ImportService {

  private static final List<Action> DAY_ORDER = List.of(Action.DEPOSIT, Action.DIVIDEND, Action.INTEREST, Action.SELL,
      Action.BUY, Action.REINVEST, Action.INHERIT, Action.FEE, Action.WITHDRAWAL);

  private final HouseholdEngine engine;
  private final Reconciler reconciler;

  public ImportService(HouseholdEngine engine, Reconciler reconciler) {
    this.engine = engine;
    this.reconciler = reconciler;
  }

  public static final ImportService DEFAULT = new ImportService(HouseholdEngine.DEFAULT, Reconciler.DEFAULT);

  public ImportPlan plan(ImportRequest request) {
    List<Problem> problems = new ArrayList<>();
    List<String> formats = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    for (StatementFile file : request.files()) {
      Loaded<Statement> read = StatementReaders.read(file);
      problems.addAll(read.problems());
      read.value().ifPresent(s -> {
        statements.add(s);
        formats.add(file.name() + ": " + s.format());
      });
    }
    if (!problems.isEmpty()) {
      return ImportPlan.failed(formats, problems, List.of());
    }
    HouseholdData data = request.household();
    StatementMapper mapper = new StatementMapper(request.numbers(), data.policy().securities(), request.account(),
        data.household().accounts().stream().map(Account::id).toList());
    List<NewRow> rows = new ArrayList<>();
    List<Note> notImported = new ArrayList<>();
    List<Note> notUnderstood = new ArrayList<>();
    Map<String, SecurityRef> unknown = new LinkedHashMap<>();
    List<MappedStatement.Resolved<PositionLine>> positions = new ArrayList<>();
    List<MappedStatement.Resolved<dev.keel.imports.statement.CashLine>> cash = new ArrayList<>();
    for (Statement statement : statements) {
      MappedStatement mapped = mapper.map(statement);
      rows.addAll(mapped.rows());
      notImported.addAll(mapped.notImported());
      notUnderstood.addAll(mapped.notUnderstood());
      mapped.unknownSecurities().forEach(s -> unknown.putIfAbsent(s.describe(), s));
      positions.addAll(mapped.positions());
      cash.addAll(mapped.cash());
      problems.addAll(mapped.problems());
    }
    if (!problems.isEmpty()) {
      return ImportPlan.failed(formats, problems, List.copyOf(unknown.values()));
    }
    // Canonical order first, so that which of two identical rows is kept never depends on file order.
    rows.sort(Comparator.comparing(NewRow::importId).thenComparing(r -> r.origin().file()).thenComparingInt(r -> r.origin().line()));
    Set<String> before = request.log().ids();
    Set<String> seen = new HashSet<>();
    List<Note> already = new ArrayList<>();
    List<NewRow.NewTransaction> transactions = new ArrayList<>();
    List<NewRow.NewLot> lots = new ArrayList<>();
    for (NewRow row : rows) {
      if (before.contains(row.importId()) || !seen.add(row.importId())) {
        already.add(note(row, before.contains(row.importId()) ? "already imported" : "also in another file of this import"));
      } else if (row instanceof NewRow.NewTransaction t) {
        transactions.add(t);
      } else if (row instanceof NewRow.NewLot l) {
        lots.add(l);
      }
    }
    // Lots in the order lots.csv numbers them (account/SYMBOL/n): by account, symbol and acquisition date.
    lots.sort(Comparator.comparing((NewRow.NewLot l) -> l.lot().account().toString()).thenComparing(l -> l.lot().symbol().value())
        .thenComparing(l -> l.lot().acquired().orElse(LocalDate.MIN)).thenComparing(NewRow::importId));
    Map<AccountId, LocalDate> lotsAsOf = new HashMap<>(request.log().lotsAsOf());
    lots.forEach(l -> lotsAsOf.merge(l.lot().account(), l.asOf(), (a, b) -> a.isAfter(b) ? a : b));
    List<NewRow.NewTransaction> kept = new ArrayList<>();
    for (NewRow.NewTransaction t : transactions) {
      LocalDate cutoff = lotsAsOf.get(t.transaction().account());
      if (cutoff != null && !t.transaction().date().isAfter(cutoff)) {
        notImported.add(new Note(t.origin(), Optional.of(t.transaction().account().toString()), Optional.of(t.transaction().date()),
            t.label(), "on or before " + cutoff + ", the date of the account's opening lots, which already hold its effect"));
      } else {
        kept.add(t);
      }
    }
    kept.sort(Comparator.comparing((NewRow.NewTransaction t) -> t.transaction().date())
        .thenComparingInt(t -> DAY_ORDER.indexOf(t.transaction().action())).thenComparing(NewRow::importId));
    List<NewRow.NewPrice> prices = prices(positions, request, data);
    List<Transaction> allTransactions = new ArrayList<>(data.transactions());
    kept.forEach(t -> allTransactions.add(t.transaction()));
    List<OpeningLot> allLots = new ArrayList<>(data.openingLots());
    lots.forEach(l -> allLots.add(l.lot()));
    HouseholdData after = new HouseholdData(data.household(), data.policy(), allLots, allTransactions, data.prices());
    problems.addAll(engine.check(after));
    notImported.sort(Comparator.comparing((Note n) -> n.origin().file()).thenComparingInt(n -> n.origin().line()));
    already.sort(Comparator.comparing((Note n) -> n.origin().file()).thenComparingInt(n -> n.origin().line()));
    notUnderstood.sort(Comparator.comparing((Note n) -> n.origin().file()).thenComparingInt(n -> n.origin().line()));
    if (!problems.isEmpty()) {
      return ImportPlan.failed(formats, problems, List.copyOf(unknown.values()));
    }
    List<Difference> reconciliation;
    try {
      reconciliation = reconciler.reconcile(after, positions, cash, request.asOf());
    } catch (InvalidInputException e) {
      return ImportPlan.failed(formats, e.problems(), List.copyOf(unknown.values()));
    }
    return new ImportPlan(formats, kept, lots, prices, already, notImported, notUnderstood, List.copyOf(unknown.values()), reconciliation,
        List.of());
  }

  /**
   * Compares the files' positions and cash with the ledger as it is, importing nothing: {@code keel
   * reconcile}. Activities and lots in the files are ignored.
   */
  public ImportPlan reconcile(ImportRequest request) {
    List<Problem> problems = new ArrayList<>();
    List<String> formats = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    for (StatementFile file : request.files()) {
      Loaded<Statement> read = StatementReaders.read(file);
      problems.addAll(read.problems());
      read.value().ifPresent(s -> {
        formats.add(file.name() + ": " + s.format());
        statements.add(new Statement(s.file(), s.format(), s.custodian(), s.accountNumber(), List.of(), s.positions(), s.cash(),
            List.of(), s.securities()));
      });
    }
    if (!problems.isEmpty()) {
      return ImportPlan.failed(formats, problems, List.of());
    }
    HouseholdData data = request.household();
    StatementMapper mapper = new StatementMapper(request.numbers(), data.policy().securities(), request.account(),
        data.household().accounts().stream().map(Account::id).toList());
    List<MappedStatement.Resolved<PositionLine>> positions = new ArrayList<>();
    List<MappedStatement.Resolved<dev.keel.imports.statement.CashLine>> cash = new ArrayList<>();
    Map<String, SecurityRef> unknown = new LinkedHashMap<>();
    for (Statement statement : statements) {
      MappedStatement mapped = mapper.map(statement);
      positions.addAll(mapped.positions());
      cash.addAll(mapped.cash());
      mapped.unknownSecurities().forEach(s -> unknown.putIfAbsent(s.describe(), s));
      problems.addAll(mapped.problems());
    }
    if (positions.isEmpty() && cash.isEmpty() && problems.isEmpty()) {
      request.files().forEach(f -> problems.add(Problem.ofFile(f.name(), "has no positions or cash to reconcile; "
          + "use a positions export or an OFX download with its position list")));
    }
    if (!problems.isEmpty()) {
      return ImportPlan.failed(formats, problems, List.copyOf(unknown.values()));
    }
    try {
      List<Difference> lines = reconciler.reconcile(data, positions, cash, request.asOf());
      return new ImportPlan(formats, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.copyOf(unknown.values()), lines,
          List.of());
    } catch (InvalidInputException e) {
      return ImportPlan.failed(formats, e.problems(), List.copyOf(unknown.values()));
    }
  }

  /** Prices the statements value their positions at, for symbols of the policy, on dates prices.csv does not have yet. */
  private static List<NewRow.NewPrice> prices(List<MappedStatement.Resolved<PositionLine>> positions, ImportRequest request,
      HouseholdData data) {
    Map<String, NewRow.NewPrice> out = new java.util.TreeMap<>();
    for (MappedStatement.Resolved<PositionLine> p : positions) {
      PositionLine line = p.item();
      Optional<Symbol> symbol = line.security().symbol().filter(data.policy().securities()::contains);
      if (symbol.isEmpty() || line.price().isEmpty() || line.price().get().signum() <= 0) {
        continue;
      }
      LocalDate date = line.asOf().orElse(request.asOf());
      String key = symbol.get() + "@" + date;
      if (request.existingPrices().contains(key)) {
        continue;
      }
      NewRow.NewPrice price = new NewRow.NewPrice(ImportIds.price(symbol.get().value(), date), symbol.get(), date, line.price().get(),
          line.origin());
      // Two statements may price the same symbol on the same day; keep the lowest for a result independent of file order.
      out.merge(key, price, (a, b) -> a.price().compareTo(b.price()) <= 0 ? a : b);
    }
    return List.copyOf(out.values());
  }

  private static Note note(NewRow row, String reason) {
    if (row instanceof NewRow.NewTransaction t) {
      return new Note(row.origin(), Optional.of(t.transaction().account().toString()), Optional.of(t.transaction().date()), t.label(), reason);
    }
    if (row instanceof NewRow.NewLot l) {
      return new Note(row.origin(), Optional.of(l.lot().account().toString()), l.lot().acquired(),
          "lot " + l.lot().quantity().toPlainString() + " " + l.lot().symbol(), reason);
    }
    return new Note(row.origin(), Optional.empty(), Optional.empty(), row.importId(), reason);
  }

  /** The import log entries of a plan's rows, to store with them. */
  public static List<ImportLog.Entry> entries(ImportPlan plan) {
    List<ImportLog.Entry> out = new ArrayList<>();
    for (NewRow.NewTransaction t : plan.transactions()) {
      out.add(new ImportLog.Entry(t.importId(), Optional.of(t.transaction().account()), t.transaction().date(), ImportLog.Kind.TRANSACTION,
          t.origin().file()));
    }
    for (NewRow.NewLot l : plan.lots()) {
      out.add(new ImportLog.Entry(l.importId(), Optional.of(l.lot().account()), l.asOf(), ImportLog.Kind.LOT, l.origin().file()));
    }
    for (NewRow.NewPrice p : plan.prices()) {
      out.add(new ImportLog.Entry(p.importId(), Optional.empty(), p.date(), ImportLog.Kind.PRICE, p.origin().file()));
    }
    return out;
  }

}
