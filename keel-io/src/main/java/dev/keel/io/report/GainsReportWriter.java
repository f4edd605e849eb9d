package dev.keel.io.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.WashSale;
import dev.keel.core.report.EsppIncomeTreatment;
import dev.keel.core.report.Form8949Box;
import dev.keel.core.report.Form8949Line;
import dev.keel.core.report.RealizedGains;
import dev.keel.core.report.YearInvestments;
import dev.keel.core.report.TermTotals;
import dev.keel.core.tax.estimate.ScheduleD;
import dev.keel.core.tax.estimate.TablesUsed;
import dev.keel.core.tax.estimate.TaxEstimate;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders realized gains as Form 8949 (Part I short-term, Part II long-term), JSON or CSV. Amounts
 * are to the cent; column (b) reads INHERITED for inherited shares, as the form's instructions ask.
 */
public final class GainsReportWriter {

  private static final List<String> CSV_COLUMNS = List.of("account", "symbol", "lot_id", "quantity", "acquired",
      "holding_since", "sold", "proceeds", "cost_basis", "adjustment_code", "adjustment", "gain", "term",
      "permanently_disallowed", "adjusted_basis", "ordinary_income", "box");

  private GainsReportWriter() {}

  public static String table(String householdName, RealizedGains gains) {
    StringBuilder out = new StringBuilder();
    out.append(householdName).append(" - realized gains ").append(gains.year()).append(" (taxable accounts)\n\n");
    part(out, "Part I - short-term", gains, gains.shortTerm(), gains.shortTermTotals());
    part(out, "Part II - long-term", gains, gains.longTerm(), gains.longTermTotals());
    out.append("Net short-term gain      ").append(Fmt.money(gains.netShortTerm())).append('\n');
    out.append("Net long-term gain       ").append(Fmt.money(gains.netLongTerm())).append('\n');
    out.append("Wash-sale loss deferred  ").append(Fmt.money(gains.washDisallowed()))
        .append("  (added to the basis of replacement lots)\n");
    out.append("Permanently disallowed   ").append(Fmt.money(gains.permanentlyDisallowed()))
        .append("  (replacements bought in IRAs, Roth IRAs, HSAs or 401(k)s; Rev. Rul. 2008-5)\n");
    YearInvestments inv = gains.investments();
    out.append("Dividends, interest      ").append(Fmt.money(gains.dividends())).append(", ").append(Fmt.money(gains.interest()))
        .append('\n');
    if (inv.qualifiedDividends().signum() != 0 || inv.capitalGainDistributions().signum() != 0) {
      out.append("  of the dividends       qualified ").append(Fmt.money(inv.qualifiedDividends()))
          .append(" (taxed at long-term rates), capital gain distributions ").append(Fmt.money(inv.capitalGainDistributions()))
          .append(" (long-term gains, Schedule D line 13)\n");
    }
    out.append("Capital loss carried in  ").append(Fmt.money(gains.carryIn().shortTerm())).append(" short-term, ")
        .append(Fmt.money(gains.carryIn().longTerm())).append(" long-term  (")
        .append(carrySource(gains)).append(")\n");
    List<String> washes = new ArrayList<>();
    for (Disposal d : gains.shortTerm()) {
      d.washSales().forEach(w -> washes.add(w.explain()));
    }
    for (Disposal d : gains.longTerm()) {
      d.washSales().forEach(w -> washes.add(w.explain()));
    }
    if (!washes.isEmpty()) {
      out.append("\nWash sales:\n");
      washes.forEach(w -> out.append("  - ").append(w).append('\n'));
    }
    employerStock(out, gains);
    out.append('\n').append(estimateText(gains));
    return out.toString();
  }

  static String carrySource(RealizedGains gains) {
    if (gains.carryIn().fromHousehold()) {
      return "as household.yaml states for " + gains.year();
    }
    return "computed from the ledger: what earlier years left over, IRC §1212(b)";
  }

  /** One part of Form 8949, one table per box checked (a separate form is filed for each box). */
  private static void part(StringBuilder out, String title, RealizedGains gains, List<Disposal> rows, TermTotals totals) {
    if (rows.isEmpty()) {
      out.append(title).append('\n');
      out.append("  (no sales)\n\n");
      return;
    }
    Map<Form8949Box, List<Disposal>> byBox = new java.util.TreeMap<>();
    for (Disposal d : rows) {
      byBox.computeIfAbsent(gains.box(d), b -> new ArrayList<>()).add(d);
    }
    for (Map.Entry<Form8949Box, List<Disposal>> e : byBox.entrySet()) {
      out.append(title).append(", box ").append(e.getKey()).append(" (").append(e.getKey().description()).append(")\n");
      List<Form8949Line> lines = gains.lines(e.getValue());
      boxTable(out, lines, byBox.size() == 1 ? totals : TermTotals.ofLines(lines));
    }
  }

  private static void boxTable(StringBuilder out, List<Form8949Line> lines, TermTotals totals) {
    TextTable table = new TextTable(List.of("(a) description", "account", "(b) acquired", "(c) sold", "(d) proceeds",
        "(e) cost basis", "(f)", "(g) adjustment", "(h) gain or loss"), false, false, false, false, true, true, false, true, true);
    for (Form8949Line l : lines) {
      Disposal d = l.disposal();
      table.row(description(d), d.account().value(), acquired(d), d.sold().toString(),
          Fmt.money(d.proceeds()), Fmt.money(l.costBasis()), l.code(),
          l.code().isEmpty() ? "" : Fmt.money(l.adjustment()), Fmt.money(l.gain()));
    }
    table.row("Totals", "", "", "", Fmt.money(totals.proceeds()), Fmt.money(totals.costBasis()), "",
        Fmt.money(totals.adjustment()), Fmt.money(totals.gain()));
    out.append(table.render()).append('\n');
  }

  /** Column (a); a return of capital in excess of basis relieves no shares. */
  private static String description(Disposal d) {
    return d.quantity().signum() == 0 ? d.symbol() + " return of capital over basis" : Fmt.qty(d.quantity()) + " sh " + d.symbol();
  }

  /**
   * Code B rows: the broker's 1099-B basis left out the compensation part of employer stock; and
   * the ESPP ordinary income that the sales realized (wages, IRS Publication 525), with how the
   * estimate counts it.
   */
  private static void employerStock(StringBuilder out, RealizedGains gains) {
    List<Form8949Line> corrected = new ArrayList<>();
    gains.lines(gains.shortTerm()).stream().filter(Form8949Line::basisCorrected).forEach(corrected::add);
    gains.lines(gains.longTerm()).stream().filter(Form8949Line::basisCorrected).forEach(corrected::add);
    if (!corrected.isEmpty()) {
      java.math.BigDecimal inG = corrected.stream().map(Form8949Line::basisCorrection)
          .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
      boolean boxesAD = corrected.stream().anyMatch(l -> l.basisCorrection().signum() != 0);
      boolean boxesBE = corrected.stream().anyMatch(l -> l.basisCorrection().signum() == 0);
      out.append("\nEmployer stock: the 1099-B basis leaves out compensation (code B, Form 8949 instructions).");
      if (boxesAD) {
        out.append(" Boxes A/D: column (e) is the basis the 1099-B shows; column (g) corrects it by the ")
            .append(Fmt.money(inG)).append(" left out.");
      }
      if (boxesBE) {
        out.append(" Boxes B/E: column (e) is the correct basis, column (g) 0 for it.");
      }
      out.append('\n');
    }
    if (gains.esppIncome().signum() != 0) {
      out.append("ESPP ordinary income   ").append(Fmt.money(gains.esppIncome()))
          .append("  (wages on Form 1040 line 1, IRS Publication 525; ").append(esppInEstimate(gains)).append(")\n");
    }
  }

  /** How the estimate counts the year's ESPP income, in words. */
  static String esppInEstimate(RealizedGains gains) {
    return switch (gains.esppTreatment()) {
      case INCLUDED_IN_INCOME -> "counted within tax.income, as tax.income_includes_espp: true (the default) says: W-2"
          + " box 1 usually includes it; set it to false if your income figure leaves it out";
      case ADDED_TO_INCOME -> "added to tax.income in the estimate below, as tax.income_includes_espp: false says";
      case NOT_IN_ESTIMATE -> "not in the estimate below, which prices only investment results; give tax.income for a"
          + " bracket estimate";
    };
  }

  private static String acquired(Disposal d) {
    return d.inherited() ? "INHERITED" : d.acquired().toString();
  }

  static String estimateText(RealizedGains gains) {
    StringBuilder out = new StringBuilder();
    if (gains.estimate().isPresent()) {
      TaxEstimate e = gains.estimate().get();
      ScheduleD d = e.scheduleD();
      out.append("Tax estimate ").append(gains.year()).append(" (").append(e.filingStatus().code())
          .append(", federal brackets + NIIT + state; ")
          .append(gains.tables().map(TablesUsed::label).orElse(e.year() + " tables")).append(")\n");
      gains.tables().filter(TablesUsed::estimatedFromNearest).ifPresent(t -> out.append("  NOTE: ").append(t.label())
          .append("; brackets and deductions of ").append(t.taxYear()).append(" differ, so this is only an estimate\n"));
      out.append("  Deduction ").append(Fmt.money(e.deduction())).append("; tables: ")
          .append(gains.tables().map(TablesUsed::source).orElse("")).append('\n');
      out.append("  Schedule D: short-term ").append(Fmt.money(d.shortTermNet())).append(", long-term ")
          .append(Fmt.money(d.longTermNet())).append(" after carryforward; loss deducted ")
          .append(Fmt.money(d.lossDeducted())).append("; carried to next year ")
          .append(Fmt.money(d.shortTermCarryforwardOut())).append(" short, ")
          .append(Fmt.money(d.longTermCarryforwardOut())).append(" long\n");
      out.append("  Taxable income ").append(Fmt.money(e.taxableIncome())).append(": ordinary tax ")
          .append(Fmt.money(e.ordinaryTax())).append(", capital gains tax ").append(Fmt.money(e.preferentialTax()))
          .append(", NIIT ").append(Fmt.money(e.niit())).append(", state ").append(Fmt.money(e.stateTax()))
          .append(", total ").append(Fmt.money(e.total())).append('\n');
      if (gains.esppIncome().signum() != 0) {
        out.append("  ESPP ordinary income ").append(Fmt.money(gains.esppIncome()))
            .append(gains.esppTreatment() == EsppIncomeTreatment.ADDED_TO_INCOME
                ? ": added to tax.income (tax.income_includes_espp: false)"
                : ": within tax.income, not added again (tax.income_includes_espp: true)").append('\n');
      }
      out.append("  Tax due to investments this year: ").append(Fmt.money(e.taxOnInvestments())).append('\n');
    } else {
      out.append("Tax estimate ").append(gains.year()).append(" at marginal rates ").append(Fmt.pct(gains.rates().shortTerm()))
          .append(" short-term, ").append(Fmt.pct(gains.rates().longTerm())).append(" long-term: ")
          .append(Fmt.money(gains.estimatedTax())).append(" added by the year's investment results, Schedule D netting and the\n"
              + "  $3,000 loss limit included (give tax.income in household.yaml for a bracket estimate)\n");
    }
    return out.toString();
  }

  public static String json(RealizedGains gains) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("year", gains.year());
    List<Map<String, Object>> rows = new ArrayList<>();
    gains.shortTerm().forEach(d -> rows.add(row(gains, d)));
    gains.longTerm().forEach(d -> rows.add(row(gains, d)));
    root.put("disposals", rows);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("short_term", totals(gains.shortTermTotals()));
    summary.put("long_term", totals(gains.longTermTotals()));
    summary.put("net_short_term", Fmt.cents(gains.netShortTerm()));
    summary.put("net_long_term", Fmt.cents(gains.netLongTerm()));
    summary.put("wash_sale_disallowed", Fmt.cents(gains.washDisallowed()));
    summary.put("permanently_disallowed", Fmt.cents(gains.permanentlyDisallowed()));
    summary.put("dividends", Fmt.cents(gains.dividends()));
    // Form 1040 line 3b: "dividends" above also holds the capital gain distributions (line 13 of
    // Schedule D), which line 3b does not.
    summary.put("ordinary_dividends", Fmt.cents(gains.investments().ordinaryDividends()));
    summary.put("qualified_dividends", Fmt.cents(gains.investments().qualifiedDividends()));
    summary.put("capital_gain_distributions", Fmt.cents(gains.investments().capitalGainDistributions()));
    summary.put("interest", Fmt.cents(gains.interest()));
    root.put("summary", summary);
    Map<String, Object> tax = new LinkedHashMap<>();
    tax.put("tax_year", gains.year());
    tax.put("rates_source", gains.ratesSource());
    gains.tables().ifPresent(t -> {
      tax.put("table_year", t.tableYear());
      tax.put("tables_estimated_from_nearest_year", t.estimatedFromNearest());
      tax.put("tables_source", t.source());
    });
    tax.put("carryforward_in_short_term", Fmt.cents(gains.carryIn().shortTerm()));
    tax.put("carryforward_in_long_term", Fmt.cents(gains.carryIn().longTerm()));
    tax.put("carryforward_in_source", gains.carryIn().fromHousehold() ? "household.yaml" : "ledger");
    tax.put("short_term_rate", gains.rates().shortTerm());
    tax.put("long_term_rate", gains.rates().longTerm());
    tax.put("estimated_tax", Fmt.cents(gains.estimatedTax()));
    tax.put("espp_ordinary_income", Fmt.cents(gains.esppIncome()));
    tax.put("espp_income_in_estimate", gains.esppTreatment().code());
    gains.estimate().ifPresent(e -> {
      tax.put("method", "brackets");
      tax.put("deduction", e.deduction());
      tax.put("taxable_income", e.taxableIncome());
      tax.put("ordinary_tax", e.ordinaryTax());
      tax.put("capital_gains_tax", e.preferentialTax());
      tax.put("niit", e.niit());
      tax.put("state_tax", e.stateTax());
      tax.put("total_tax", e.total());
      tax.put("loss_deducted", e.scheduleD().lossDeducted());
      tax.put("carryforward_short_term", e.scheduleD().shortTermCarryforwardOut());
      tax.put("carryforward_long_term", e.scheduleD().longTermCarryforwardOut());
    });
    if (gains.estimate().isEmpty()) {
      tax.put("method", "marginal_rates");
    }
    root.put("tax", tax);
    return Json.write(root);
  }

  private static Map<String, Object> row(RealizedGains gains, Disposal d) {
    Map<String, Object> m = new LinkedHashMap<>();
    Form8949Line line = gains.line(d);
    m.put("box", line.box().name());
    m.put("account", d.account().value());
    m.put("symbol", d.symbol().value());
    m.put("lot_id", d.lotId().value());
    m.put("quantity", Fmt.quantity(d.quantity()));
    m.put("acquired", d.inherited() ? "INHERITED" : d.acquired().toString());
    m.put("holding_since", d.holdingSince() == null ? null : d.holdingSince().toString());
    m.put("sold", d.sold().toString());
    m.put("proceeds", Fmt.cents(d.proceeds()));
    m.put("cost_basis", Fmt.cents(line.costBasis()));
    m.put("adjustment_code", line.code());
    m.put("adjustment", Fmt.cents(line.adjustment()));
    m.put("gain", Fmt.cents(line.gain()));
    m.put("term", d.term().code());
    m.put("permanently_disallowed", Fmt.cents(d.permanentlyDisallowed()));
    m.put("adjusted_basis", Fmt.cents(d.costBasis()));
    m.put("ordinary_income", Fmt.cents(d.compensation()));
    List<String> why = d.washSales().stream().map(WashSale::explain).toList();
    m.put("wash_sales", why);
    return m;
  }

  private static Map<String, Object> totals(TermTotals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("proceeds", Fmt.cents(t.proceeds()));
    m.put("cost_basis", Fmt.cents(t.costBasis()));
    m.put("adjustment", Fmt.cents(t.adjustment()));
    m.put("gain", Fmt.cents(t.gain()));
    return m;
  }

  public static String csv(RealizedGains gains) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    CSV_COLUMNS.forEach(schema::addColumn);
    List<Map<String, Object>> rows = new ArrayList<>();
    gains.shortTerm().forEach(d -> rows.add(csvRow(gains, d)));
    gains.longTerm().forEach(d -> rows.add(csvRow(gains, d)));
    try {
      return new CsvMapper().writer(schema.build()).writeValueAsString(rows);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> csvRow(RealizedGains gains, Disposal d) {
    Map<String, Object> m = row(gains, d);
    m.remove("wash_sales");
    Map<String, Object> out = new LinkedHashMap<>();
    for (String c : CSV_COLUMNS) {
      Object v = m.get(c);
      out.put(c, v == null ? "" : v.toString());
    }
    return out;
  }
}
