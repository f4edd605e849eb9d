package dev.keel.core.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Daily prices from a seeded geometric random walk, one path per fund family (the members of a
 * family track one index, so they move together at different price levels), correlated within an
 * asset class through a common daily shock.
 *
 * <p>Per calendar day, with {@code dt = 1/365}: {@code log-return = (μ − σ²/2)·dt + σ·√dt·(ρ·Z_class
 * + √(1−ρ²)·Z_family)} with {@code ρ = 0.92}, plus, for a class in a correction, an even share of
 * its drop over the last {@link #CORRECTION_DAYS} days. Prices are in dollars per share, rounded to
 * cents, never below $1.00.
 */
final class PricePaths {

  static final int CORRECTION_DAYS = 60;
  private static final double RHO = 0.92;
  private static final double DT = 1.0 / 365;

  private final LocalDate start;
  private final double[][] logPaths;

  /**
   * @param familyClass the class index of each family, whose daily shock it shares
   * @param drift annual drift per family
   * @param volatility annual volatility per family
   * @param correction per class, the fraction lost over the last {@link #CORRECTION_DAYS} days (0 for none)
   */
  PricePaths(Draw draw, LocalDate start, LocalDate end, int[] familyClass, double[] drift, double[] volatility,
      double[] correction) {
    this.start = start;
    int days = (int) ChronoUnit.DAYS.between(start, end);
    int classes = correction.length;
    double[][] classShock = new double[classes][days + 1];
    for (int c = 0; c < classes; c++) {
      for (int d = 1; d <= days; d++) {
        classShock[c][d] = draw.gaussian();
      }
    }
    double idiosyncratic = StrictMath.sqrt(1 - RHO * RHO);
    double sqrtDt = StrictMath.sqrt(DT);
    this.logPaths = new double[familyClass.length][];
    for (int f = 0; f < familyClass.length; f++) {
      int c = familyClass[f];
      double mean = (drift[f] - volatility[f] * volatility[f] / 2) * DT;
      double sigma = volatility[f] * sqrtDt;
      double slide = correction[c] > 0 ? StrictMath.log(1 - correction[c]) / CORRECTION_DAYS : 0;
      double[] path = new double[days + 1];
      for (int d = 1; d <= days; d++) {
        double step = mean + sigma * (RHO * classShock[c][d] + idiosyncratic * draw.gaussian());
        if (d > days - CORRECTION_DAYS) {
          step += slide;
        }
        path[d] = path[d - 1] + step;
      }
      logPaths[f] = path;
    }
  }

  /** The closing price of a fund of {@code family} whose price was {@code level} on the first day. */
  BigDecimal price(int family, double level, LocalDate date) {
    int day = (int) ChronoUnit.DAYS.between(start, date);
    double[] path = logPaths[family];
    if (day < 0 || day >= path.length) {
      throw new IllegalArgumentException("no price on " + date + ": the walk covers " + start + " to "
          + start.plusDays(path.length - 1L));
    }
    long cents = Math.round(level * StrictMath.exp(path[day]) * 100);
    return BigDecimal.valueOf(Math.max(100, cents), 2);
  }
}
