package dev.keel.core.policy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a breached class is brought back: to its target, to its band's edge, halfway between
 * the two, or to within a fixed tolerance of the target (e.g. 0.0175: within 175 bps, as
 * Vanguard's target-date funds do after a 200 bps trigger).
 */
public record RebalanceTo(Kind kind, Optional<BigDecimal> tolerance) {

  public enum Kind { TARGET, BAND_EDGE, MIDPOINT, TOLERANCE }

  public static final RebalanceTo TARGET = new RebalanceTo(Kind.TARGET, Optional.empty());
  public static final RebalanceTo BAND_EDGE = new RebalanceTo(Kind.BAND_EDGE, Optional.empty());
  public static final RebalanceTo MIDPOINT = new RebalanceTo(Kind.MIDPOINT, Optional.empty());

  public RebalanceTo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tolerance, "tolerance");
    if ((kind == Kind.TOLERANCE) != tolerance.isPresent()) {
      throw new IllegalArgumentException("a tolerance goes with kind TOLERANCE only");
    }
    tolerance.ifPresent(t -> {
      if (t.signum() < 0 || t.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("tolerance must be between 0 and 1: " + t);
      }
    });
  }

  public static RebalanceTo tolerance(BigDecimal value) {
    return new RebalanceTo(Kind.TOLERANCE, Optional.of(value));
  }

  /**
   * How far from target a breached class may be left, as a fraction of the household, given the
   * class's band tolerance.
   */
  public BigDecimal allowedDistance(BigDecimal bandTolerance) {
    return switch (kind) {
      case TARGET -> BigDecimal.ZERO;
      case BAND_EDGE -> bandTolerance;
      case MIDPOINT -> bandTolerance.divide(BigDecimal.valueOf(2));
      case TOLERANCE -> tolerance.get().min(bandTolerance);
    };
  }

  public String code() {
    return kind == Kind.TOLERANCE ? tolerance.get().toPlainString() : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
