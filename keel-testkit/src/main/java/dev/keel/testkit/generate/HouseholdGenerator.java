package dev.keel.testkit.generate;

import dev.keel.core.portfolio.HouseholdData;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Makes realistic households from a seed, for property tests, benchmarks and demonstrations.
 * Stateless: the same seed, settings and as-of date always give an equal household (compare it
 * field by field: {@link dev.keel.core.price.PriceTable} and {@link
 * dev.keel.core.security.SecurityMaster} do not define {@code equals}).
 *
 * <p>What a household holds:
 *
 * <ul>
 *   <li>Accounts ({@link GeneratorSettings#accounts()}): a taxable account (joint for a couple),
 *       then a 401(k), a Roth IRA and an HSA in random order, then a spouse's taxable account and
 *       further IRAs; from five accounts on, the last is in about a third of households held away
 *       (not tradable): vested company stock, or a former employer's 401(k). Taxable accounts use
 *       min_tax, fifo, hifo or specific relief; some keep a cash reserve.
 *   <li>Securities: real fund tickers, grouped in asset classes (us_stocks, intl_stocks, bonds,
 *       then reits, small_cap, emerging or tips). Funds on one index (VTI and VTSAX; VOO, IVV and
 *       FXAIX) share an {@code identical_group} when more than one is listed. Each fund lists up
 *       to three substitutes: the other, not identical, funds of its class. Company stock is
 *       restricted.
 *   <li>Policy: targets summing to exactly 1 with two to four decimals (the last class takes the
 *       remainder), the 5/25 band, sometimes an override for the smallest class, a quarterly
 *       cadence whose last check was three months to four and a half months ago, so a check is
 *       due on the as-of date.
 *   <li>Prices: a geometric random walk with weekly steps per fund family over {@link
 *       GeneratorSettings#historyYears()} years (see {@link PricePaths}), with a correction in
 *       about half the equity classes over the last 60 days, so that recent lots show losses. The
 *       price table holds each security's price on the as-of date.
 *   <li>Opening lots ({@link GeneratorSettings#lots()}), all acquired on weekdays before the
 *       transaction window: basis = quantity × that day's price, to the cent; 12% turn long-term
 *       within 30 days of the as-of date, 18% more are short-term, the rest spread over the
 *       history; a quarter have fractional quantities; 3% of taxable lots are inherited. Each
 *       purchase is drawn so that, at today's prices, classes are held roughly in proportion to
 *       their targets (some households drift out of their bands, some do not); bonds lean towards
 *       IRAs, REITs away from taxable accounts. Lot ids are {@code account/SYMBOL/n}.
 *   <li>Transactions ({@link GeneratorSettings#transactions()}), on weekdays in the 45 days up
 *       to the as-of date, so inside wash-sale windows: loss sales of named lots in taxable
 *       accounts (tax-loss harvesting), other sales, buys (often a substitute for a loss just sold,
 *       or the same fund in another account, which washes it), dividends reinvested in IRAs, Roths
 *       and HSAs, cash dividends, interest and deposits. The ledger books every row: sales never
 *       exceed the shares held, buys never spend cash the account does not have.
 * </ul>
 */
public final class HouseholdGenerator {

  public static final HouseholdGenerator DEFAULT = new HouseholdGenerator();

  /**
   * A household as of {@code asOf}: prices are those of that date and every transaction is dated
   * on or before it.
   */
  public HouseholdData generate(long seed, GeneratorSettings settings, LocalDate asOf) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(asOf, "asOf");
    return new Generation(seed, settings, asOf).run();
  }

  /** A {@linkplain GeneratorSettings#typical() typical} household. */
  public HouseholdData generate(long seed, LocalDate asOf) {
    return generate(seed, GeneratorSettings.typical(), asOf);
  }
}
