package dev.keel.store.scan;

import java.time.LocalDate;
import java.util.List;

/**
 * A scan's state: how many households are pending, done and failed, and per household what was
 * found. {@code scannedHere} counts the households this call scanned (0 when another process did).
 */
public record ScanSummary(String id, LocalDate asOf, String createdAt, int pending, int done, int failed,
    int proposals, int scannedHere, List<Result> results) {

  public ScanSummary {
    results = List.copyOf(results);
  }

  /** One household's result. */
  public record Result(String household, String status, Boolean checkDue, Boolean breached, String proposalId,
      String problem, String finishedAt, String finishedBy) {}
}
