package dev.keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests {@link CheckCadence}: the next check date after a check, month ends and leap days included. */
class CheckCadenceTest {

  @ParameterizedTest(name = "{0} after {1}: {2}")
  @CsvSource({
      "DAILY,     2026-03-10, 2026-03-11",
      "DAILY,     2026-12-31, 2027-01-01",
      "WEEKLY,    2026-03-10, 2026-03-17",
      "WEEKLY,    2026-02-26, 2026-03-05",
      "MONTHLY,   2026-03-10, 2026-04-10",
      "MONTHLY,   2026-01-31, 2026-02-28", // no 31 February: the last day of the month
      "MONTHLY,   2028-01-31, 2028-02-29", // leap year
      "MONTHLY,   2026-03-31, 2026-04-30",
      "MONTHLY,   2026-12-15, 2027-01-15",
      "QUARTERLY, 2026-08-15, 2026-11-15",
      "QUARTERLY, 2026-11-30, 2027-02-28",
      "QUARTERLY, 2026-12-31, 2027-03-31",
      "ANNUALLY,  2026-06-30, 2027-06-30",
      "ANNUALLY,  2028-02-29, 2029-02-28"})
  void test_next(CheckCadence cadence, LocalDate lastChecked, LocalDate next) {
    assertThat(cadence.next(lastChecked)).isEqualTo(next);
  }

  @ParameterizedTest
  @CsvSource({
      "daily, DAILY", "weekly, WEEKLY", "monthly, MONTHLY", "quarterly, QUARTERLY", "annually, ANNUALLY",
      "' Quarterly ', QUARTERLY", "yearly, ANNUALLY", "annual, ANNUALLY", "MONTHLY, MONTHLY"})
  void test_find_codesAndSpellings(String text, CheckCadence expected) {
    assertThat(CheckCadence.find(text)).contains(expected);
  }

  @Test
  void test_find_unknown_empty() {
    assertThat(CheckCadence.find("fortnightly")).isEmpty();
    assertThat(CheckCadence.find("")).isEmpty();
  }

  @Test
  void test_code_roundTrips() {
    for (CheckCadence cadence : CheckCadence.values()) {
      assertThat(CheckCadence.find(cadence.code())).contains(cadence);
    }
  }
}
