package dev.keel.core.tax.estimate;

import dev.keel.core.tax.FilingStatus;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The federal tax figures for one tax year, for every filing status.
 *
 * @param year the tax year (the calendar year the income is earned in)
 * @param statuses the figures for each {@link FilingStatus}; every status must be present
 * @param niitRate the net investment income tax rate as a fraction: 0.038 (IRC §1411(a)(1))
 * @param source where the figures come from, for display and audit (revenue procedure, statute)
 */
public record TaxYearTable(
    int year, Map<FilingStatus, FilingStatusTable> statuses, BigDecimal niitRate, String source) {

  public TaxYearTable {
    Objects.requireNonNull(statuses, "statuses");
    Objects.requireNonNull(niitRate, "niitRate");
    Objects.requireNonNull(source, "source");
    if (year < 1913) {
      throw new IllegalArgumentException("year must be a federal income-tax year: " + year);
    }
    EnumMap<FilingStatus, FilingStatusTable> copy = new EnumMap<>(FilingStatus.class);
    statuses.forEach(
        (status, table) ->
            copy.put(
                Objects.requireNonNull(status, "statuses key"),
                Objects.requireNonNull(table, "statuses value for " + status)));
    for (FilingStatus status : FilingStatus.values()) {
      if (!copy.containsKey(status)) {
        throw new IllegalArgumentException(
            "the " + year + " table has no figures for filing status " + status.code());
      }
    }
    statuses = Collections.unmodifiableMap(copy);
    if (niitRate.signum() < 0 || niitRate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("niitRate must be between 0 and 1: " + niitRate);
    }
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
  }

  /** The figures for {@code status}. */
  public FilingStatusTable forStatus(FilingStatus status) {
    return statuses.get(Objects.requireNonNull(status, "status"));
  }
}
