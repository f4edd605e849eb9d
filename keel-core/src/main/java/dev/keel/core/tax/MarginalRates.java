package dev.keel.core.tax;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Combined marginal rates (federal + state + net investment income tax) applied to the next dollar
 * of short-term and long-term capital gain. Rates are fractions: 0.35 means 35%.
 */
public record MarginalRates(BigDecimal shortTerm, BigDecimal longTerm) {

  public MarginalRates {
    Objects.requireNonNull(shortTerm, "shortTerm");
    Objects.requireNonNull(longTerm, "longTerm");
    if (shortTerm.signum() < 0 || shortTerm.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("shortTerm rate must be between 0 and 1: " + shortTerm);
    }
    if (longTerm.signum() < 0 || longTerm.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("longTerm rate must be between 0 and 1: " + longTerm);
    }
  }

  public static MarginalRates of(String shortTerm, String longTerm) {
    return new MarginalRates(new BigDecimal(shortTerm), new BigDecimal(longTerm));
  }

  /** The rate for a gain of the given term. */
  public BigDecimal rate(Term term) {
    return term == Term.SHORT ? shortTerm : longTerm;
  }
}
