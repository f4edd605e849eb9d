package dev.keel.core.tax;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The holding-period rule of IRS Publication 550 ("Holding Period"): the period starts the day
 * after acquisition and a gain is long-term when the asset was held more than one year. So a lot
 * bought 2024-02-05 is long-term when sold on 2025-02-06 and short-term on 2025-02-05. A lot
 * bought on a leap day reaches its anniversary on 28 February and is long-term from 1 March.
 * Inherited property is long-term however briefly held (IRC §1223(9)).
 */
public final class HoldingPeriod {

  private HoldingPeriod() {}

  /** Term of a sale on {@code sold} of a lot whose holding period began {@code holdingSince}. */
  public static Term term(LocalDate holdingSince, boolean inherited, LocalDate sold) {
    if (inherited) {
      return Term.LONG;
    }
    return sold.isAfter(holdingSince.plusYears(1)) ? Term.LONG : Term.SHORT;
  }

  /** The first sale date on which the lot is long-term. */
  public static LocalDate longTermFrom(LocalDate holdingSince) {
    return holdingSince.plusYears(1).plusDays(1);
  }

  /** Days from the start of the holding period to the sale, as used to tack a holding period. */
  public static long daysHeld(LocalDate holdingSince, LocalDate sold) {
    return ChronoUnit.DAYS.between(holdingSince, sold);
  }
}
