package dev.keel.testkit.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random draws. Only {@link SplittableRandom} (whose sequence is fixed by its seed) and
 * {@link StrictMath} (bit-for-bit the same on every JVM and in interpreted and compiled code) are
 * used, so a seed gives the same household every time.
 */
final class Draw {

  private final SplittableRandom random;
  private double spareGaussian;
  private boolean hasSpareGaussian;

  Draw(SplittableRandom random) {
    this.random = random;
  }

  /** An independent stream for one part of the household, so that parts do not shift one another. */
  Draw split() {
    return new Draw(random.split());
  }

  double uniform() {
    return random.nextDouble();
  }

  double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  /** An integer in {@code [from, to]}, both inclusive. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** Uniform on a log scale: as likely to be in [1k, 2k] as in [10k, 20k]. */
  double logUniform(double from, double to) {
    return from * StrictMath.exp(random.nextDouble() * StrictMath.log(to / from));
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0 && weights[i] > 0) {
        return i;
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("no positive weight");
  }

  <T> List<T> shuffled(List<T> items) {
    List<T> out = new ArrayList<>(items);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T tmp = out.get(i);
      out.set(i, out.get(j));
      out.set(j, tmp);
    }
    return out;
  }

  /** A standard normal draw (Marsaglia's polar method, with {@link StrictMath}; draws come in pairs). */
  double gaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * scale;
    hasSpareGaussian = true;
    return u * scale;
  }

  /**
   * A weekday in {@code [from, to]} (markets trade on weekdays), uniform over the weekdays of the
   * range. The range must hold at least one weekday.
   */
  LocalDate weekday(LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to);
    for (int attempt = 0; attempt < 64; attempt++) {
      LocalDate date = from.plusDays(random.nextLong(days + 1));
      if (isWeekday(date)) {
        return date;
      }
    }
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      if (isWeekday(date)) {
        return date;
      }
    }
    throw new IllegalArgumentException("no weekday between " + from + " and " + to);
  }

  static boolean isWeekday(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }
}
