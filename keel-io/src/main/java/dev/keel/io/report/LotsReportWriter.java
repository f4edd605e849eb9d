package dev.keel.io.report;

import dev.keel.core.ledger.Lot;
import dev.keel.core.report.LotsReport;
import dev.keel.core.report.OpenLot;
import dev.keel.core.report.WashWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders open lots and the wash-sale calendar as a table or JSON. */
public final class LotsReportWriter {

  private LotsReportWriter() {}

  public static String table(String householdName, LotsReport report) {
    StringBuilder out = new StringBuilder();
    out.append(householdName).append(" - open lots as of ").append(report.asOf()).append("\n\n");
    TextTable table = new TextTable(List.of("account", "symbol", "lot", "quantity", "acquired", "holding since",
        "cost basis", "wash adj.", "price", "unrealized", "term", "to long", "ESPP qualifies"),
        false, false, false, true, false, false, true, true, true, true, false, true, false);
    for (OpenLot o : report.lots()) {
      Lot l = o.lot();
      table.row(l.account().value(), l.symbol().value(), l.id().value(), Fmt.qty(l.quantity()),
          l.inherited() && l.acquired() == null ? "INHERITED" : String.valueOf(l.acquired()),
          l.inherited() ? "inherited" : String.valueOf(l.holdingSince()), Fmt.money(l.costBasis()),
          l.washAdjustment().signum() == 0 ? "" : Fmt.money(l.washAdjustment()), Fmt.money(o.price()),
          Fmt.money(o.unrealizedGain()), o.term().code(), o.daysToLongTerm().map(d -> d + " d").orElse(""),
          l.esppQualifyingFrom().map(LocalDate::toString).orElse(""));
    }
    out.append(table.render());
    if (report.lots().stream().anyMatch(o -> o.lot().esppQualifyingFrom().isPresent())) {
      out.append("ESPP qualifies: the first day a sale is a qualifying disposition (more than 2 years after the offering\n"
          + "  date and 1 year after the purchase, Publication 525); sold earlier, the whole discount at purchase is wages.\n");
    }
    out.append("\nWash-sale calendar (30 days either side, every account of the household):\n");
    if (report.washWindows().isEmpty()) {
      out.append("  nothing in the window: no purchase or open loss sale in the last 30 days\n");
    }
    for (WashWindow w : report.washWindows()) {
      out.append("  ").append(w.group()).append(" (").append(String.join(", ", w.symbols())).append("):\n");
      w.lossSaleWashedThrough().ifPresent(d -> out.append("    a loss sale through ").append(d)
          .append(" would be washed - ").append(w.lastPurchase().orElse("")).append('\n'));
      w.purchaseWashesThrough().ifPresent(d -> out.append("    a purchase through ").append(d)
          .append(" would wash a loss - ").append(w.lastLossSale().orElse("")).append('\n'));
    }
    return out.toString();
  }

  public static String json(LotsReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("as_of", report.asOf().toString());
    List<Map<String, Object>> lots = new ArrayList<>();
    for (OpenLot o : report.lots()) {
      Lot l = o.lot();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", l.account().value());
      m.put("symbol", l.symbol().value());
      m.put("lot_id", l.id().value());
      m.put("quantity", Fmt.quantity(l.quantity()));
      m.put("acquired", l.acquired() == null ? "INHERITED" : l.acquired().toString());
      m.put("holding_since", l.holdingSince() == null ? null : l.holdingSince().toString());
      m.put("inherited", l.inherited());
      m.put("cost_basis", Fmt.cents(l.costBasis()));
      m.put("wash_sale_adjustment", Fmt.cents(l.washAdjustment()));
      m.put("price", o.price());
      m.put("market_value", Fmt.cents(o.marketValue()));
      m.put("unrealized_gain", Fmt.cents(o.unrealizedGain()));
      m.put("term", o.term().code());
      m.put("days_to_long_term", o.daysToLongTerm().orElse(null));
      m.put("espp_qualifying_from", l.esppQualifyingFrom().map(LocalDate::toString).orElse(null));
      lots.add(m);
    }
    root.put("lots", lots);
    List<Map<String, Object>> windows = new ArrayList<>();
    for (WashWindow w : report.washWindows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", w.group());
      m.put("symbols", w.symbols());
      m.put("loss_sale_washed_through", w.lossSaleWashedThrough().map(Object::toString).orElse(null));
      m.put("because_of_purchase", w.lastPurchase().orElse(null));
      m.put("purchase_washes_through", w.purchaseWashesThrough().map(Object::toString).orElse(null));
      m.put("because_of_loss_sale", w.lastLossSale().orElse(null));
      windows.add(m);
    }
    root.put("wash_sale_calendar", windows);
    return Json.write(root);
  }
}
