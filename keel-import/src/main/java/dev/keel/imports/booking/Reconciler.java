package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.reconcile.HoldingsComparison;
import dev.keel.core.security.Symbol;
import dev.keel.imports.statement.CashLine;
import dev.keel.imports.statement.PositionLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares a statement's positions and cash with the ledger on the statement's date, per account
 * and symbol. Every symbol either side holds is listed (a holding the statement does not show is
 * compared with zero), so a missing transaction shows as a difference, never as silence.
 * Positions are compared as shares, exactly; cash to the cent as the statement writes it.
 */
public final class Reconciler {

  private final HouseholdEngine engine;

  public Reconciler(HouseholdEngine engine) {
    this.engine = engine;
  }

  public static final Reconciler DEFAULT = new Reconciler(HouseholdEngine.DEFAULT);

  List<Difference> reconcile(HouseholdData data, List<MappedStatement.Resolved<PositionLine>> positions,
      List<MappedStatement.Resolved<CashLine>> cash, LocalDate fallback) {
    // Group the statement's holdings by (account, date).
    Map<AccountId, Map<LocalDate, Map<String, BigDecimal>>> held = new TreeMap<>();
    Map<String, String> files = new HashMap<>();
    for (MappedStatement.Resolved<PositionLine> p : positions) {
      LocalDate date = p.item().asOf().orElse(fallback);
      String symbol = p.item().security().symbol().map(Symbol::value)
          .orElse(p.item().security().cusip().isEmpty() ? p.item().security().name() : p.item().security().cusip());
      held.computeIfAbsent(p.account(), a -> new TreeMap<>()).computeIfAbsent(date, d -> new TreeMap<>())
          .merge(symbol, p.item().quantity(), BigDecimal::add);
      files.put(p.account() + "@" + date, p.item().origin().file());
    }
    Map<AccountId, Map<LocalDate, BigDecimal>> cashHeld = new TreeMap<>();
    for (MappedStatement.Resolved<CashLine> c : cash) {
      LocalDate date = c.item().asOf().orElse(fallback);
      cashHeld.computeIfAbsent(c.account(), a -> new TreeMap<>()).merge(date, c.item().amount(), BigDecimal::add);
      held.computeIfAbsent(c.account(), a -> new TreeMap<>()).computeIfAbsent(date, d -> new TreeMap<>());
      files.put(c.account() + "@" + date, c.item().origin().file());
    }
    List<Difference> out = new ArrayList<>();
    Map<LocalDate, LedgerResult> books = new LinkedHashMap<>();
    for (Map.Entry<AccountId, Map<LocalDate, Map<String, BigDecimal>>> byAccount : held.entrySet()) {
      AccountId account = byAccount.getKey();
      for (Map.Entry<LocalDate, Map<String, BigDecimal>> byDate : byAccount.getValue().entrySet()) {
        LocalDate date = byDate.getKey();
        LedgerResult ledger = books.computeIfAbsent(date, d -> engine.books(data, Optional.of(d), d.getYear()));
        Map<String, BigDecimal> ledgerHeld = new TreeMap<>();
        ledger.account(account).quantities().forEach((s, q) -> ledgerHeld.put(s.value(), q));
        String file = files.get(account + "@" + date);
        // A statement that lists no positions for the account that day (cash only) says nothing of
        // the ledger's holdings; one that lists positions is compared item by item both ways.
        boolean hasPositions = positions.stream().anyMatch(p -> p.account().equals(account) && p.item().asOf().orElse(fallback).equals(date));
        List<HoldingsComparison.Line> lines = new ArrayList<>(HoldingsComparison.positions(ledgerHeld, byDate.getValue(), hasPositions));
        BigDecimal statementCash = cashHeld.getOrDefault(account, Map.of()).get(date);
        if (statementCash != null) {
          lines.add(HoldingsComparison.cash(ledger.account(account).cash(), statementCash));
        }
        for (HoldingsComparison.Line line : lines) {
          out.add(new Difference(account, line.item(), date, line.other(), line.ledger(), file));
        }
      }
    }
    out.sort(Comparator.comparing((Difference d) -> d.account().toString()).thenComparing(Difference::date)
        .thenComparing(d -> d.symbol().equals("cash") ? "~" : d.symbol()));
    return out;
  }
}
