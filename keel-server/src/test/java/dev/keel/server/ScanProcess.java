package dev.keel.server;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.Database;
import dev.keel.store.Store;
import dev.keel.store.scan.ScanSummary;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A scanning server process for the reliability tests: opens the database named by its arguments
 * (URL, user, schema or "-", as-of date, worker name) and scans until nothing is pending.
 */
public final class ScanProcess {

  private ScanProcess() {}

  public static void main(String[] args) {
    String schema = args[2].equals("-") ? null : args[2];
    try (Database database = Database.open(args[0], args[1], "", schema, 4)) {
      Store store = new Store(database, HouseholdEngine.DEFAULT, Clock.systemUTC(), Store.DEFAULT_PRICE_TOLERANCE, args[4]);
      ScanSummary summary = store.scanner().run(LocalDate.parse(args[3]), args[4], 2, () -> false);
      System.out.println("scanned_here=" + summary.scannedHere() + " done=" + summary.done());
    }
  }
}
