package dev.keel.core.policy;

import dev.keel.core.money.Decimals;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A drift band: a class is breached when its weight strays from target by more than the
 * tolerance, {@code min(absolute, relative × target)} — the classic "5/25" rule when both are
 * given, whichever one is given otherwise. Both are fractions (0.05 = 5 percentage points).
 */
public record Band(Optional<BigDecimal> absolute, Optional<BigDecimal> relative) {

  public Band {
    if (absolute.isEmpty() && relative.isEmpty()) {
      throw new IllegalArgumentException("a band needs an absolute or a relative tolerance");
    }
    absolute.ifPresent(a -> requireFraction("absolute", a));
    relative.ifPresent(r -> requireFraction("relative", r));
  }

  public static Band of(String absolute, String relative) {
    return new Band(
        Optional.ofNullable(absolute).map(BigDecimal::new), Optional.ofNullable(relative).map(BigDecimal::new));
  }

  public static Band absolute(String absolute) {
    return of(absolute, null);
  }

  /**
   * This band with the keys {@code override} gives replaced and the others kept: an override of
   * {@code relative} alone keeps this band's {@code absolute}, and the other way round.
   */
  public Band overriddenBy(Band override) {
    return new Band(override.absolute.or(() -> absolute), override.relative.or(() -> relative));
  }

  /** The allowed distance from target, as a fraction of the whole household. */
  public BigDecimal tolerance(BigDecimal target) {
    BigDecimal rel = relative.map(r -> r.multiply(target, Decimals.RATIO)).orElse(null);
    if (absolute.isPresent() && rel != null) {
      return absolute.get().min(rel);
    }
    return absolute.orElse(rel);
  }

  private static void requireFraction(String name, BigDecimal value) {
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(name + " tolerance must be between 0 and 1: " + value);
    }
  }
}
