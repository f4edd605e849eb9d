package dev.keel.server.api;

import dev.keel.core.ledger.Transaction;
import dev.keel.imports.booking.Difference;
import dev.keel.imports.booking.ImportPlan;
import dev.keel.imports.booking.NewRow;
import dev.keel.imports.booking.Note;
import dev.keel.imports.statement.Origin;
import dev.keel.store.household.HouseholdId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON answer of an import: what was added, skipped and not imported, and the reconciliation, as keel import prints them. */
final class ImportAnswer {

  private ImportAnswer() {}

  static Map<String, Object> of(HouseholdId id, ImportPlan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("household", id.value());
    m.put("stored", !plan.addsNothing());
    m.put("formats", plan.formats());
    Map<String, Object> added = new LinkedHashMap<>();
    added.put("transactions", plan.transactions().stream().map(ImportAnswer::transaction).toList());
    added.put("lots", plan.lots().stream().map(ImportAnswer::lot).toList());
    added.put("prices", plan.prices().stream().map(ImportAnswer::price).toList());
    m.put("added", added);
    m.put("already_imported", notes(plan.alreadyImported()));
    m.put("not_imported", notes(plan.notImported()));
    m.put("not_understood", notes(plan.notUnderstood()));
    m.put("unknown_securities", plan.unknownSecurities().stream().map(s -> {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("symbol", s.symbol().map(Object::toString).orElse(null));
      u.put("cusip", s.cusip());
      u.put("name", s.name());
      return u;
    }).toList());
    m.put("reconciliation", plan.reconciliation().stream().map(ImportAnswer::difference).toList());
    m.put("differences", plan.differences().size());
    return m;
  }

  private static Map<String, Object> transaction(NewRow.NewTransaction row) {
    Transaction t = row.transaction();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", t.date().toString());
    m.put("account", t.account() == null ? null : t.account().value());
    m.put("action", t.action().code());
    m.put("symbol", t.symbol().map(Object::toString).orElse(null));
    m.put("quantity", t.quantity().orElse(null));
    m.put("price", t.price().orElse(null));
    m.put("amount", t.amount().orElse(null));
    m.put("fees", t.fees().signum() == 0 ? null : t.fees());
    m.put("label", row.label());
    m.put("source", origin(row.origin()));
    return m;
  }

  private static Map<String, Object> lot(NewRow.NewLot row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", row.lot().account().value());
    m.put("symbol", row.lot().symbol().value());
    m.put("quantity", row.lot().quantity());
    m.put("cost_basis", row.lot().costBasis());
    m.put("acquired", row.lot().acquired().map(Object::toString).orElse(null));
    m.put("wash_sale_disallowed", row.washSaleDisallowed());
    m.put("source", origin(row.origin()));
    return m;
  }

  private static Map<String, Object> price(NewRow.NewPrice row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", row.symbol().value());
    m.put("date", row.date().toString());
    m.put("price", row.price());
    m.put("source", origin(row.origin()));
    return m;
  }

  private static List<Map<String, Object>> notes(List<Note> notes) {
    return notes.stream().map(n -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", n.account().orElse(null));
      m.put("date", n.date().map(Object::toString).orElse(null));
      m.put("what", n.what());
      m.put("reason", n.reason());
      m.put("source", origin(n.origin()));
      return m;
    }).toList();
  }

  private static Map<String, Object> difference(Difference d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", d.account().value());
    m.put("symbol", d.symbol());
    m.put("date", d.date().toString());
    m.put("statement", d.statement());
    m.put("ledger", d.ledger());
    m.put("difference", d.difference());
    m.put("agrees", d.agrees());
    m.put("file", d.file());
    return m;
  }

  private static Map<String, Object> origin(Origin o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", o.file());
    m.put("line", o.line());
    if (!o.path().isEmpty()) {
      m.put("path", o.path());
    }
    return m;
  }

}
