package dev.keel.imports.csv;

import java.util.List;
import java.util.Locale;

/**
 * One custodian export: the header that identifies it and how its rows map to statement items.
 * Implementations are small and stateless; see docs/imports.md for each one's column mapping.
 */
public interface CustodianFormat {

  /** How the format is named to the user: {@code Schwab transactions CSV}. */
  String name();

  /** Short custodian name used in import ids: {@code schwab}, {@code fidelity}, {@code vanguard}. */
  String custodian();

  /** The columns that identify the format's header row (compared case-insensitively, all must be present). */
  List<String> header();

  /** Maps the table's rows; rows it cannot read become problems in {@code out}. */
  void read(CsvTable table, StatementParts out);

  default boolean matches(List<String> cells) {
    List<String> lower = cells.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    return header().stream().allMatch(h -> lower.contains(h.toLowerCase(Locale.ROOT)));
  }
}
