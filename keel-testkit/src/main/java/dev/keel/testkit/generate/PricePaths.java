package dev.keel.testkit.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Prices from a seeded geometric random walk with weekly steps, one path per fund family (the
 * members of a family track one index, so they move together at different price levels),
 * correlated within an asset class through a common weekly shock. A day between two weekly closes
 * is priced by geometric interpolation.
 *
 * <p>Per week, with {@code dt = 7/365}: {@code log-return = (μ − σ²/2)·dt + σ·√dt·(ρ·Z_class +
 * √(1−ρ²)·Z_family)} with {@code ρ = 0.92}, plus, for a class in a correction, an even share of
 * its drop over the last {@link #CORRECTION_DAYS} days. Prices are in dollars per share, rounded to
 * cents, never below $1.00.
 */
final class PricePaths {

  static final int CORRECTION_DAYS = 60;
  private static final int STEP_DAYS = 7;
  private static final double RHO = 0.92;
  private static final double DT = STEP_DAYS / 365.0;

  private final LocalDate start;
  private final int days;
  private final double[][] logPaths;

  /**
   * @param familyClass the class index of each family, whose weekly shock it shares
   * @param drift annual drift per family
   * @param volatility annual volatility per family
   * @param correction per class, the fraction lost over the last {@link #CORRECTION_DAYS} days (0 for none)
   */
  PricePaths(Draw draw, LocalDate start, LocalDate end, int[] familyClass, double[] drift, double[] volatility,
      double[] correction) {
    this.start = start;
    this.days = (int) ChronoUnit.DAYS.between(start, end);
    int steps = (days + STEP_DAYS - 1) / STEP_DAYS;
    int classes = correction.length;
    double[][] classShock = new double[classes][steps + 1];
    for (int c = 0; c < classes; c++) {
      for (int k = 1; k <= steps; k++) {
        classShock[c][k] = draw.gaussian();
      }
    }
    double idiosyncratic = StrictMath.sqrt(1 - RHO * RHO);
    double sqrtDt = StrictMath.sqrt(DT);
    this.logPaths = new double[familyClass.length][];
    for (int f = 0; f < familyClass.length; f++) {
      int c = familyClass[f];
      double mean = (drift[f] - volatility[f] * volatility[f] / 2) * DT;
      double sigma = volatility[f] * sqrtDt;
      double slide = correction[c] > 0 ? StrictMath.log(1 - correction[c]) * STEP_DAYS / CORRECTION_DAYS : 0;
      double[] path = new double[steps + 1];
      for (int k = 1; k <= steps; k++) {
        double step = mean + sigma * (RHO * classShock[c][k] + idiosyncratic * draw.gaussian());
        if (k * STEP_DAYS > days - CORRECTION_DAYS) {
          step += slide;
        }
        path[k] = path[k - 1] + step;
      }
      logPaths[f] = path;
    }
  }

  /** The closing price of a fund of {@code family} whose price was {@code level} on the first day. */
  BigDecimal price(int family, double level, LocalDate date) {
    long cents = Math.round(level * StrictMath.exp(logPrice(family, date)) * 100);
    return BigDecimal.valueOf(Math.max(100, cents), 2);
  }

  /** How many times its value a holding of {@code family} grew from {@code from} to {@code to}. */
  double growth(int family, LocalDate from, LocalDate to) {
    return StrictMath.exp(logPrice(family, to) - logPrice(family, from));
  }

  private double logPrice(int family, LocalDate date) {
    long day = ChronoUnit.DAYS.between(start, date);
    if (day < 0 || day > days) {
      throw new IllegalArgumentException("no price on " + date + ": the walk covers " + start + " to " + start.plusDays(days));
    }
    double[] path = logPaths[family];
    int k = (int) (day / STEP_DAYS);
    int within = (int) (day % STEP_DAYS);
    return within == 0 ? path[k] : path[k] + (path[k + 1] - path[k]) * within / STEP_DAYS;
  }
}
