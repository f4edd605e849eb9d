package dev.keel.core.tax.estimate;

import java.util.Objects;

/**
 * Which federal tables priced a tax year, said in every output that shows a bracket figure.
 *
 * <p>Keel bundles the tables of 2018 through 2026. For a year outside them the estimate is made
 * with the nearest bundled year's table and labelled as such ({@link #estimatedFromNearest()}),
 * never silently: brackets and deductions move with inflation, so such a figure is an estimate of
 * an estimate.
 *
 * @param taxYear the tax year asked for
 * @param tableYear the year whose table was used: {@code taxYear} when bundled, else the nearest
 * @param source the revenue procedures and statutes the table comes from
 */
public record TablesUsed(int taxYear, int tableYear, String source) {

  public TablesUsed {
    Objects.requireNonNull(source, "source");
  }

  /** The table for {@code year}, or the nearest year's when none is bundled (the later one on a tie). */
  public static TablesUsed forYear(int year, TaxTables tables) {
    int tableYear = TaxProfiles.tableYear(year, tables);
    return new TablesUsed(year, tableYear, tables.get(tableYear).source());
  }

  /** True when the year has no table of its own and another year's was used. */
  public boolean estimatedFromNearest() {
    return taxYear != tableYear;
  }

  /** One line for a report: "2024 tables" or the plain warning for a year without them. */
  public String label() {
    return estimatedFromNearest()
        ? "no " + taxYear + " tables are bundled: estimated with the " + tableYear + " tables"
        : tableYear + " tables";
  }
}
