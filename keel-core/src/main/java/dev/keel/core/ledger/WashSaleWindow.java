package dev.keel.core.ledger;

import java.time.LocalDate;

/**
 * The wash-sale window: the 30 days before and the 30 days after a sale, both ends included (IRC
 * §1091(a): "within a period beginning 30 days before the date of such sale or disposition and
 * ending 30 days after such date"; IRS Publication 550, Wash Sales). A purchase of substantially
 * identical shares inside it washes a loss sale. Every date rule about wash sales in Keel (the
 * ledger's matching, the look-ahead of the rebalancer and harvester, the lots report's calendar)
 * asks this class, so the window is defined once.
 */
public final class WashSaleWindow {

  /** Days on each side of a sale. */
  public static final int DAYS = 30;

  private WashSaleWindow() {}

  /** The first day of the window around {@code date}: 30 days before it. */
  public static LocalDate opens(LocalDate date) {
    return date.minusDays(DAYS);
  }

  /** The last day of the window around {@code date}: 30 days after it. */
  public static LocalDate closes(LocalDate date) {
    return date.plusDays(DAYS);
  }

  /** The first day outside the window after {@code date}: a trade then no longer washes. */
  public static LocalDate firstDayAfter(LocalDate date) {
    return closes(date).plusDays(1);
  }

  /** Whether a purchase on {@code purchaseDate} falls in the window of a sale on {@code saleDate}, either side. */
  public static boolean contains(LocalDate saleDate, LocalDate purchaseDate) {
    return !purchaseDate.isBefore(opens(saleDate)) && !purchaseDate.isAfter(closes(saleDate));
  }

  /**
   * Whether {@code earlier} falls in the 30 days up to and including {@code date}: a purchase that
   * a sale on {@code date} looks back to, or a loss sale that a purchase on {@code date} washes.
   */
  public static boolean looksBackTo(LocalDate date, LocalDate earlier) {
    return !earlier.isBefore(opens(date)) && !earlier.isAfter(date);
  }

  /** Whether the window of a sale on {@code saleDate} has closed before {@code date}. */
  public static boolean hasClosedBefore(LocalDate saleDate, LocalDate date) {
    return closes(saleDate).isBefore(date);
  }
}
