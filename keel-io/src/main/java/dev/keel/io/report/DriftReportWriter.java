package dev.keel.io.report;

import dev.keel.core.drift.ClassDrift;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.drift.Holding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a drift report as a table for people or JSON for programs. */
public final class DriftReportWriter {

  private DriftReportWriter() {}

  public static String table(String householdName, DriftReport report) {
    StringBuilder out = new StringBuilder();
    out.append(householdName).append(" - drift as of ").append(report.asOf()).append('\n');
    out.append("Total value ").append(Fmt.money(report.totalValue()));
    if (!report.cashTargeted()) {
      out.append("  (cash ").append(Fmt.money(report.cash())).append(", ").append(Fmt.pct(report.cashWeight()))
          .append(", no target)");
    }
    out.append("\n\n");
    TextTable table = new TextTable(List.of("asset class", "target", "actual", "drift", "band", "value", "status"),
        false, true, true, true, true, true, false);
    for (ClassDrift c : report.classes()) {
      table.row(c.assetClass().value(), Fmt.pct(c.target()), Fmt.pct(c.actual()), Fmt.signedPts(c.drift()),
          Fmt.pct(c.lower()) + " - " + Fmt.pct(c.upper()), Fmt.money(c.value()),
          c.breached() ? (c.drift().signum() > 0 ? "OVER band" : "UNDER band") : "ok");
    }
    out.append(table.render()).append('\n');
    out.append(checkLine(report)).append('\n');
    return out.toString();
  }

  /** One sentence: is action due, and why (not). */
  public static String checkLine(DriftReport report) {
    List<String> breached = report.classes().stream().filter(ClassDrift::breached).map(c -> c.assetClass().value()).toList();
    String next = report.nextCheck().map(d -> "next check " + d).orElse("never checked");
    if (report.rebalanceNeeded()) {
      return "Rebalance needed: yes - " + String.join(", ", breached) + " outside band; a check is due (" + next + ").";
    }
    if (breached.isEmpty()) {
      return "Rebalance needed: no - every class is inside its band (" + next + ").";
    }
    return "Rebalance needed: not yet - " + String.join(", ", breached) + " outside band, but no check is due until "
        + report.nextCheck().map(Object::toString).orElse("?") + ".";
  }

  public static String holdingsTable(DriftReport report) {
    TextTable table = new TextTable(List.of("account", "symbol", "asset class", "quantity", "price", "value"),
        false, false, false, true, true, true);
    for (Holding h : report.holdings()) {
      table.row(h.account().value(), h.symbol().value(), h.assetClass().value(), Fmt.qty(h.quantity()), Fmt.money(h.price()),
          Fmt.money(h.value()));
    }
    return table.render();
  }

  public static String json(DriftReport report) {
    return Json.write(toMap(report));
  }

  public static Map<String, Object> toMap(DriftReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("as_of", report.asOf().toString());
    root.put("total_value", Fmt.cents(report.totalValue()));
    root.put("rebalance_needed", report.rebalanceNeeded());
    root.put("check_due", report.checkDue());
    root.put("next_check", report.nextCheck().map(Object::toString).orElse(null));
    Map<String, Object> cash = new LinkedHashMap<>();
    cash.put("value", Fmt.cents(report.cash()));
    cash.put("actual", Fmt.weight(report.cashWeight()));
    cash.put("targeted", report.cashTargeted());
    root.put("cash", cash);
    List<Map<String, Object>> classes = new ArrayList<>();
    for (ClassDrift c : report.classes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("asset_class", c.assetClass().value());
      m.put("target", Fmt.weight(c.target()));
      m.put("actual", Fmt.weight(c.actual()));
      m.put("drift", Fmt.weight(c.drift()));
      m.put("lower", Fmt.weight(c.lower()));
      m.put("upper", Fmt.weight(c.upper()));
      m.put("breached", c.breached());
      m.put("value", Fmt.cents(c.value()));
      classes.add(m);
    }
    root.put("asset_classes", classes);
    List<Map<String, Object>> holdings = new ArrayList<>();
    for (Holding h : report.holdings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", h.account().value());
      m.put("symbol", h.symbol().value());
      m.put("asset_class", h.assetClass().value());
      m.put("quantity", Fmt.quantity(h.quantity()));
      m.put("price", h.price());
      m.put("value", Fmt.cents(h.value()));
      holdings.add(m);
    }
    root.put("holdings", holdings);
    return root;
  }
}
