package dev.keel.cli;

import dev.keel.core.price.PriceAges;
import dev.keel.io.report.PriceAgeWriter;
import java.io.PrintWriter;

/** How a report and the ages of the prices it used are printed together, for every format. */
final class Outputs {

  private Outputs() {}

  /**
   * Prints {@code report} in {@code format} with the prices older than the as-of date: under a
   * table, as a field of JSON, and for CSV (whose rows must stay rows) as warnings on the error
   * stream.
   */
  static void print(PrintWriter out, PrintWriter err, Format format, String report, PriceAges ages) {
    switch (format) {
      case TABLE -> {
        out.print(report);
        String notes = PriceAgeWriter.table(ages);
        if (!notes.isEmpty()) {
          out.println();
          out.print(notes);
        }
      }
      case JSON -> out.print(PriceAgeWriter.addTo(report, ages));
      case CSV -> {
        out.print(report);
        String notes = PriceAgeWriter.table(ages);
        if (!notes.isEmpty()) {
          err.print(notes.lines().map(l -> "keel: " + l.strip() + "\n").reduce("", String::concat));
        }
      }
    }
  }
}
