package dev.keel.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link WashSaleWindow} at its edges. IRC §1091(a): the period "beginning 30 days before the
 * date of such sale or disposition and ending 30 days after such date"; IRS Publication 550 (Wash
 * Sales) calls it the 61-day period. Both ends are in it; the 31st day on either side is not.
 */
class WashSaleWindowTest {

  private static final LocalDate SALE = LocalDate.of(2026, 3, 2);

  @Test
  void the_window_is_61_days_with_both_ends_included() {
    assertThat(WashSaleWindow.opens(SALE)).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(WashSaleWindow.closes(SALE)).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(WashSaleWindow.firstDayAfter(SALE)).isEqualTo(LocalDate.of(2026, 4, 2));
    long days = WashSaleWindow.opens(SALE).datesUntil(WashSaleWindow.closes(SALE).plusDays(1))
        .filter(d -> WashSaleWindow.contains(SALE, d)).count();
    assertThat(days).isEqualTo(61);
  }

  @Test
  void a_purchase_30_days_away_washes_and_31_days_away_does_not() {
    assertThat(WashSaleWindow.contains(SALE, SALE.minusDays(30))).isTrue();
    assertThat(WashSaleWindow.contains(SALE, SALE.plusDays(30))).isTrue();
    assertThat(WashSaleWindow.contains(SALE, SALE.minusDays(31))).isFalse();
    assertThat(WashSaleWindow.contains(SALE, SALE.plusDays(31))).isFalse();
  }

  @Test
  void looking_back_covers_the_30_days_up_to_and_including_the_date() {
    assertThat(WashSaleWindow.looksBackTo(SALE, SALE)).isTrue();
    assertThat(WashSaleWindow.looksBackTo(SALE, SALE.minusDays(30))).isTrue();
    assertThat(WashSaleWindow.looksBackTo(SALE, SALE.minusDays(31))).isFalse();
    assertThat(WashSaleWindow.looksBackTo(SALE, SALE.plusDays(1))).isFalse();
  }

  @Test
  void the_window_has_closed_only_after_its_last_day() {
    assertThat(WashSaleWindow.hasClosedBefore(SALE, SALE.plusDays(30))).isFalse();
    assertThat(WashSaleWindow.hasClosedBefore(SALE, SALE.plusDays(31))).isTrue();
  }
}
