package dev.keel.io.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned text and right-aligned numbers. */
public final class TextTable {

  private final List<String> headers;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(List<String> headers, boolean... rightAligned) {
    this.headers = List.copyOf(headers);
    this.rightAligned = new boolean[headers.size()];
    for (int i = 0; i < rightAligned.length && i < headers.size(); i++) {
      this.rightAligned[i] = rightAligned[i];
    }
  }

  public TextTable row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  public TextTable row(List<String> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public String render() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      widths[i] = headers.get(i).length();
    }
    for (List<String> row : rows) {
      for (int i = 0; i < row.size() && i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      if (i > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[i] - cell.length());
      line.append(rightAligned[i] ? pad + cell : cell + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
