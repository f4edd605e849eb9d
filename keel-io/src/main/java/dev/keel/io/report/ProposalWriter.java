package dev.keel.io.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keel.core.drift.ClassDrift;
import dev.keel.core.rebalance.Harvest;
import dev.keel.core.rebalance.LotSale;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.rebalance.Side;
import dev.keel.core.rebalance.Trade;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a rebalancing proposal as a table, JSON, trade CSV, or an order file to key into a broker. */
public final class ProposalWriter {

  private static final List<String> TRADE_COLUMNS = List.of("account", "symbol", "side", "quantity", "price", "amount",
      "asset_class", "short_term_gain", "long_term_gain", "reason", "taxable");
  /**
   * The order file's columns, in this order; documented in docs/formats.md ("Order files"). New
   * columns are only ever added at the end.
   */
  public static final List<String> ORDER_COLUMNS = List.of("account", "symbol", "side", "quantity", "order_type",
      "limit_price", "order", "lot_id", "lot_acquired", "lot_quantity", "lot_cost_basis");

  private ProposalWriter() {}

  public static String table(String householdName, Proposal p) {
    StringBuilder out = new StringBuilder();
    out.append(householdName).append(" - trade proposal as of ").append(p.asOf()).append(" (dry run: nothing is traded)\n");
    out.append(p.summary()).append("\n\n");
    if (!p.trades().isEmpty()) {
      TextTable trades = new TextTable(List.of("account", "side", "symbol", "quantity", "price", "amount"),
          false, false, false, true, true, true);
      for (Trade t : p.trades()) {
        trades.row(t.account().value(), t.side().code(), t.symbol().value(), Fmt.qty(t.quantity()), Fmt.money(t.price()),
            Fmt.money(t.amount()));
      }
      out.append(trades.render()).append('\n');
      out.append("Why:\n");
      for (Trade t : p.trades()) {
        out.append("  - ").append(t.reason()).append('\n');
        for (LotSale l : t.lots()) {
          if (!l.taxable()) {
            continue; // a sale in a tax-advantaged account realizes nothing: its reason says so
          }
          out.append("      lot ").append(l.lotId()).append(" acquired ").append(acquired(l)).append(": ")
              .append(Fmt.qty(l.quantity())).append(" sh, basis ").append(Fmt.money(l.costBasis())).append(", ")
              .append(l.gain().signum() < 0 ? "loss " : "gain ").append(Fmt.money(l.gain().abs())).append(" (")
              .append(l.term().code()).append("-term)");
          if (l.disallowedLoss().signum() > 0) {
            out.append(", of which ").append(Fmt.money(l.disallowedLoss())).append(" a scheduled purchase will wash");
          }
          out.append('\n');
        }
      }
      out.append('\n');
    }
    TextTable alloc = new TextTable(List.of("asset class", "target", "before", "after", "band", "after status"),
        false, true, true, true, true, false);
    for (int i = 0; i < p.after().size(); i++) {
      ClassDrift a = p.after().get(i);
      ClassDrift b = p.before().stream().filter(c -> c.assetClass().equals(a.assetClass())).findFirst().orElse(a);
      alloc.row(a.assetClass().value(), Fmt.pct(a.target()), Fmt.pct(b.actual()), Fmt.pct(a.actual()),
          Fmt.pct(a.lower()) + " - " + Fmt.pct(a.upper()), a.breached() ? "outside band" : "ok");
    }
    out.append(alloc.render()).append('\n');
    out.append("Realized by this proposal: short-term ").append(Fmt.money(p.tax().shortTermGain())).append(", long-term ")
        .append(Fmt.money(p.tax().longTermGain())).append("; estimated tax ").append(Fmt.money(p.tax().estimatedTax()))
        .append('\n');
    out.append("Realized earlier this year: ").append(Fmt.money(p.tax().realizedBefore()));
    p.tax().budgetLeft().ifPresent(b -> out.append("; tax budget left before this proposal ").append(Fmt.money(b)));
    out.append('\n');
    p.tax().basis().ifPresent(b -> out.append(pricedWith(b)).append('\n'));
    out.append("Turnover: ").append(Fmt.pct(p.turnover()))
        .append(" of the household (half of all dollars sold and bought, over the household's value before)\n");
    out.append("Cash after: ");
    List<String> cash = new ArrayList<>();
    p.cashLeft().forEach((a, c) -> cash.add(a + " " + Fmt.money(c)));
    out.append(String.join(", ", cash)).append('\n');
    if (!p.unresolved().isEmpty()) {
      out.append("\nNot fixed:\n");
      p.unresolved().forEach(u -> out.append("  - ").append(u).append('\n'));
    }
    if (!p.harvests().isEmpty()) {
      out.append("\nHarvests:\n");
      for (Harvest h : p.harvests()) {
        out.append("  - ").append(h.account()).append(": sell ").append(Fmt.qty(h.quantity())).append(' ').append(h.symbol())
            .append(" (lot ").append(h.lotId()).append("), a ").append(h.term().code()).append("-term loss of ")
            .append(Fmt.money(h.loss())).append("; buy ").append(Fmt.qty(h.substituteQuantity())).append(' ')
            .append(h.substitute()).append('\n');
        out.append("    saves about ").append(Fmt.money(h.taxSavedThisYear())).append(" this year");
        if (h.carriedForward().signum() > 0) {
          out.append("; ").append(Fmt.money(h.carriedForward())).append(" carried forward (worth up to ")
              .append(Fmt.money(h.futureValue())).append(" later at today's long-term rate)");
        }
        out.append('\n').append("    ").append(h.basisNote()).append('\n');
        h.warnings().forEach(w -> out.append("    WARNING: ").append(w).append('\n'));
      }
    }
    if (!p.harvestBlocked().isEmpty()) {
      out.append("\nNot harvested:\n");
      p.harvestBlocked().forEach(b -> out.append("  - ").append(b).append('\n'));
    }
    return out.toString();
  }

  /** Which year, tables, rates and carryforward priced the proposal's tax figures. */
  static String pricedWith(dev.keel.core.tax.estimate.TaxBasis b) {
    StringBuilder out = new StringBuilder("Tax priced for ").append(b.taxYear()).append(" with ");
    out.append(switch (b.ratesSource()) {
      case "household_rates" -> "the rates of household.yaml";
      case "brackets" -> "the brackets at the household's income, "
          + b.tables().map(dev.keel.core.tax.estimate.TablesUsed::label).orElse("");
      default -> "the default rates (no tax.rates or tax.income in household.yaml)";
    });
    out.append(": next dollar of gain ").append(Fmt.pct(b.rates().shortTerm())).append(" short-term, ")
        .append(Fmt.pct(b.rates().longTerm())).append(" long-term");
    if (b.shortTermCarryIn().signum() != 0 || b.longTermCarryIn().signum() != 0) {
      out.append("; capital loss carried in ").append(Fmt.money(b.shortTermCarryIn())).append(" short-term, ")
          .append(Fmt.money(b.longTermCarryIn())).append(" long-term");
    }
    return out.toString();
  }

  public static String json(Proposal p) {
    return Json.write(toMap(p));
  }

  public static Map<String, Object> toMap(Proposal p) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("as_of", p.asOf().toString());
    root.put("acted", p.acted());
    root.put("summary", p.summary());
    List<Map<String, Object>> trades = new ArrayList<>();
    for (Trade t : p.trades()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", t.account().value());
      m.put("symbol", t.symbol().value());
      m.put("side", t.side().code());
      m.put("quantity", Fmt.quantity(t.quantity()));
      m.put("price", t.price());
      m.put("amount", t.amount());
      m.put("asset_class", t.assetClass().value());
      List<Map<String, Object>> lots = new ArrayList<>();
      for (LotSale l : t.lots()) {
        Map<String, Object> lot = new LinkedHashMap<>();
        lot.put("lot_id", l.lotId().value());
        lot.put("acquired", acquired(l));
        lot.put("quantity", Fmt.quantity(l.quantity()));
        lot.put("cost_basis", Fmt.cents(l.costBasis()));
        lot.put("proceeds", Fmt.cents(l.proceeds()));
        // gain: what goes on the return (0 in a tax-advantaged account, a washed loss not counted);
        // economic_gain: proceeds − basis whatever the account.
        lot.put("gain", Fmt.cents(l.reportableGain()));
        lot.put("economic_gain", Fmt.cents(l.gain()));
        lot.put("taxable", l.taxable());
        lot.put("disallowed_loss", Fmt.cents(l.disallowedLoss()));
        lot.put("term", l.term().code());
        lots.add(lot);
      }
      m.put("lots", lots);
      // A purchase realizes nothing, taxable or not: null, as the CSV leaves it empty.
      m.put("taxable", t.side() == Side.SELL ? taxable(t) : null);
      m.put("reason", t.reason());
      trades.add(m);
    }
    root.put("trades", trades);
    root.put("before", allocation(p.before()));
    root.put("after", allocation(p.after()));
    Map<String, Object> tax = new LinkedHashMap<>();
    tax.put("short_term_gain", Fmt.cents(p.tax().shortTermGain()));
    tax.put("long_term_gain", Fmt.cents(p.tax().longTermGain()));
    tax.put("estimated_tax", Fmt.cents(p.tax().estimatedTax()));
    tax.put("realized_before", Fmt.cents(p.tax().realizedBefore()));
    tax.put("budget_left", p.tax().budgetLeft().map(Fmt::cents).orElse(null));
    p.tax().basis().ifPresent(b -> {
      tax.put("tax_year", b.taxYear());
      tax.put("rates_source", b.ratesSource());
      tax.put("short_term_rate", b.rates().shortTerm());
      tax.put("long_term_rate", b.rates().longTerm());
      b.tables().ifPresent(t -> {
        tax.put("table_year", t.tableYear());
        tax.put("tables_estimated_from_nearest_year", t.estimatedFromNearest());
        tax.put("tables_source", t.source());
      });
      tax.put("carryforward_in_short_term", Fmt.cents(b.shortTermCarryIn()));
      tax.put("carryforward_in_long_term", Fmt.cents(b.longTermCarryIn()));
    });
    root.put("tax", tax);
    root.put("turnover", Fmt.weight(p.turnover()));
    Map<String, Object> cash = new LinkedHashMap<>();
    p.cashLeft().forEach((a, c) -> cash.put(a.value(), Fmt.cents(c)));
    root.put("cash_left", cash);
    root.put("unresolved", p.unresolved());
    List<Map<String, Object>> harvests = new ArrayList<>();
    for (Harvest h : p.harvests()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", h.account().value());
      m.put("symbol", h.symbol().value());
      m.put("lot_id", h.lotId().value());
      m.put("quantity", Fmt.quantity(h.quantity()));
      m.put("loss", Fmt.cents(h.loss()));
      m.put("term", h.term().code());
      m.put("substitute", h.substitute().value());
      m.put("substitute_quantity", Fmt.quantity(h.substituteQuantity()));
      m.put("tax_saved_this_year", Fmt.cents(h.taxSavedThisYear()));
      m.put("carried_forward", Fmt.cents(h.carriedForward()));
      m.put("future_value", Fmt.cents(h.futureValue()));
      m.put("estimated_tax_value", Fmt.cents(h.taxSavedThisYear()));
      m.put("note", h.basisNote());
      m.put("warnings", h.warnings());
      harvests.add(m);
    }
    root.put("harvests", harvests);
    root.put("blocked", p.harvestBlocked());
    return root;
  }

  private static List<Map<String, Object>> allocation(List<ClassDrift> classes) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ClassDrift c : classes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("asset_class", c.assetClass().value());
      m.put("target", Fmt.weight(c.target()));
      m.put("actual", Fmt.weight(c.actual()));
      m.put("value", Fmt.cents(c.value()));
      m.put("breached", c.breached());
      out.add(m);
    }
    return out;
  }

  public static String csv(Proposal p) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Trade t : p.trades()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", t.account().value());
      m.put("symbol", t.symbol().value());
      m.put("side", t.side().code());
      m.put("quantity", Fmt.qty(t.quantity()));
      m.put("price", t.price().toPlainString());
      m.put("amount", t.amount().toPlainString());
      m.put("asset_class", t.assetClass().value());
      BigDecimal st = BigDecimal.ZERO;
      BigDecimal lt = BigDecimal.ZERO;
      for (LotSale l : t.lots()) {
        if (l.term() == dev.keel.core.tax.Term.SHORT) {
          st = st.add(l.reportableGain());
        } else {
          lt = lt.add(l.reportableGain());
        }
      }
      // A sale in a tax-advantaged account realizes nothing: no gain column, taxable false.
      boolean realizes = t.side() == Side.SELL && taxable(t);
      m.put("short_term_gain", realizes ? Fmt.cents(st).toPlainString() : "");
      m.put("long_term_gain", realizes ? Fmt.cents(lt).toPlainString() : "");
      m.put("reason", t.reason());
      m.put("taxable", t.side() == Side.SELL ? String.valueOf(taxable(t)) : "");
      rows.add(m);
    }
    return write(TRADE_COLUMNS, rows);
  }

  /**
   * An order file to key into a broker, or for a later program to read back: market orders, in the
   * proposal's order, numbered from 1 in {@code order}. A sale in a taxable account has one row per
   * lot it relieves (the "versus purchase" instruction: without it a broker relieves first in,
   * first out and realizes another gain); the order's columns repeat on each of its rows and
   * {@code quantity} is the order's total, the sum of its rows' {@code lot_quantity}. A purchase,
   * and a sale in a tax-advantaged account (where lots do not matter for tax), is one row with
   * empty lot columns. See docs/formats.md, "Order files".
   */
  public static String orders(Proposal p) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int number = 0;
    for (Trade t : p.trades()) {
      number++;
      List<LotSale> lots = t.side() == Side.SELL && taxable(t) ? t.lots() : List.of();
      if (lots.isEmpty()) {
        rows.add(orderRow(t, number, null));
      }
      for (LotSale l : lots) {
        rows.add(orderRow(t, number, l));
      }
    }
    return write(ORDER_COLUMNS, rows);
  }

  private static Map<String, Object> orderRow(Trade t, int number, LotSale lot) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", t.account().value());
    m.put("symbol", t.symbol().value());
    m.put("side", t.side().code());
    m.put("quantity", Fmt.qty(t.quantity()));
    m.put("order_type", "market");
    m.put("limit_price", "");
    m.put("order", number);
    m.put("lot_id", lot == null ? "" : lot.lotId().value());
    m.put("lot_acquired", lot == null ? "" : acquired(lot));
    m.put("lot_quantity", lot == null ? "" : Fmt.qty(lot.quantity()));
    m.put("lot_cost_basis", lot == null ? "" : Fmt.cents(lot.costBasis()).toPlainString());
    return m;
  }

  /** A sale is taxable when its lots are (a sale without lots, in a taxable account). */
  private static boolean taxable(Trade t) {
    return t.lots().isEmpty() || t.lots().stream().anyMatch(LotSale::taxable);
  }

  private static String acquired(LotSale l) {
    return l.acquired() == null ? "INHERITED" : l.acquired().toString();
  }

  private static String write(List<String> columns, List<Map<String, Object>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    try {
      return new CsvMapper().writer(schema.build()).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

}
