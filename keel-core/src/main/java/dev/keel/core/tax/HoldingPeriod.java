package dev.keel.core.tax;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The holding-period rule of IRS Publication 550 ("Holding Period"): the period starts the day
 * after acquisition and a gain is long-term when the asset was held more than one year. So a lot
 * bought 2024-02-05 is long-term when sold on 2025-02-06 and short-term on 2025-02-05.
 *
 * <p>Months are calendar months (Rev. Rul. 66-7): for an asset acquired on the last day of a month
 * each holding month ends on the last day of a later month, so it is long-term from the first day
 * of the thirteenth month after its acquisition. A lot bought on the leap day 2024-02-29 is
 * long-term from 2025-03-01; one bought on 2023-02-28 is still short-term on 2024-02-29 and
 * long-term from 2024-03-01. Otherwise a sale on the anniversary of the acquisition is short-term
 * and one on the day after is long-term.
 *
 * <p>Inherited property is long-term however briefly held (IRC §1223(9)).
 */
public final class HoldingPeriod {

  private HoldingPeriod() {}

  /** Term of a sale on {@code sold} of a lot whose holding period began {@code holdingSince}. */
  public static Term term(LocalDate holdingSince, boolean inherited, LocalDate sold) {
    if (inherited) {
      return Term.LONG;
    }
    return sold.isBefore(longTermFrom(holdingSince)) ? Term.SHORT : Term.LONG;
  }

  /** The first sale date on which the lot is long-term. */
  public static LocalDate longTermFrom(LocalDate holdingSince) {
    if (holdingSince.getDayOfMonth() == holdingSince.lengthOfMonth()) {
      // Acquired on the last day of a month: the year ends on the last day of the same month a
      // year later, whatever its length (28 or 29 February).
      return holdingSince.plusDays(1).plusYears(1);
    }
    return holdingSince.plusYears(1).plusDays(1);
  }

  /** Days from the start of the holding period to the sale, as used to tack a holding period. */
  public static long daysHeld(LocalDate holdingSince, LocalDate sold) {
    return ChronoUnit.DAYS.between(holdingSince, sold);
  }
}
