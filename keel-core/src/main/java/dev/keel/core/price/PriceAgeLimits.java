package dev.keel.core.price;

/**
 * How old a price may be, in days before the as-of date (policy.yaml {@code prices}).
 *
 * @param warnAfterDays a price older than this is reported as a warning by every command
 * @param refuseAfterDays a price older than this stops {@code rebalance} and {@code harvest} from
 *     proposing trades, unless the user says to go ahead ({@code --allow-stale-prices})
 */
public record PriceAgeLimits(int warnAfterDays, int refuseAfterDays) {

  /** Five days covers a long weekend; thirty days is a month without prices. */
  public static final PriceAgeLimits DEFAULTS = new PriceAgeLimits(5, 30);

  public PriceAgeLimits {
    if (warnAfterDays < 0) {
      throw new IllegalArgumentException("warnAfterDays must not be negative: " + warnAfterDays);
    }
    if (refuseAfterDays < warnAfterDays) {
      throw new IllegalArgumentException("refuseAfterDays (" + refuseAfterDays + ") must not be less than warnAfterDays ("
          + warnAfterDays + ")");
    }
  }
}
