package dev.keel.broker.execute;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When a US equity trade settles: one business day after the trade date (T+1), the standard
 * settlement cycle of SEC Rule 15c6-1(a) as amended by Release No. 34-96930 (2023), in force since
 * May 28, 2024 (T+2 before).
 *
 * <p>Business days here are weekdays: Keel has no exchange holiday calendar, so a settlement that
 * falls on a market holiday is a day early. That errs toward placing a purchase a day early; the
 * broker then refuses it for buying power, the refusal is recorded with its reason, and nothing is
 * placed twice.
 */
public final class Settlement {

  /** The first trade date settled T+1. */
  public static final LocalDate T_PLUS_ONE_FROM = LocalDate.of(2024, 5, 28);

  private Settlement() {}

  /** The settlement date of a trade made on {@code tradeDate}. */
  public static LocalDate date(LocalDate tradeDate) {
    int days = tradeDate.isBefore(T_PLUS_ONE_FROM) ? 2 : 1;
    LocalDate d = tradeDate;
    while (days > 0) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days--;
      }
    }
    return d;
  }
}
