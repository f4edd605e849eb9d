package dev.keel.imports.csv;

import java.util.List;

/** One line of a CSV file as read, before any header is applied: its 1-based line number and its cells, trimmed. */
public record CsvRecord(int line, List<String> cells) {

  public CsvRecord {
    cells = List.copyOf(cells);
  }

  public boolean blank() {
    return cells.stream().allMatch(String::isBlank);
  }

  public long filled() {
    return cells.stream().filter(c -> !c.isBlank()).count();
  }

  public String first() {
    return cells.isEmpty() ? "" : cells.get(0);
  }
}
