package dev.keel.core.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests {@link HoldingPeriod} against IRS Publication 550, "Holding Period": the period starts the
 * day after the acquisition, includes the day of the sale, and a gain is long-term when the asset
 * was held more than one year. Months are calendar months (Rev. Rul. 66-7): an asset acquired on
 * the last day of a month completes a holding month on the last day of each later month, so it is
 * long-term from the first day of the thirteenth month after its acquisition.
 */
class HoldingPeriodTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void test_term_publication550Example() {
    // Pub. 550: "if you bought investment property on February 5, 2024, and sold it on February 5,
    // 2025, your holding period isn't more than 1 year ... If you sold it on February 6, 2025, your
    // holding period is more than 1 year".
    assertThat(HoldingPeriod.term(d("2024-02-05"), false, d("2025-02-05"))).isEqualTo(Term.SHORT);
    assertThat(HoldingPeriod.term(d("2024-02-05"), false, d("2025-02-06"))).isEqualTo(Term.LONG);
    assertThat(HoldingPeriod.longTermFrom(d("2024-02-05"))).isEqualTo(d("2025-02-06"));
  }

  @Test
  void test_term_leapDayPurchase_longTermFromFirstOfMarch() {
    // Bought 2024-02-29: the holding period starts 2024-03-01; a year of it ends 2025-02-28.
    assertThat(HoldingPeriod.term(d("2024-02-29"), false, d("2025-02-28"))).isEqualTo(Term.SHORT);
    assertThat(HoldingPeriod.term(d("2024-02-29"), false, d("2025-03-01"))).isEqualTo(Term.LONG);
    assertThat(HoldingPeriod.longTermFrom(d("2024-02-29"))).isEqualTo(d("2025-03-01"));
  }

  @Test
  void test_term_lastDayOfFebruaryBeforeALeapYear_longTermFromFirstOfMarch() {
    // Bought 2023-02-28, the last day of that February: the holding period starts 2023-03-01 and
    // its first year ends 2024-02-29 (Rev. Rul. 66-7), so a sale on the leap day is still short-term.
    assertThat(HoldingPeriod.term(d("2023-02-28"), false, d("2024-02-28"))).isEqualTo(Term.SHORT);
    assertThat(HoldingPeriod.term(d("2023-02-28"), false, d("2024-02-29"))).isEqualTo(Term.SHORT);
    assertThat(HoldingPeriod.term(d("2023-02-28"), false, d("2024-03-01"))).isEqualTo(Term.LONG);
    assertThat(HoldingPeriod.longTermFrom(d("2023-02-28"))).isEqualTo(d("2024-03-01"));
  }

  @Test
  void test_term_february28OfALeapYear_anniversaryIsShortTerm() {
    // Not the last day of its month: as in the Pub. 550 example, a sale on the anniversary is short-term.
    assertThat(HoldingPeriod.term(d("2024-02-28"), false, d("2025-02-28"))).isEqualTo(Term.SHORT);
    assertThat(HoldingPeriod.term(d("2024-02-28"), false, d("2025-03-01"))).isEqualTo(Term.LONG);
  }

  @ParameterizedTest(name = "bought {0}: short on {1}, long from {2}")
  @CsvSource({
      "2024-01-31, 2025-01-31, 2025-02-01",
      "2024-04-30, 2025-04-30, 2025-05-01",
      "2024-12-31, 2025-12-31, 2026-01-01",
      "2024-03-01, 2025-03-01, 2025-03-02",
      "2025-02-28, 2026-02-28, 2026-03-01",
      "2027-02-28, 2028-02-29, 2028-03-01",
      "2024-07-15, 2025-07-15, 2025-07-16",
  })
  void test_term_anniversaryShort_nextDayLong(String bought, String lastShort, String firstLong) {
    assertThat(HoldingPeriod.term(d(bought), false, d(lastShort))).isEqualTo(Term.SHORT);
    assertThat(HoldingPeriod.term(d(bought), false, d(firstLong))).isEqualTo(Term.LONG);
    assertThat(HoldingPeriod.longTermFrom(d(bought))).isEqualTo(d(firstLong));
  }

  @Test
  void test_term_agreesWithLongTermFrom_everyDayOfFourYears() {
    LocalDate previous = null;
    for (LocalDate bought = d("2023-01-01"); bought.isBefore(d("2027-01-01")); bought = bought.plusDays(1)) {
      LocalDate from = HoldingPeriod.longTermFrom(bought);
      assertThat(HoldingPeriod.term(bought, false, from)).as("bought %s, sold %s", bought, from).isEqualTo(Term.LONG);
      assertThat(HoldingPeriod.term(bought, false, from.minusDays(1))).as("bought %s", bought).isEqualTo(Term.SHORT);
      assertThat(from).as("more than a year after %s", bought).isAfter(bought.plusYears(1).minusDays(1));
      assertThat(from).isBetween(bought.plusDays(366), bought.plusDays(368));
      if (previous != null) {
        assertThat(from).as("later purchases never turn long-term sooner").isAfterOrEqualTo(previous);
      }
      previous = from;
    }
  }

  @Test
  void test_term_inheritedAlwaysLongTerm() {
    // IRC §1223(9): inherited property is held more than one year however briefly held.
    assertThat(HoldingPeriod.term(d("2025-05-01"), true, d("2025-05-01"))).isEqualTo(Term.LONG);
    assertThat(HoldingPeriod.term(d("2025-05-01"), true, d("2025-05-02"))).isEqualTo(Term.LONG);
    assertThat(HoldingPeriod.term(null, true, d("2025-05-02"))).as("date of death unknown").isEqualTo(Term.LONG);
  }

  @Test
  void test_daysHeld_excludesAcquisitionDayIncludesSaleDay() {
    assertThat(HoldingPeriod.daysHeld(d("2025-01-10"), d("2025-06-09"))).isEqualTo(150);
    assertThat(HoldingPeriod.daysHeld(d("2024-02-05"), d("2025-02-05"))).isEqualTo(366);
    assertThat(HoldingPeriod.daysHeld(d("2025-01-10"), d("2025-01-10"))).isZero();
  }
}
