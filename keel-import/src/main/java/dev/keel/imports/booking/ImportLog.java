package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What was imported before (imports.csv): one entry per row written, by import id.
 *
 * @param entries in the order they were written
 */
public record ImportLog(List<Entry> entries) {

  /**
   * Kinds of rows an import writes: {@code LOT} a lot of a lot-details export, {@code
   * TRANSFERRED_LOT} a lot transferred in from outside the household; {@code CORRECTED} marks a
   * transaction an OFX correction replaced or deleted, so that it is never imported.
   */
  public enum Kind { TRANSACTION, LOT, PRICE, CORRECTED, TRANSFERRED_LOT }

  /**
   * One imported row.
   *
   * @param date the transaction's date, the price's date, or for a lot the date of the lot-details
   *     export it came from
   * @param file the statement file it came from (name only)
   */
  public record Entry(String importId, Optional<AccountId> account, LocalDate date, Kind kind, String file) {}

  public static final ImportLog EMPTY = new ImportLog(List.of());

  public ImportLog {
    entries = List.copyOf(entries);
  }

  public Set<String> ids() {
    Set<String> ids = new HashSet<>();
    entries.forEach(e -> ids.add(e.importId()));
    return ids;
  }

  /** Per account, the latest date of a lot-details export imported as its opening lots. */
  public Map<AccountId, LocalDate> lotsAsOf() {
    Map<AccountId, LocalDate> out = new HashMap<>();
    for (Entry e : entries) {
      if (e.kind() == Kind.LOT && e.account().isPresent()) {
        out.merge(e.account().get(), e.date(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return out;
  }
}
