package dev.keel.io.report;

import dev.keel.core.report.HarvestReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the year's harvested losses and their value (keel harvest --report). */
public final class HarvestReportWriter {

  private HarvestReportWriter() {}

  public static String table(String householdName, HarvestReport r) {
    StringBuilder out = new StringBuilder();
    out.append(householdName).append(" - losses harvested in ").append(r.year()).append("\n\n");
    if (r.harvests().isEmpty()) {
      out.append("  no harvests found (a loss sale with a substitute of the same class bought the same day)\n");
    } else {
      TextTable table = new TextTable(List.of("account", "sold", "symbol", "quantity", "term", "loss", "deferred (W)",
          "lost for good", "deductible loss", "substitute"), false, false, false, true, false, true, true, true, true, false);
      for (HarvestReport.Entry e : r.harvests()) {
        table.row(e.sale().account().value(), e.sale().sold().toString(), e.sale().symbol().value(), Fmt.qty(e.sale().quantity()),
            e.sale().term().code(), Fmt.money(e.loss()), Fmt.money(e.deferred()), Fmt.money(e.lostForGood()),
            Fmt.money(e.deductibleLoss()), e.substitute().value());
      }
      out.append(table.render());
    }
    out.append('\n');
    r.lossByAccount().forEach((a, l) -> out.append("Harvested in ").append(a).append(": ").append(Fmt.money(l)).append('\n'));
    out.append("Harvested in all: ").append(Fmt.money(r.totalLoss())).append(" deductible\n");
    if (r.totalLostForGood().signum() > 0) {
      out.append("Lost for good: ").append(Fmt.money(r.totalLostForGood()))
          .append(" of harvested loss was washed by purchases in retirement accounts and is never deductible (Rev. Rul. 2008-5)\n");
    }
    if (r.totalDeferred().signum() > 0) {
      out.append("Deferred: ").append(Fmt.money(r.totalDeferred()))
          .append(" of harvested loss was washed by purchases in taxable accounts and added to their basis\n");
    }
    out.append("Estimated tax value this year: ").append(Fmt.money(r.taxValue())).append(" (").append(r.method()).append(")\n");
    out.append("Capital loss carried to ").append(r.year() + 1).append(": ").append(Fmt.money(r.carryforward())).append('\n');
    out.append("Harvesting lowers the basis of the substitutes bought: the saving is a deferral, not a gift.\n");
    return out.toString();
  }

  public static String json(HarvestReport r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("year", r.year());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (HarvestReport.Entry e : r.harvests()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", e.sale().account().value());
      m.put("symbol", e.sale().symbol().value());
      m.put("lot_id", e.sale().lotId().value());
      m.put("quantity", Fmt.quantity(e.sale().quantity()));
      m.put("sold", e.sale().sold().toString());
      m.put("term", e.sale().term().code());
      m.put("loss", Fmt.cents(e.loss()));
      m.put("deferred", Fmt.cents(e.deferred()));
      m.put("lost_for_good", Fmt.cents(e.lostForGood()));
      m.put("deductible_loss", Fmt.cents(e.deductibleLoss()));
      m.put("substitute", e.substitute().value());
      rows.add(m);
    }
    root.put("harvests", rows);
    Map<String, Object> byAccount = new LinkedHashMap<>();
    r.lossByAccount().forEach((a, l) -> byAccount.put(a.value(), Fmt.cents(l)));
    root.put("loss_by_account", byAccount);
    root.put("total_loss", Fmt.cents(r.totalLoss()));
    root.put("total_lost_for_good", Fmt.cents(r.totalLostForGood()));
    root.put("total_deferred", Fmt.cents(r.totalDeferred()));
    root.put("estimated_tax_value", r.taxValue());
    root.put("carryforward", r.carryforward());
    root.put("method", r.method());
    return Json.write(root);
  }
}
