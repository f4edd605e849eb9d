package dev.keel.core.report;

import java.time.LocalDate;
import java.util.List;

/** The household's open lots on a date, and its wash-sale calendar. */
public record LotsReport(LocalDate asOf, List<OpenLot> lots, List<WashWindow> washWindows) {

  public LotsReport {
    lots = List.copyOf(lots);
    washWindows = List.copyOf(washWindows);
  }
}
