package dev.keel.core.tax.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link RateSchedule}: the "over X but not over Y" arithmetic of the rate tables in Rev.
 * Proc. 2024-40 and Rev. Proc. 2025-32.
 */
class RateScheduleTest {

  /** Rev. Proc. 2024-40, 2025 unmarried individuals: the first three brackets. */
  private static final RateSchedule SCHEDULE =
      RateSchedule.of("0.10").over("11925", "0.12").over("48475", "0.22");

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void test_taxOn_zeroAndNegative_isZero() {
    assertThat(SCHEDULE.taxOn(BigDecimal.ZERO)).isEqualByComparingTo("0");
    assertThat(SCHEDULE.taxOn(d("-500"))).isEqualByComparingTo("0");
  }

  @Test
  void test_taxOn_insideFirstBracket() {
    // 10,000 × 10% = 1,000
    assertThat(SCHEDULE.taxOn(d("10000"))).isEqualByComparingTo("1000");
  }

  @Test
  void test_taxOn_exactlyAtThreshold_staysInLowerBracket() {
    // 11,925 × 10% = 1,192.50; nothing is over 11,925 yet
    assertThat(SCHEDULE.taxOn(d("11925"))).isEqualByComparingTo("1192.50");
    // 1,192.50 + (48,475 − 11,925) × 12% = 1,192.50 + 4,386 = 5,578.50
    assertThat(SCHEDULE.taxOn(d("48475"))).isEqualByComparingTo("5578.50");
  }

  @Test
  void test_taxOn_aboveLastThreshold() {
    // 5,578.50 + (50,000 − 48,475) × 22% = 5,578.50 + 335.50 = 5,914
    assertThat(SCHEDULE.taxOn(d("50000"))).isEqualByComparingTo("5914");
  }

  @Test
  void test_taxOn_isUnrounded() {
    // 0.05 × 10% = 0.005: no rounding inside the schedule
    assertThat(SCHEDULE.taxOn(d("0.05"))).isEqualByComparingTo("0.005");
  }

  @Test
  void test_taxOnSlice_stacksOnTopOfBase() {
    // 0% up to 48,350, 15% above: 10,000 stacked on 45,000 → 3,350 at 0% + 6,650 × 15% = 997.50
    RateSchedule gains = RateSchedule.of("0").over("48350", "0.15");
    assertThat(gains.taxOnSlice(d("45000"), d("10000"))).isEqualByComparingTo("997.50");
  }

  @Test
  void test_rateAbove_atThreshold_isTheHigherRate() {
    assertThat(SCHEDULE.rateAbove(d("11924.99"))).isEqualByComparingTo("0.10");
    assertThat(SCHEDULE.rateAbove(d("11925"))).isEqualByComparingTo("0.12");
    assertThat(SCHEDULE.rateAbove(d("48475"))).isEqualByComparingTo("0.22");
    assertThat(SCHEDULE.rateAbove(d("0"))).isEqualByComparingTo("0.10");
  }

  @Test
  void test_of_rejectsBadSchedules() {
    assertThatThrownBy(() -> new RateSchedule(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () -> new RateSchedule(List.of(new RateSchedule.Bracket(d("100"), d("0.1")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start at 0");
    assertThatThrownBy(() -> SCHEDULE.over("48475", "0.24"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must increase");
    assertThatThrownBy(() -> SCHEDULE.over("60000", "0.10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not decrease");
    assertThatThrownBy(() -> RateSchedule.of("1.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> RateSchedule.of("0.1").over("-5", "0.2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }
}
