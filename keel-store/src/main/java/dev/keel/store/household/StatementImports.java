package dev.keel.store.household;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.problem.Problem;
import dev.keel.imports.booking.AccountNumbers;
import dev.keel.imports.booking.ImportLog;
import dev.keel.imports.booking.ImportPlan;
import dev.keel.imports.booking.ImportRequest;
import dev.keel.imports.booking.ImportService;
import dev.keel.imports.booking.NewRow;
import dev.keel.imports.booking.StatementFile;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import dev.keel.store.audit.AuditLog;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Brokerage statements (OFX/QFX, custodian CSV exports) imported into a stored household: the
 * plan comes from keel-import's {@link ImportService}, exactly as {@code keel import} plans it for
 * a folder, and is stored in one transaction with the household's row locked, so two imports of
 * one household queue and the second sees what the first added. A plan with problems stores
 * nothing; a plan that adds nothing (the same statements again) changes nothing but the audit trail.
 */
public final class StatementImports {

  private final Jdbi jdbi;
  private final HouseholdStore households;
  private final ImportService service;
  private final AuditLog audit;

  public StatementImports(Jdbi jdbi, HouseholdStore households, ImportService service, AuditLog audit) {
    this.jdbi = jdbi;
    this.households = households;
    this.service = service;
    this.audit = audit;
  }

  /**
   * Plans the files against the household's books and stores the plan when it has no problems.
   * Empty when the household is not stored.
   *
   * @param account the account of every item whose file names no account number
   * @param asOf the date of positions whose file gives none
   */
  public Optional<ImportPlan> importStatements(HouseholdId id, List<StatementFile> files, Optional<AccountId> account,
      LocalDate asOf, String actor) {
    return jdbi.inTransaction(h -> {
      Optional<String> householdYaml = h.createQuery("SELECT household_yaml FROM household WHERE id = :id FOR UPDATE")
          .bind("id", id.value()).mapTo(String.class).findOne();
      if (householdYaml.isEmpty()) {
        return Optional.<ImportPlan>empty();
      }
      Loaded<AccountNumbers> numbers = AccountNumbers.read(HouseholdFolderLoader.HOUSEHOLD, new StringReader(householdYaml.get()));
      if (!numbers.ok()) {
        return Optional.of(rejected(numbers.problems()));
      }
      StoredHousehold current = households.load(h, id, asOf).orElseThrow();
      ImportRequest request = new ImportRequest(current.data(), numbers.value().get(), log(h, id), priceKeys(h),
          files, account, asOf);
      ImportPlan plan = service.plan(request);
      if (!plan.ok()) {
        return Optional.of(plan);
      }
      String now = households.now();
      if (!plan.addsNothing()) {
        store(h, id, plan, actor, now);
      }
      audit.append(h, actor, "household.statements_imported", "household", id.value(), id.value(), state(files, plan));
      return Optional.of(plan);
    });
  }

  private void store(Handle h, HouseholdId id, ImportPlan plan, String actor, String now) {
    HouseholdStore.bumpRevision(h, id);
    List<HouseholdStore.TransactionRow> rows = HouseholdStore.transactionRows(h, id);
    int seq = rows.stream().mapToInt(HouseholdStore.TransactionRow::seq).max().orElse(0);
    int position = rows.stream().mapToInt(HouseholdStore.TransactionRow::position).max().orElse(0);
    // Appended in the plan's booking order, as keel import appends them to transactions.csv.
    for (NewRow.NewTransaction t : plan.transactions()) {
      seq++;
      position++;
      HouseholdStore.insertTransaction(h, id, seq, position, t.transaction(), null, actor, now);
    }
    int lotPosition = h.createQuery("SELECT COALESCE(MAX(position), 0) FROM opening_lot WHERE household_id = :h")
        .bind("h", id.value()).mapTo(Integer.class).one();
    for (NewRow.NewLot l : plan.lots()) {
      OpeningLot lot = l.lot();
      h.createUpdate("INSERT INTO opening_lot (household_id, position, account, symbol, quantity, cost_basis, acquired, "
              + "lot_id) VALUES (:h, :p, :account, :symbol, :quantity, :basis, :acquired, :lotId)")
          .bind("h", id.value()).bind("p", ++lotPosition).bind("account", lot.account().value())
          .bind("symbol", lot.symbol().value()).bind("quantity", lot.quantity().toPlainString())
          .bind("basis", lot.costBasis().toPlainString()).bind("acquired", HouseholdStore.acquired(lot))
          .bind("lotId", lot.lotId().map(Object::toString).orElse(null)).execute();
    }
    HouseholdStore.putPrices(h, plan.prices().stream()
        .map(p -> new HouseholdStore.PriceRow(p.symbol().value(), p.date(), p.price().toPlainString())).toList());
    int logSeq = h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM statement_import WHERE household_id = :h")
        .bind("h", id.value()).mapTo(Integer.class).one();
    for (ImportLog.Entry e : ImportService.entries(plan)) {
      h.createUpdate("INSERT INTO statement_import (household_id, seq, import_id, account, entry_date, kind, file_name, "
              + "recorded_at) VALUES (:h, :seq, :importId, :account, :date, :kind, :file, :at)")
          .bind("h", id.value()).bind("seq", ++logSeq).bind("importId", e.importId())
          .bind("account", e.account().map(AccountId::value).orElse(null)).bind("date", e.date())
          .bind("kind", e.kind().name().toLowerCase(Locale.ROOT)).bind("file", e.file()).bind("at", now).execute();
    }
  }

  /** The household's import log, in the order it was written. */
  private static ImportLog log(Handle h, HouseholdId id) {
    return new ImportLog(h.createQuery("SELECT import_id, account, entry_date, kind, file_name FROM statement_import "
            + "WHERE household_id = :h ORDER BY seq")
        .bind("h", id.value())
        .map((rs, ctx) -> new ImportLog.Entry(rs.getString(1), Optional.ofNullable(rs.getString(2)).map(AccountId::of),
            rs.getObject(3, LocalDate.class), ImportLog.Kind.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5)))
        .list());
  }

  /** {@code SYMBOL@DATE} of every dated price stored: a statement's valuation of a day already priced is not added. */
  private static Set<String> priceKeys(Handle h) {
    Set<String> keys = new HashSet<>();
    h.createQuery("SELECT symbol, price_date FROM price")
        .map((rs, ctx) -> rs.getString(1).toUpperCase(Locale.ROOT) + "@" + rs.getObject(2, LocalDate.class))
        .forEach(keys::add);
    return keys;
  }

  private static ImportPlan rejected(List<Problem> problems) {
    return new ImportPlan(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        problems, List.of());
  }

  /** The audit event's state: which files (by name and SHA-256) and what they added. */
  private static Map<String, Object> state(List<StatementFile> files, ImportPlan plan) {
    Map<String, Object> state = new LinkedHashMap<>();
    List<Map<String, Object>> given = new ArrayList<>();
    for (StatementFile f : files) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("sha256", HouseholdStore.sha256Bytes(f.content()));
      given.add(m);
    }
    state.put("files", given);
    state.put("transactions", plan.transactions().size());
    state.put("lots", plan.lots().size());
    state.put("prices", plan.prices().size());
    state.put("already_imported", plan.alreadyImported().size());
    state.put("differences", plan.differences().size());
    return state;
  }
}
