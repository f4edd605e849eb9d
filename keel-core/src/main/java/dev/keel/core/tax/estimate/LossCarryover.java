package dev.keel.core.tax.estimate;

import dev.keel.core.tax.TaxSettings;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The capital loss carried into a tax year, year after year (IRC §1212(b); Schedule D
 * instructions, Capital Loss Carryover Worksheet): each year's short- and long-term results are
 * netted with the carry into it, up to $3,000 ($1,500 married filing separately) of the net loss
 * is deducted, and the rest goes into the next year keeping its character ({@link ScheduleD}).
 *
 * <p>The household says what enters one year ({@code tax.carryforward.into}); that figure stands
 * for that year whatever the ledger shows before it, because it is the number on the household's
 * own return. Every later year's carry is computed here from the ledger. Years before it start
 * from nothing carried in: what came before Keel's history is unknown.
 *
 * <p>Settings with a carryforward but no year (built in code for a single year; household.yaml always
 * states it) mean the carry into whichever year is priced.
 *
 * <p>With the household's income, each year is netted by the estimator with that year's table,
 * so a loss deduction that brought no tax benefit (taxable income below zero, worksheet lines 1 to
 * 4) is carried forward. Without income, the deduction is assumed used in full.
 *
 * <p>Rounding: each year's carry out is rounded to cents, half-up, as a return rounds it.
 */
public final class LossCarryover {

  private LossCarryover() {}

  /**
   * The loss carried into a year.
   *
   * @param year the tax year it enters
   * @param shortTerm short-term capital loss carried in, a positive number (Schedule D line 6)
   * @param longTerm long-term capital loss carried in, a positive number (Schedule D line 14)
   * @param fromHousehold true when it is the figure household.yaml states for that year; false when
   *     computed from the ledger
   */
  public record Carry(int year, BigDecimal shortTerm, BigDecimal longTerm, boolean fromHousehold) {

    public Carry {
      Objects.requireNonNull(shortTerm, "shortTerm");
      Objects.requireNonNull(longTerm, "longTerm");
    }

    public boolean isZero() {
      return shortTerm.signum() == 0 && longTerm.signum() == 0;
    }
  }

  /**
   * The carry into {@code year}.
   *
   * @param tax the household's settings, with the configured carryforward and the year it enters
   * @param firstYear the first year of the ledger's history (a sale or income), empty when none
   * @param resultsOf each year's investment results in taxable accounts
   * @param estimator the estimator whose tables net each year (with income given)
   */
  public static Carry into(int year, TaxSettings tax, OptionalInt firstYear, IntFunction<CapitalGainsInput> resultsOf,
      TaxEstimator estimator) {
    Objects.requireNonNull(tax, "tax");
    Objects.requireNonNull(resultsOf, "resultsOf");
    Objects.requireNonNull(estimator, "estimator");
    OptionalInt configured = tax.carryforwardInto().isPresent()
        ? OptionalInt.of(tax.carryforwardInto().get()) : OptionalInt.empty();
    Carry none = new Carry(year, BigDecimal.ZERO, BigDecimal.ZERO, false);
    if (configured.isEmpty() && tax.hasCarryforward()) {
      // Settings built in code for one year state no year: the carry is the one into the year priced.
      return new Carry(year, tax.shortTermCarryforward(), tax.longTermCarryforward(), true);
    }
    if (configured.isPresent() && configured.getAsInt() == year) {
      return new Carry(year, tax.shortTermCarryforward(), tax.longTermCarryforward(), true);
    }
    int start;
    Carry carry;
    if (configured.isPresent() && configured.getAsInt() < year) {
      start = configured.getAsInt();
      carry = new Carry(start, tax.shortTermCarryforward(), tax.longTermCarryforward(), true);
    } else if (firstYear.isPresent() && firstYear.getAsInt() < year) {
      start = firstYear.getAsInt();
      carry = new Carry(start, BigDecimal.ZERO, BigDecimal.ZERO, false);
    } else {
      return none;
    }
    for (int y = start; y < year; y++) {
      if (configured.isPresent() && configured.getAsInt() == y) {
        carry = new Carry(y, tax.shortTermCarryforward(), tax.longTermCarryforward(), true);
      }
      ScheduleD d = netted(y, tax, carry, resultsOf.apply(y), estimator);
      carry = new Carry(y + 1, d.shortTermCarryforwardOut(), d.longTermCarryforwardOut(), false);
    }
    return carry;
  }

  /** Year {@code y}'s Schedule D with {@code carry} coming in, rounded to cents. */
  private static ScheduleD netted(int y, TaxSettings tax, Carry carry, CapitalGainsInput results, TaxEstimator estimator) {
    TaxSettings withCarry = tax.withCarryforward(y, carry.shortTerm(), carry.longTerm());
    if (tax.ordinaryIncome().isPresent()) {
      TaxProfile profile = TaxProfiles.from(withCarry, y, estimator.tables());
      return estimator.estimate(profile, results).scheduleD();
    }
    BigDecimal limit = estimator.tables().get(TaxProfiles.tableYear(y, estimator.tables()))
        .forStatus(tax.filingStatus()).capitalLossLimit();
    // No income known: assume taxable income absorbs the whole deduction (worksheet line 1 ≥ 0).
    return ScheduleD.compute(results.shortTermNet(), results.longTermNet(), carry.shortTerm(), carry.longTerm(), limit,
        limit).rounded();
  }
}
