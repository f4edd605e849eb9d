package dev.keel.core.tax.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A progressive rate schedule as the revenue procedures print it: each rate applies to the part of
 * an amount <em>over</em> its bracket's lower bound and not over the next bracket's lower bound
 * ("Over $11,925 but not over $48,475 ... 12% of the excess over $11,925").
 *
 * <p>Amounts are dollars, rates are fractions (0.22 means 22%). Nothing here rounds: {@link
 * #taxOn(BigDecimal)} returns the exact product, and the caller rounds the final figure.
 *
 * <p>Build one with {@link #of(String)} and {@link #over(String, String)}:
 *
 * <pre>{@code
 * RateSchedule.of("0.10").over("11925", "0.12").over("48475", "0.22")
 * }</pre>
 *
 * @param brackets the brackets in increasing order of lower bound; the first starts at zero and
 *     rates never decrease from one bracket to the next
 */
public record RateSchedule(List<Bracket> brackets) {

  /**
   * One bracket of a {@link RateSchedule}.
   *
   * @param over the lower bound in dollars: the rate applies to the part of an amount above it
   * @param rate the rate as a fraction, between 0 and 1
   */
  public record Bracket(BigDecimal over, BigDecimal rate) {

    public Bracket {
      Objects.requireNonNull(over, "over");
      Objects.requireNonNull(rate, "rate");
      if (over.signum() < 0) {
        throw new IllegalArgumentException("bracket lower bound must not be negative: " + over);
      }
      if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("bracket rate must be between 0 and 1: " + rate);
      }
    }
  }

  public RateSchedule {
    Objects.requireNonNull(brackets, "brackets");
    brackets = List.copyOf(brackets);
    if (brackets.isEmpty()) {
      throw new IllegalArgumentException("brackets must not be empty");
    }
    if (brackets.get(0).over().signum() != 0) {
      throw new IllegalArgumentException(
          "the first bracket must start at 0, not " + brackets.get(0).over());
    }
    for (int i = 1; i < brackets.size(); i++) {
      Bracket previous = brackets.get(i - 1);
      Bracket current = brackets.get(i);
      if (current.over().compareTo(previous.over()) <= 0) {
        throw new IllegalArgumentException(
            "bracket lower bounds must increase: " + current.over() + " after " + previous.over());
      }
      if (current.rate().compareTo(previous.rate()) < 0) {
        throw new IllegalArgumentException(
            "rates must not decrease: " + current.rate() + " over " + current.over()
                + " after " + previous.rate());
      }
    }
  }

  /** A schedule of one bracket, starting at zero, at {@code rate} (a fraction). */
  public static RateSchedule of(BigDecimal rate) {
    return new RateSchedule(List.of(new Bracket(BigDecimal.ZERO, rate)));
  }

  /** A schedule of one bracket, starting at zero, at {@code rate} (a fraction, e.g. "0.10"). */
  public static RateSchedule of(String rate) {
    return of(new BigDecimal(rate));
  }

  /** A copy with one more bracket: {@code rate} on the part of an amount over {@code threshold}. */
  public RateSchedule over(BigDecimal threshold, BigDecimal rate) {
    List<Bracket> more = new ArrayList<>(brackets);
    more.add(new Bracket(threshold, rate));
    return new RateSchedule(more);
  }

  /** As {@link #over(BigDecimal, BigDecimal)}, from decimal strings ("11925", "0.12"). */
  public RateSchedule over(String threshold, String rate) {
    return over(new BigDecimal(threshold), new BigDecimal(rate));
  }

  /**
   * The tax on {@code amount} dollars under this schedule, unrounded. Zero for zero or a negative
   * amount.
   */
  public BigDecimal taxOn(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    BigDecimal tax = BigDecimal.ZERO;
    for (int i = 0; i < brackets.size(); i++) {
      Bracket bracket = brackets.get(i);
      if (amount.compareTo(bracket.over()) <= 0) {
        break;
      }
      BigDecimal top =
          i + 1 < brackets.size() ? amount.min(brackets.get(i + 1).over()) : amount;
      tax = tax.add(top.subtract(bracket.over()).multiply(bracket.rate()));
    }
    return tax;
  }

  /**
   * The tax on a slice of {@code slice} dollars stacked on top of {@code base} dollars, unrounded:
   * {@code taxOn(base + slice) - taxOn(base)}. This is how the Qualified Dividends and Capital Gain
   * Tax Worksheet taxes preferential income, which sits above ordinary income.
   */
  public BigDecimal taxOnSlice(BigDecimal base, BigDecimal slice) {
    return taxOn(base.add(slice)).subtract(taxOn(base));
  }

  /**
   * The rate on the next dollar above {@code amount}: the rate of the bracket whose lower bound is
   * the largest one not above {@code amount}. At a threshold exactly, that is the higher bracket's
   * rate, because the next dollar is over the threshold.
   */
  public BigDecimal rateAbove(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    BigDecimal rate = brackets.get(0).rate();
    for (Bracket bracket : brackets) {
      if (bracket.over().compareTo(amount) <= 0) {
        rate = bracket.rate();
      }
    }
    return rate;
  }
}
