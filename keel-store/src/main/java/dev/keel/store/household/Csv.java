package dev.keel.store.household;

import java.util.List;

/** Writes the CSV files of an export: comma-separated, a cell quoted only when it must be, LF line ends. */
final class Csv {

  private final StringBuilder out = new StringBuilder();

  Csv(List<String> header) {
    row(header.toArray(String[]::new));
  }

  Csv row(String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append('\n');
    return this;
  }

  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
