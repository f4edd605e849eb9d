package dev.keel.store.household;

import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.Problem;
import dev.keel.io.read.CsvTable;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import dev.keel.io.read.PricesCsvLoader;
import dev.keel.io.read.TransactionsCsvLoader;
import dev.keel.store.audit.AuditLog;
import dev.keel.store.proposal.ExecutionSettings;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Households in the store. An import validates the five files with the keel-io loaders and the
 * ledger check (the same as the CLI) and stores all of them or nothing; loading renders the
 * stored rows back into the folder's files and reads them with the same loaders, so the engine
 * gets exactly the {@code HouseholdData} the CLI would build from the exported folder.
 */
public final class HouseholdStore {

  /** The first policy version is in force from the household's first record on. */
  public static final LocalDate FIRST_POLICY_EFFECTIVE = LocalDate.of(1900, 1, 1);

  private static final List<String> LOT_COLUMNS = List.of("account", "symbol", "quantity", "cost_basis", "acquired", "lot_id");
  private static final List<String> TRANSACTION_COLUMNS =
      List.of("date", "account", "action", "symbol", "quantity", "price", "amount", "fees", "lot_id");
  private static final List<String> PRICE_COLUMNS = List.of("symbol", "price", "date");

  private final Jdbi jdbi;
  private final HouseholdEngine engine;
  private final AuditLog audit;
  private final Clock clock;
  private final LoadedCache cache = new LoadedCache(500);

  public HouseholdStore(Jdbi jdbi, HouseholdEngine engine, AuditLog audit, Clock clock) {
    this.jdbi = jdbi;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /** A stored household's id and name. */
  public record Summary(HouseholdId id, String name, int policyVersions, int transactions) {}

  // ---------------------------------------------------------------- import

  /**
   * Validates the folder's files and stores them in one transaction: everything or nothing.
   * Prices go to the shared price table (a price for the same symbol and date replaces the one
   * stored).
   */
  public ImportOutcome importFolder(HouseholdId id, FolderFiles files, String actor) {
    return importFolder(id, files, actor, Optional.empty());
  }

  /** As {@link #importFolder(HouseholdId, FolderFiles, String)}, and assigns the household to a user in the same transaction. */
  public ImportOutcome importFolder(HouseholdId id, FolderFiles files, String actor, Optional<String> assignToUserId) {
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.loadAndCheck(files.source("the import"), engine);
    List<Problem> problems = new ArrayList<>(loaded.problems());
    if (loaded.value().isPresent()) {
      files.find(HouseholdFolderLoader.POLICY)
          .ifPresent(policy -> problems.addAll(ExecutionSettings.load(HouseholdFolderLoader.POLICY, policy).problems()));
    }
    if (!loaded.ok() || !problems.isEmpty()) {
      return new ImportOutcome.Rejected(problems.isEmpty()
          ? List.of(Problem.ofFile(HouseholdFolderLoader.HOUSEHOLD, "could not be loaded")) : problems);
    }
    HouseholdData data = loaded.value().get();
    List<PriceRow> prices = priceRows(files.find(HouseholdFolderLoader.PRICES).orElse(null));
    return jdbi.inTransaction(h -> {
      boolean taken = h.createQuery("SELECT COUNT(*) FROM household WHERE id = :id").bind("id", id.value())
          .mapTo(Integer.class).one() > 0;
      if (taken) {
        return new ImportOutcome.Conflict("household " + id + " already exists");
      }
      String now = now();
      h.createUpdate("INSERT INTO household (id, name, household_yaml, created_at) VALUES (:id, :name, :yaml, :at)")
          .bind("id", id.value()).bind("name", data.household().name())
          .bind("yaml", files.find(HouseholdFolderLoader.HOUSEHOLD).orElseThrow()).bind("at", now).execute();
      insertPolicy(h, id, 1, FIRST_POLICY_EFFECTIVE, files.find(HouseholdFolderLoader.POLICY).orElseThrow(), actor, now);
      int position = 0;
      for (OpeningLot lot : data.openingLots()) {
        h.createUpdate("INSERT INTO opening_lot (household_id, position, account, symbol, quantity, cost_basis, acquired, "
                + "lot_id) VALUES (:h, :p, :account, :symbol, :quantity, :basis, :acquired, :lotId)")
            .bind("h", id.value()).bind("p", ++position).bind("account", lot.account().value())
            .bind("symbol", lot.symbol().value()).bind("quantity", lot.quantity().toPlainString())
            .bind("basis", lot.costBasis().toPlainString()).bind("acquired", acquired(lot))
            .bind("lotId", lot.lotId().map(Object::toString).orElse(null)).execute();
      }
      int seq = 0;
      for (Transaction t : data.transactions()) {
        seq++;
        insertTransaction(h, id, seq, seq, t, null, actor, now);
      }
      putPrices(h, prices);
      assignToUserId.ifPresent(user -> h.createUpdate("INSERT INTO user_household (user_id, household_id) VALUES (:u, :h)")
          .bind("u", user).bind("h", id.value()).execute());
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("name", data.household().name());
      state.put("opening_lots", data.openingLots().size());
      state.put("transactions", data.transactions().size());
      state.put("prices", prices.size());
      state.put("fingerprint", fingerprint(render(h, id, Optional.empty()).orElseThrow()));
      audit.append(h, actor, "household.imported", "household", id.value(), id.value(), state);
      return new ImportOutcome.Stored(id, 1 + data.openingLots().size() + data.transactions().size() + prices.size());
    });
  }

  // ---------------------------------------------------------------- reading

  public List<Summary> list() {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, name, "
            + "(SELECT COUNT(*) FROM policy_version p WHERE p.household_id = household.id) AS versions, "
            + "(SELECT COUNT(*) FROM ledger_transaction t WHERE t.household_id = household.id) AS txns "
            + "FROM household ORDER BY id")
        .map((rs, ctx) -> new Summary(HouseholdId.of(rs.getString("id")), rs.getString("name"), rs.getInt("versions"),
            rs.getInt("txns")))
        .list());
  }

  public List<HouseholdId> ids() {
    return jdbi.withHandle(h -> h.createQuery("SELECT id FROM household ORDER BY id").mapTo(String.class).list())
        .stream().map(HouseholdId::of).toList();
  }

  public boolean exists(HouseholdId id) {
    return jdbi.withHandle(h -> exists(h, id));
  }

  static boolean exists(Handle h, HouseholdId id) {
    return h.createQuery("SELECT COUNT(*) FROM household WHERE id = :id").bind("id", id.value())
        .mapTo(Integer.class).one() > 0;
  }

  /** The folder's files as they stand now: the latest policy version, transactions with corrections applied. */
  public Optional<FolderFiles> export(HouseholdId id) {
    return jdbi.withHandle(h -> render(h, id, Optional.empty()));
  }

  /** The household as of {@code asOf}: the policy version in force that day and every stored row. */
  public Optional<StoredHousehold> load(HouseholdId id, LocalDate asOf) {
    return jdbi.withHandle(h -> load(h, id, asOf));
  }

  /** As {@link #load(HouseholdId, LocalDate)}, inside the caller's transaction. */
  public Optional<StoredHousehold> load(Handle h, HouseholdId id, LocalDate asOf) {
    // The engine's input depends on the as-of date only through the policy version in force (the
    // ledger and prices are filtered by date in the engine), but the key keeps the date anyway:
    // simple, and a household is rarely read on many dates at once.
    Optional<long[]> revisions = h.createQuery("SELECT h.revision, p.revision FROM household h, price_revision p "
            + "WHERE h.id = :id AND p.id = 1")
        .bind("id", id.value()).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
    if (revisions.isEmpty()) {
      return Optional.empty();
    }
    int policyVersion = policyInForce(h, id, asOf).map(PolicyRow::version).orElseThrow();
    LoadedCache.Key key = new LoadedCache.Key(id, revisions.get()[0], revisions.get()[1], policyVersion, asOf);
    Optional<StoredHousehold> cached = cache.find(key);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<StoredHousehold> loaded = loadUncached(h, id, asOf);
    loaded.ifPresent(value -> cache.put(key, value));
    return loaded;
  }

  private Optional<StoredHousehold> loadUncached(Handle h, HouseholdId id, LocalDate asOf) {
    Optional<FolderFiles> files = render(h, id, Optional.of(asOf));
    if (files.isEmpty()) {
      return Optional.empty();
    }
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(files.get().source("household " + id));
    if (!loaded.ok()) {
      // Everything stored was validated on the way in; this means the loaders changed under it.
      throw new StoredDataException(id, loaded.problems());
    }
    int version = policyInForce(h, id, asOf).map(PolicyRow::version).orElseThrow();
    ExecutionSettings execution = ExecutionSettings.load(HouseholdFolderLoader.POLICY,
        files.get().find(HouseholdFolderLoader.POLICY).orElseThrow()).value().orElse(ExecutionSettings.DEFAULT);
    return Optional.of(new StoredHousehold(id, loaded.value().get(), version, fingerprint(files.get()), execution));
  }

  /** The household's name, or empty when it is not stored. */
  public Optional<String> name(HouseholdId id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT name FROM household WHERE id = :id").bind("id", id.value())
        .mapTo(String.class).findOne());
  }

  // ---------------------------------------------------------------- changes

  /**
   * Appends transactions given as transactions.csv rows. With {@code corrects}, the CSV must hold
   * exactly one row, which replaces transaction number {@code corrects} (that row stays stored and
   * visible). The rows are checked by the loader and then the whole ledger is booked with them;
   * any problem stores nothing.
   */
  public ImportOutcome appendTransactions(HouseholdId id, String csv, Optional<Integer> corrects, String actor,
      LocalDate asOf) {
    String file = "transactions (request)";
    Loaded<List<Transaction>> parsed = TransactionsCsvLoader.load(file, new StringReader(csv));
    if (!parsed.ok()) {
      return new ImportOutcome.Rejected(parsed.problems());
    }
    List<Transaction> added = parsed.value().get();
    if (added.isEmpty()) {
      return new ImportOutcome.Rejected(List.of(Problem.ofFile(file, "has no rows; expected at least one transaction")));
    }
    if (corrects.isPresent() && added.size() != 1) {
      return new ImportOutcome.Rejected(List.of(new Problem(file, 0, "corrects", corrects.get().toString(),
          "a correction replaces one transaction; the request holds " + added.size())));
    }
    return jdbi.inTransaction(h -> {
      if (h.createQuery("SELECT id FROM household WHERE id = :id FOR UPDATE").bind("id", id.value())
          .mapTo(String.class).findOne().isEmpty()) {
        return new ImportOutcome.Conflict("household " + id + " is not stored");
      }
      StoredHousehold current = load(h, id, asOf).orElseThrow();
      List<TransactionRow> rows = transactionRows(h, id);
      int position;
      if (corrects.isPresent()) {
        Optional<TransactionRow> target = rows.stream().filter(r -> r.seq() == corrects.get()).findFirst();
        if (target.isEmpty()) {
          return new ImportOutcome.Rejected(List.of(new Problem(file, 0, "corrects", corrects.get().toString(),
              "is not a transaction of household " + id)));
        }
        if (rows.stream().anyMatch(r -> corrects.get().equals(r.correctsSeq()))) {
          return new ImportOutcome.Rejected(List.of(new Problem(file, 0, "corrects", corrects.get().toString(),
              "was already corrected; correct the correction instead")));
        }
        position = target.get().position();
      } else {
        position = rows.stream().mapToInt(TransactionRow::position).max().orElse(0) + 1;
      }
      List<Transaction> ledger = new ArrayList<>();
      Set<Integer> replaced = corrects.map(Set::of).orElse(Set.of());
      List<Transaction> currentTxns = current.data().transactions();
      List<TransactionRow> effective = effective(rows);
      for (int i = 0; i < effective.size(); i++) {
        if (!replaced.contains(effective.get(i).seq())) {
          ledger.add(currentTxns.get(i));
        } else {
          ledger.add(added.get(0));
        }
      }
      if (corrects.isEmpty()) {
        ledger.addAll(added);
      }
      List<Problem> problems = engine.check(current.data().withTransactions(ledger));
      if (!problems.isEmpty()) {
        return new ImportOutcome.Rejected(problems);
      }
      int seq = rows.stream().mapToInt(TransactionRow::seq).max().orElse(0);
      String now = now();
      bumpRevision(h, id);
      for (Transaction t : added) {
        seq++;
        insertTransaction(h, id, seq, position, t, corrects.orElse(null), actor, now);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("seq", seq);
        corrects.ifPresent(c -> state.put("corrects", c));
        state.put("row", String.join(",", transactionCells(t)));
        audit.append(h, actor, corrects.isPresent() ? "transaction.corrected" : "transaction.added", "transaction",
            id.value() + "/" + seq, id.value(), state);
        if (corrects.isEmpty()) {
          position++;
        }
      }
      return new ImportOutcome.Stored(id, added.size());
    });
  }

  /** Stores a new policy version in force from {@code effective}; checked by the policy loader first. */
  public ImportOutcome addPolicyVersion(HouseholdId id, String policyYaml, LocalDate effective, String actor) {
    Loaded<?> parsed = dev.keel.io.read.PolicyYamlLoader.load(HouseholdFolderLoader.POLICY, new StringReader(policyYaml));
    List<Problem> problems = new ArrayList<>(parsed.problems());
    if (parsed.ok()) {
      problems.addAll(ExecutionSettings.load(HouseholdFolderLoader.POLICY, policyYaml).problems());
    }
    if (!parsed.ok() || !problems.isEmpty()) {
      return new ImportOutcome.Rejected(problems);
    }
    return jdbi.inTransaction(h -> {
      if (h.createQuery("SELECT id FROM household WHERE id = :id FOR UPDATE").bind("id", id.value())
          .mapTo(String.class).findOne().isEmpty()) {
        return new ImportOutcome.Conflict("household " + id + " is not stored");
      }
      int version = h.createQuery("SELECT COALESCE(MAX(version), 0) FROM policy_version WHERE household_id = :h")
          .bind("h", id.value()).mapTo(Integer.class).one() + 1;
      boolean dateTaken = h.createQuery("SELECT COUNT(*) FROM policy_version WHERE household_id = :h AND effective_date = :d")
          .bind("h", id.value()).bind("d", effective).mapTo(Integer.class).one() > 0;
      if (dateTaken) {
        return new ImportOutcome.Rejected(List.of(new Problem(HouseholdFolderLoader.POLICY, 0, "effective_date",
            effective.toString(), "already has a policy version; choose another date")));
      }
      insertPolicy(h, id, version, effective, policyYaml, actor, now());
      bumpRevision(h, id);
      audit.append(h, actor, "policy.version_added", "policy", id.value() + "/" + version, id.value(),
          Map.of("version", version, "effective_date", effective.toString(), "sha256", sha256(policyYaml)));
      return new ImportOutcome.Stored(id, 1);
    });
  }

  /**
   * Stores prices given as prices.csv rows (checked by the prices loader; nothing stored on any
   * problem). A price for a symbol and date already stored is replaced.
   */
  public ImportOutcome putPrices(String csv, String actor) {
    String file = "prices (request)";
    Loaded<?> parsed = PricesCsvLoader.load(file, new StringReader(csv));
    if (!parsed.ok()) {
      return new ImportOutcome.Rejected(parsed.problems());
    }
    List<PriceRow> rows = priceRows(csv);
    if (rows.isEmpty()) {
      return new ImportOutcome.Rejected(List.of(Problem.ofFile(file, "has no rows; expected at least one price")));
    }
    return jdbi.inTransaction(h -> {
      putPrices(h, rows);
      audit.append(h, actor, "prices.stored", "prices", "prices", null, Map.of("rows", rows.size(), "sha256", sha256(csv)));
      return new ImportOutcome.Stored(null, rows.size());
    });
  }

  // ---------------------------------------------------------------- rendering

  /**
   * The household's files: with {@code asOf}, the policy version in force that day; without, the
   * latest version. Transactions are the effective ones (a corrected row replaced by its
   * correction, at its place); prices are those of every symbol the household names.
   */
  Optional<FolderFiles> render(Handle h, HouseholdId id, Optional<LocalDate> asOf) {
    Optional<String> householdYaml = h.createQuery("SELECT household_yaml FROM household WHERE id = :id")
        .bind("id", id.value()).mapTo(String.class).findOne();
    if (householdYaml.isEmpty()) {
      return Optional.empty();
    }
    PolicyRow policy = (asOf.isPresent() ? policyInForce(h, id, asOf.get()) : latestPolicy(h, id)).orElseThrow();
    Set<String> symbols = new TreeSet<>();
    Csv lots = new Csv(LOT_COLUMNS);
    h.createQuery("SELECT account, symbol, quantity, cost_basis, acquired, lot_id FROM opening_lot "
            + "WHERE household_id = :h ORDER BY position")
        .bind("h", id.value())
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)})
        .forEach(cells -> {
          symbols.add(cells[1]);
          lots.row(cells);
        });
    List<TransactionRow> effectiveRows = effective(transactionRows(h, id));
    // The columns of the actions with terms only when a row uses them: a household without
    // transfers, splits or awards renders exactly as before they were stored.
    List<Integer> termsUsed = new ArrayList<>();
    for (int i = 0; i < TermsCells.COLUMNS.size(); i++) {
      int column = TRANSACTION_COLUMNS.size() + i;
      if (effectiveRows.stream().anyMatch(r -> r.cells()[column] != null)) {
        termsUsed.add(column);
      }
    }
    List<String> header = new ArrayList<>(TRANSACTION_COLUMNS);
    termsUsed.forEach(c -> header.add(TermsCells.COLUMNS.get(c - TRANSACTION_COLUMNS.size())));
    Csv transactions = new Csv(header);
    for (TransactionRow row : effectiveRows) {
      if (row.cells()[3] != null) {
        symbols.add(row.cells()[3]);
      }
      String[] cells = java.util.Arrays.copyOf(row.cells(), header.size());
      for (int i = 0; i < termsUsed.size(); i++) {
        cells[TRANSACTION_COLUMNS.size() + i] = row.cells()[termsUsed.get(i)];
      }
      transactions.row(cells);
    }
    Loaded<dev.keel.core.policy.Policy> parsedPolicy =
        dev.keel.io.read.PolicyYamlLoader.load(HouseholdFolderLoader.POLICY, new StringReader(policy.yaml()));
    parsedPolicy.value().ifPresent(p -> p.securities().all().forEach(s -> symbols.add(s.symbol().value())));
    Map<String, String> files = new LinkedHashMap<>();
    files.put(HouseholdFolderLoader.HOUSEHOLD, householdYaml.get());
    files.put(HouseholdFolderLoader.POLICY, policy.yaml());
    files.put(HouseholdFolderLoader.LOTS, lots.toString());
    files.put(HouseholdFolderLoader.TRANSACTIONS, transactions.toString());
    files.put(HouseholdFolderLoader.PRICES, prices(h, symbols));
    return Optional.of(new FolderFiles(files));
  }

  private static String prices(Handle h, Set<String> symbols) {
    Csv csv = new Csv(PRICE_COLUMNS);
    if (symbols.isEmpty()) {
      return csv.toString();
    }
    Map<String, List<String[]>> bySymbol = new java.util.TreeMap<>();
    h.createQuery("SELECT symbol, price, price_date FROM price WHERE symbol IN (<symbols>) ORDER BY symbol, price_date")
        .bindList("symbols", new ArrayList<>(symbols))
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class).toString()})
        .forEach(row -> bySymbol.computeIfAbsent(row[0], s -> new ArrayList<>()).add(row));
    h.createQuery("SELECT symbol, price FROM undated_price WHERE symbol IN (<symbols>)")
        .bindList("symbols", new ArrayList<>(symbols))
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), null})
        .forEach(row -> bySymbol.computeIfAbsent(row[0], s -> new ArrayList<>()).add(row));
    bySymbol.values().forEach(rows -> rows.forEach(csv::row));
    return csv.toString();
  }

  // ---------------------------------------------------------------- rows

  private record PolicyRow(int version, LocalDate effective, String yaml) {}

  /** A stored transaction: its cells in transactions.csv's column order. */
  record TransactionRow(int seq, int position, Integer correctsSeq, String[] cells) {}

  record PriceRow(String symbol, LocalDate date, String price) {}

  private static Optional<PolicyRow> policyInForce(Handle h, HouseholdId id, LocalDate asOf) {
    Optional<PolicyRow> inForce = h.createQuery("SELECT version, effective_date, policy_yaml FROM policy_version "
            + "WHERE household_id = :h AND effective_date <= :d ORDER BY effective_date DESC LIMIT 1")
        .bind("h", id.value()).bind("d", asOf)
        .map((rs, ctx) -> new PolicyRow(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3))).findOne();
    return inForce.isPresent() ? inForce : firstPolicy(h, id);
  }

  private static Optional<PolicyRow> firstPolicy(Handle h, HouseholdId id) {
    return h.createQuery("SELECT version, effective_date, policy_yaml FROM policy_version WHERE household_id = :h "
            + "ORDER BY effective_date LIMIT 1")
        .bind("h", id.value())
        .map((rs, ctx) -> new PolicyRow(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3))).findOne();
  }

  private static Optional<PolicyRow> latestPolicy(Handle h, HouseholdId id) {
    return h.createQuery("SELECT version, effective_date, policy_yaml FROM policy_version WHERE household_id = :h "
            + "ORDER BY effective_date DESC LIMIT 1")
        .bind("h", id.value())
        .map((rs, ctx) -> new PolicyRow(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3))).findOne();
  }

  static List<TransactionRow> transactionRows(Handle h, HouseholdId id) {
    return h.createQuery("SELECT seq, position, corrects_seq, trade_date, account, action, symbol, quantity, price, "
            + "amount, fees, lot_id, to_account, ratio, fmv, offering_date, offering_fmv, offering_price, reported_basis "
            + "FROM ledger_transaction WHERE household_id = :h ORDER BY position, seq")
        .bind("h", id.value())
        .map((rs, ctx) -> new TransactionRow(rs.getInt(1), rs.getInt(2), rs.getObject(3, Integer.class),
            new String[] {rs.getObject(4, LocalDate.class).toString(), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                rs.getString(19)}))
        .list();
  }

  /** The rows in force: every row no later row corrects, in position order. */
  private static List<TransactionRow> effective(List<TransactionRow> rows) {
    Set<Integer> corrected = new java.util.HashSet<>();
    for (TransactionRow r : rows) {
      if (r.correctsSeq() != null) {
        corrected.add(r.correctsSeq());
      }
    }
    return rows.stream().filter(r -> !corrected.contains(r.seq())).toList();
  }

  static void bumpRevision(Handle h, HouseholdId id) {
    h.createUpdate("UPDATE household SET revision = revision + 1 WHERE id = :id").bind("id", id.value()).execute();
  }

  private static void insertPolicy(Handle h, HouseholdId id, int version, LocalDate effective, String yaml, String actor,
      String now) {
    h.createUpdate("INSERT INTO policy_version (household_id, version, effective_date, policy_yaml, created_at, created_by) "
            + "VALUES (:h, :v, :d, :yaml, :at, :by)")
        .bind("h", id.value()).bind("v", version).bind("d", effective).bind("yaml", yaml).bind("at", now)
        .bind("by", actor).execute();
  }

  static void insertTransaction(Handle h, HouseholdId id, int seq, int position, Transaction t, Integer corrects,
      String actor, String now) {
    String[] c = transactionCells(t);
    String[] terms = TermsCells.of(t);
    h.createUpdate("INSERT INTO ledger_transaction (household_id, seq, position, trade_date, account, action, symbol, "
            + "quantity, price, amount, fees, lot_id, corrects_seq, recorded_at, recorded_by, to_account, ratio, fmv, "
            + "offering_date, offering_fmv, offering_price, reported_basis) VALUES (:h, :seq, :pos, "
            + ":date, :account, :action, :symbol, :quantity, :price, :amount, :fees, :lotId, :corrects, :at, :by, "
            + ":t0, :t1, :t2, :t3, :t4, :t5, :t6)")
        .bind("h", id.value()).bind("seq", seq).bind("pos", position).bind("date", t.date())
        .bind("account", c[1]).bind("action", c[2]).bind("symbol", c[3]).bind("quantity", c[4]).bind("price", c[5])
        .bind("amount", c[6]).bind("fees", c[7]).bind("lotId", c[8]).bind("corrects", corrects)
        .bind("at", now).bind("by", actor)
        .bind("t0", terms[0]).bind("t1", terms[1]).bind("t2", terms[2]).bind("t3", terms[3]).bind("t4", terms[4])
        .bind("t5", terms[5]).bind("t6", terms[6]).execute();
  }

  /** A transaction as transactions.csv cells; fees of zero are written empty, as the loader reads them. */
  private static String[] transactionCells(Transaction t) {
    return new String[] {
      t.date().toString(), t.account() == null ? null : t.account().value(), t.action().code(),
      t.symbol().map(s -> s.value()).orElse(null),
      t.quantity().map(BigDecimal::toPlainString).orElse(null),
      t.price().map(BigDecimal::toPlainString).orElse(null),
      t.amount().map(BigDecimal::toPlainString).orElse(null),
      t.fees().signum() == 0 ? null : t.fees().toPlainString(),
      t.lotId().map(Object::toString).orElse(null)
    };
  }

  static String acquired(OpeningLot lot) {
    if (lot.inherited()) {
      return lot.acquired().map(d -> "inherited:" + d).orElse("inherited");
    }
    return lot.acquired().orElseThrow().toString();
  }

  /** The rows of a prices.csv the loader accepted, with the cells as written (the scale kept). */
  private static List<PriceRow> priceRows(String csv) {
    if (csv == null) {
      return List.of();
    }
    Loaded<List<CsvTable.Row>> table = CsvTable.read(HouseholdFolderLoader.PRICES, new StringReader(csv),
        PricesCsvLoader.REQUIRED, PricesCsvLoader.OPTIONAL);
    List<PriceRow> rows = new ArrayList<>();
    for (CsvTable.Row row : table.value().orElse(List.of())) {
      String date = row.values().get("date");
      rows.add(new PriceRow(row.values().get("symbol").trim(),
          date == null || date.isBlank() ? null : LocalDate.parse(date.trim()),
          new BigDecimal(row.values().get("price").trim()).toPlainString()));
    }
    return rows;
  }

  static void putPrices(Handle h, List<PriceRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    // Delete then insert is portable across both databases (their upsert syntaxes differ), but two
    // writers of the same new price would both insert it: price writers queue on the audit chain's
    // head row, which this transaction locks anyway to record what it did.
    AuditLog.lockChain(h);
    h.createUpdate("UPDATE price_revision SET revision = revision + 1 WHERE id = 1").execute();
    for (PriceRow p : rows) {
      if (p.date() == null) {
        h.createUpdate("DELETE FROM undated_price WHERE symbol = :s").bind("s", p.symbol()).execute();
        h.createUpdate("INSERT INTO undated_price (symbol, price) VALUES (:s, :p)")
            .bind("s", p.symbol()).bind("p", p.price()).execute();
      } else {
        h.createUpdate("DELETE FROM price WHERE symbol = :s AND price_date = :d")
            .bind("s", p.symbol()).bind("d", p.date()).execute();
        h.createUpdate("INSERT INTO price (symbol, price_date, price) VALUES (:s, :d, :p)")
            .bind("s", p.symbol()).bind("d", p.date()).bind("p", p.price()).execute();
      }
    }
  }

  /** SHA-256 of the books: every file but prices, in a fixed order. */
  static String fingerprint(FolderFiles files) {
    StringBuilder all = new StringBuilder();
    for (String name : FolderFiles.NAMES) {
      if (!name.equals(HouseholdFolderLoader.PRICES)) {
        all.append(name).append('\n').append(files.find(name).orElse("")).append('\u0000');
      }
    }
    return sha256(all.toString());
  }

  static String sha256Bytes(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
