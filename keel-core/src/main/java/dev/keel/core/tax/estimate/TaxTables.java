package dev.keel.core.tax.estimate;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Federal tax tables by tax year: the reference data a {@link TaxEstimator} is given.
 *
 * <p>A year with no table is a clear failure, never a silent fallback to another year's figures:
 * {@link #find(int)} returns empty and {@link #get(int)} throws, naming the year asked for and the
 * years available.
 *
 * @param byYear the tables keyed by their {@link TaxYearTable#year()}
 */
public record TaxTables(SortedMap<Integer, TaxYearTable> byYear) {

  public TaxTables {
    Objects.requireNonNull(byYear, "byYear");
    TreeMap<Integer, TaxYearTable> copy = new TreeMap<>();
    byYear.forEach(
        (year, table) -> {
          Objects.requireNonNull(table, "byYear value for " + year);
          if (year == null || year != table.year()) {
            throw new IllegalArgumentException(
                "byYear key " + year + " does not match its table's year " + table.year());
          }
          copy.put(year, table);
        });
    byYear = Collections.unmodifiableSortedMap(copy);
  }

  /** The given tables; two tables for the same year are an error. */
  public static TaxTables of(List<TaxYearTable> tables) {
    Objects.requireNonNull(tables, "tables");
    TreeMap<Integer, TaxYearTable> byYear = new TreeMap<>();
    for (TaxYearTable table : tables) {
      Objects.requireNonNull(table, "tables element");
      if (byYear.putIfAbsent(table.year(), table) != null) {
        throw new IllegalArgumentException("two tables for tax year " + table.year());
      }
    }
    return new TaxTables(byYear);
  }

  /** As {@link #of(List)}. */
  public static TaxTables of(TaxYearTable... tables) {
    return of(List.of(tables));
  }

  /**
   * The tables bundled with Keel: 2018 through 2024 (Rev. Proc. 2018-18, 2018-57, 2019-44,
   * 2020-45, 2021-45, 2022-38, 2023-34), 2025 (Rev. Proc. 2024-40 as amended by the One Big
   * Beautiful Bill Act) and 2026 (Rev. Proc. 2025-32). See {@link BundledTaxTables} for the
   * figures and their sources.
   */
  public static TaxTables bundled() {
    return BundledTaxTables.TABLES;
  }

  /** The table for {@code year}, or empty when there is none. */
  public Optional<TaxYearTable> find(int year) {
    return Optional.ofNullable(byYear.get(year));
  }

  /**
   * The table for {@code year}.
   *
   * @throws IllegalArgumentException when there is no table for that year; the message names the
   *     year and the years available
   */
  public TaxYearTable get(int year) {
    return find(year)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no federal tax table for tax year " + year + "; tables are available for "
                        + (byYear.isEmpty()
                            ? "no year"
                            : byYear.keySet().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(", ")))));
  }

  /** The years that have a table, in increasing order. */
  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet()));
  }
}
