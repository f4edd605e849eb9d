package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.Account;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
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
 *   <li>New transactions are booked by date and, within a day of an account, in the statement's
 *       own order (its times, or its rows read oldest first), so that a buy and a sale of the new
 *       shares on one day book in that order; rows of one day that the file giving the day's order
 *       lacks follow in a canonical order (cash in, transfers, splits, income, sales, purchases,
 *       fees, cash out; then by import id). The ledger never depends on the order of the files.
 *   <li>OFX corrections (CORRECTFITID/CORRECTACTION) drop the corrected transaction; correcting a
 *       transaction an earlier import wrote is a problem.
 *   <li>Any problem (an unreadable file or row, an unknown account number, a traded security not
 *       in the policy, a row the ledger cannot book) stops the whole import.
 * </ul>
 */
public final class ImportService {

  private static final List<Action> DAY_ORDER = List.of(Action.DEPOSIT, Action.TRANSFER, Action.SPLIT, Action.DIVIDEND,
      Action.QUALIFIED_DIVIDEND, Action.CAP_GAIN_DISTRIBUTION, Action.RETURN_OF_CAPITAL, Action.INTEREST, Action.SELL, Action.BUY,
      Action.REINVEST, Action.INHERIT, Action.FEE, Action.WITHDRAWAL);

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
    List<Correction> corrections = new ArrayList<>();
    List<PendingSplit> pendingSplits = new ArrayList<>();
    for (Statement statement : statements) {
      MappedStatement mapped = mapper.map(statement);
      rows.addAll(mapped.rows());
      corrections.addAll(mapped.corrections());
      pendingSplits.addAll(mapped.pendingSplits());
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
    Set<String> corrected = corrected(corrections, request.log(), problems);
    if (!problems.isEmpty()) {
      return ImportPlan.failed(formats, problems, List.copyOf(unknown.values()));
    }
    rows.removeIf(r -> corrected.contains(r.importId()));
    Map<String, Map<String, Integer>> sequences = sequences(rows);
    // Canonical order first, so that which of two identical rows is kept never depends on file order.
    rows.sort(Comparator.comparing(NewRow::importId).thenComparing(r -> r.origin().file()).thenComparingInt(r -> r.origin().line()));
    Set<String> before = request.log().ids();
    Set<String> seen = new HashSet<>();
    List<Note> already = new ArrayList<>();
    List<NewRow.NewTransaction> transactions = new ArrayList<>();
    List<NewRow.NewLot> lots = new ArrayList<>();
    for (NewRow row : rows) {
      if (before.contains(row.importId()) || !seen.add(row.importId())) {
        already.add(note(row, before.contains(row.importId()) ? "already imported"
            : row.importId().startsWith("transfer:") ? "the other account's side of a transfer booked once"
            : "also in another file of this import"));
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
    lots.stream().filter(l -> !l.transferredIn()).forEach(l -> lotsAsOf.merge(l.lot().account(), l.asOf(), (a, b) -> a.isAfter(b) ? a : b));
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
    kept = dayOrder(kept, sequences);
    lots = transferredLots(lots, data.transactions(), kept, notImported);
    kept = splits(pendingSplits, data, lots, kept, before, seen, lotsAsOf, already, notImported);
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
    List<Correction> applied = corrections.stream().filter(c -> !request.log().ids().contains(c.corrected()))
        .sorted(Comparator.comparing(Correction::corrected)).toList();
    return new ImportPlan(formats, kept, lots, prices, already, notImported, notUnderstood, List.copyOf(unknown.values()), reconciliation,
        List.of(), dedupe(applied));
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
          List.of(), List.of());
    } catch (InvalidInputException e) {
      return ImportPlan.failed(formats, e.problems(), List.copyOf(unknown.values()));
    }
  }

  /**
   * Applies OFX corrections within the run: the corrected row is dropped (a REPLACE's own record is
   * imported in its place; a DELETE's is not). A correction of a row imported by an earlier run is
   * a problem: Keel never changes rows already in transactions.csv, so the user removes that row
   * (and its line of imports.csv) and imports again. A correction already applied before (its
   * corrected id is in the log) changes nothing.
   *
   * @return the import ids of the corrected rows
   */
  private static Set<String> corrected(List<Correction> corrections, ImportLog log, List<Problem> problems) {
    Set<String> out = new HashSet<>();
    Map<String, ImportLog.Entry> before = new HashMap<>();
    log.entries().forEach(e -> before.put(e.importId(), e));
    for (Correction c : corrections) {
      out.add(c.corrected());
      ImportLog.Entry earlier = before.get(c.corrected());
      if (earlier != null && earlier.kind() == ImportLog.Kind.TRANSACTION) {
        problems.add(c.origin().problem("CORRECTFITID", c.corrected().substring(c.corrected().lastIndexOf(':') + 1),
            "corrects (" + c.action() + ") a transaction imported before (" + c.corrected() + ", " + earlier.date() + ", from "
                + earlier.file() + "); Keel does not change rows already in transactions.csv: remove that row and its line of "
                + "imports.csv, then import again"));
      }
    }
    return out;
  }

  /**
   * Keeps a lot transferred in from outside the household only when no earlier row of its account
   * sells, moves or splits its symbol: lots.csv holds it from the start of the ledger, where such a
   * row would wrongly relieve or rescale it. Those lots are noted for the user to record by hand.
   */
  private static List<NewRow.NewLot> transferredLots(List<NewRow.NewLot> lots, List<Transaction> existing,
      List<NewRow.NewTransaction> added, List<Note> notes) {
    List<Transaction> all = new ArrayList<>(existing);
    added.forEach(t -> all.add(t.transaction()));
    List<NewRow.NewLot> out = new ArrayList<>();
    for (NewRow.NewLot l : lots) {
      Optional<Transaction> earlier = !l.transferredIn() ? Optional.empty() : all.stream()
          .filter(t -> t.date().isBefore(l.asOf()) && t.symbol().filter(l.lot().symbol()::equals).isPresent())
          .filter(t -> t.action() == Action.SELL || t.action() == Action.TRANSFER || t.action() == Action.SPLIT)
          .filter(t -> t.account() == null || t.account().equals(l.lot().account())).findFirst();
      if (earlier.isPresent()) {
        notes.add(new Note(l.origin(), Optional.of(l.lot().account().toString()), Optional.of(l.asOf()),
            "TRANSFER IN " + l.lot().quantity().stripTrailingZeros().toPlainString() + " " + l.lot().symbol(),
            "the account " + earlier.get().action().code() + "s " + l.lot().symbol() + " on " + earlier.get().date()
                + ", before these shares came in; as a lot of lots.csv they would be " + (earlier.get().action() == Action.SPLIT
                ? "split" : "relieved") + " by that row: record them by hand"));
      } else {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * Books the splits a CSV history gives as shares added: each at the start of its day, with the
   * ratio {@code (held + added) : held}, held being the account's shares of the symbol the day
   * before (after every row dated earlier, the splits before it included). A split found before, or
   * on or before the account's opening lots, is skipped as the other rows are; one with no shares
   * held before it is noted.
   */
  private List<NewRow.NewTransaction> splits(List<PendingSplit> pending, HouseholdData data, List<NewRow.NewLot> lots,
      List<NewRow.NewTransaction> kept, Set<String> before, Set<String> seen, Map<AccountId, LocalDate> lotsAsOf, List<Note> already,
      List<Note> notes) {
    if (pending.isEmpty()) {
      return kept;
    }
    List<PendingSplit> ordered = new ArrayList<>(pending);
    ordered.sort(Comparator.comparing(PendingSplit::date).thenComparing(PendingSplit::importId));
    List<NewRow.NewTransaction> out = new ArrayList<>(kept);
    List<OpeningLot> allLots = new ArrayList<>(data.openingLots());
    lots.forEach(l -> allLots.add(l.lot()));
    for (PendingSplit p : ordered) {
      Note note = new Note(p.origin(), Optional.of(p.account().toString()), Optional.of(p.date()), p.label() + " "
          + p.added().stripTrailingZeros().toPlainString() + " " + p.symbol(), "");
      if (before.contains(p.importId()) || !seen.add(p.importId())) {
        already.add(withReason(note, before.contains(p.importId()) ? "already imported" : "also in another file of this import"));
        continue;
      }
      LocalDate cutoff = lotsAsOf.get(p.account());
      if (cutoff != null && !p.date().isAfter(cutoff)) {
        notes.add(withReason(note, "on or before " + cutoff + ", the date of the account's opening lots, which already hold its effect"));
        continue;
      }
      List<Transaction> earlier = new ArrayList<>(data.transactions());
      out.stream().map(NewRow.NewTransaction::transaction).filter(t -> t.date().isBefore(p.date())).forEach(earlier::add);
      earlier.removeIf(t -> !t.date().isBefore(p.date()));
      BigDecimal held;
      try {
        LedgerResult books = engine.books(new HouseholdData(data.household(), data.policy(), allLots, earlier, data.prices()),
            Optional.of(p.date().minusDays(1)), p.date().getYear());
        held = books.account(p.account()).quantities().getOrDefault(p.symbol(), BigDecimal.ZERO);
      } catch (InvalidInputException e) {
        held = BigDecimal.ZERO;
      }
      if (held.signum() <= 0) {
        notes.add(withReason(note, "the export gives the shares the split added, not its ratio, and the account held no "
            + p.symbol() + " the day before; add a split row with its ratio (NEW:OLD) to transactions.csv"));
        continue;
      }
      BigDecimal after = held.add(p.added());
      Optional<ActionTerms.Split> ratio = ratio(after, held);
      if (ratio.isEmpty()) {
        notes.add(withReason(note, "the shares held (" + held.toPlainString() + ") and added give no split ratio Keel can write; "
            + "add a split row with its ratio (NEW:OLD) to transactions.csv"));
        continue;
      }
      Transaction t = new Transaction(p.date(), p.account(), Action.SPLIT, Optional.of(p.symbol()), Optional.empty(), Optional.empty(),
          Optional.empty(), BigDecimal.ZERO, Optional.empty(), p.origin().source(), Optional.of(ratio.get()));
      NewRow.NewTransaction row = new NewRow.NewTransaction(p.importId(), t, p.label(), p.origin(), 0);
      int at = 0;
      while (at < out.size() && out.get(at).transaction().date().isBefore(p.date())) {
        at++;
      }
      out.add(at, row);
    }
    return out;
  }

  /** {@code after:held} as a split ratio, reduced to {@code r:1} when the quotient is exact with few decimals. */
  private static Optional<ActionTerms.Split> ratio(BigDecimal after, BigDecimal held) {
    try {
      BigDecimal r = after.divide(held).stripTrailingZeros();
      if (r.scale() <= 6) {
        return ActionTerms.Split.parse(r.toPlainString() + ":1");
      }
    } catch (ArithmeticException e) {
      // not a terminating decimal: keep the two quantities
    }
    return ActionTerms.Split.parse(after.stripTrailingZeros().toPlainString() + ":" + held.stripTrailingZeros().toPlainString());
  }

  private static Note withReason(Note note, String reason) {
    return new Note(note.origin(), note.account(), note.date(), note.what(), reason);
  }

  private static List<Correction> dedupe(List<Correction> corrections) {
    Map<String, Correction> out = new LinkedHashMap<>();
    corrections.forEach(c -> out.putIfAbsent(c.corrected(), c));
    return List.copyOf(out.values());
  }

  /** Per file, each transaction row's place in its statement's own chronology. */
  private static Map<String, Map<String, Integer>> sequences(List<NewRow> rows) {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    for (NewRow r : rows) {
      if (r instanceof NewRow.NewTransaction t) {
        out.computeIfAbsent(r.origin().file(), f -> new HashMap<>()).putIfAbsent(t.importId(), t.sequence());
      }
    }
    return out;
  }

  /**
   * Orders new rows by date and, within a day of an account, as the statement lists them (its
   * times, or its rows read oldest first): a buy and a sale of the new shares on one day book in
   * that order. When a day's rows come from several files, the order is that of the file holding
   * the most of them (the files of one custodian list a day alike); rows that file lacks follow in
   * the canonical order (cash in, income, sales, purchases, fees, cash out; then by import id). The
   * result depends on the rows and the files' content, never on the order of files.
   */
  private static List<NewRow.NewTransaction> dayOrder(List<NewRow.NewTransaction> rows, Map<String, Map<String, Integer>> sequences) {
    Map<String, List<NewRow.NewTransaction>> days = new java.util.TreeMap<>();
    rows.forEach(t -> days.computeIfAbsent(t.transaction().date() + "|" + t.transaction().account(), k -> new ArrayList<>()).add(t));
    Map<String, Integer> rank = new HashMap<>();
    for (List<NewRow.NewTransaction> day : days.values()) {
      String best = null;
      long most = -1;
      for (String file : new java.util.TreeSet<>(sequences.keySet())) {
        Map<String, Integer> seq = sequences.get(file);
        long count = day.stream().filter(t -> seq.containsKey(t.importId())).count();
        if (count > most) {
          most = count;
          best = file;
        }
      }
      Map<String, Integer> seq = best == null ? Map.of() : sequences.get(best);
      List<NewRow.NewTransaction> ordered = new ArrayList<>(day);
      ordered.sort(Comparator.comparingInt((NewRow.NewTransaction t) -> seq.containsKey(t.importId()) ? 0 : 1)
          .thenComparingInt(t -> seq.getOrDefault(t.importId(), 0))
          .thenComparingInt(t -> DAY_ORDER.indexOf(t.transaction().action())).thenComparing(NewRow::importId));
      for (int i = 0; i < ordered.size(); i++) {
        rank.put(ordered.get(i).importId(), i);
      }
    }
    List<NewRow.NewTransaction> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing((NewRow.NewTransaction t) -> t.transaction().date()).thenComparingInt(t -> rank.get(t.importId()))
        .thenComparing(t -> t.transaction().account().toString()));
    return out;
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
      out.add(new ImportLog.Entry(l.importId(), Optional.of(l.lot().account()), l.asOf(),
          l.transferredIn() ? ImportLog.Kind.TRANSFERRED_LOT : ImportLog.Kind.LOT, l.origin().file()));
    }
    for (NewRow.NewPrice p : plan.prices()) {
      out.add(new ImportLog.Entry(p.importId(), Optional.empty(), p.date(), ImportLog.Kind.PRICE, p.origin().file()));
    }
    for (Correction c : plan.corrections()) {
      out.add(new ImportLog.Entry(c.corrected(), Optional.of(c.account()), c.date(), ImportLog.Kind.CORRECTED, c.origin().file()));
    }
    return out;
  }

}
