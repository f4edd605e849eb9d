package dev.keel.imports.csv;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One table of a CSV export: the rows under a recognised header, with what the lines above it
 * (Schwab's "Transactions for account Individual ...5678 as of ...") or the file name
 * (Fidelity's "History_for_Account_Z12345678.csv") say about the account and the date.
 */
public record CsvTable(String file, int headerLine, List<CsvRow> rows, Optional<String> accountNumber, Optional<LocalDate> date) {

  public CsvTable {
    rows = List.copyOf(rows);
  }
}
