package dev.keel.core.tax.estimate;

import dev.keel.core.money.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The Schedule D (Form 1040) netting of a year's capital gains and losses with the carryforward
 * from earlier years, and the carryforward to the next year. Amounts are dollars; gains and losses
 * are signed (a loss is negative) except where a field says it is a positive number.
 *
 * <p>The rules, from the Schedule D instructions and IRC §1211(b), §1212(b):
 *
 * <ol>
 *   <li>Short-term net (line 7) = the year's net short-term result minus the short-term loss
 *       carried in (line 6); long-term net (line 15) likewise with line 14.
 *   <li>The two are combined (line 16). A combined gain is taxed; the part of it that is net
 *       long-term gain after short-term losses (the smaller of lines 15 and 16 when both are gains)
 *       is the <em>net capital gain</em> taxed at the 0% / 15% / 20% rates, and the rest is taxed
 *       as ordinary income.
 *   <li>A combined loss is deductible against other income up to the limit, $3,000 or $1,500
 *       married filing separately (line 21); the rest is carried to the next year.
 *   <li>The carryforward keeps its short-term or long-term character, per the Capital Loss
 *       Carryover Worksheet in the Schedule D instructions: the deduction uses short-term losses
 *       first, and a short-term gain in the year absorbs long-term losses (and the reverse). Only
 *       the part of the deduction that reduced taxable income below zero counts as used (worksheet
 *       lines 1 to 4): a deduction that brought no benefit is carried forward.
 * </ol>
 *
 * @param shortTermNet net short-term gain or loss after the carryforward in (line 7), signed
 * @param longTermNet net long-term gain or loss after the carryforward in (line 15), signed
 * @param combinedNet {@code shortTermNet + longTermNet} (line 16), signed
 * @param netCapitalGain the net capital gain taxed at preferential rates: net long-term gain in
 *     excess of net short-term loss; zero or more
 * @param capitalGainOrLoss the amount that enters adjusted gross income (Form 1040 line 7): the
 *     combined gain, or minus the deductible loss; signed
 * @param lossDeducted the net loss deducted against other income (line 21), a positive number at
 *     most the limit; zero when the combined result is a gain
 * @param shortTermCarryforwardOut short-term capital loss carried to the next year (Capital Loss
 *     Carryover Worksheet line 8), a positive number meaning a loss
 * @param longTermCarryforwardOut long-term capital loss carried to the next year (worksheet line
 *     13), a positive number meaning a loss
 */
public record ScheduleD(
    BigDecimal shortTermNet,
    BigDecimal longTermNet,
    BigDecimal combinedNet,
    BigDecimal netCapitalGain,
    BigDecimal capitalGainOrLoss,
    BigDecimal lossDeducted,
    BigDecimal shortTermCarryforwardOut,
    BigDecimal longTermCarryforwardOut) {

  public ScheduleD {
    Objects.requireNonNull(shortTermNet, "shortTermNet");
    Objects.requireNonNull(longTermNet, "longTermNet");
    Objects.requireNonNull(combinedNet, "combinedNet");
    Objects.requireNonNull(capitalGainOrLoss, "capitalGainOrLoss");
    requireNotNegative(netCapitalGain, "netCapitalGain");
    requireNotNegative(lossDeducted, "lossDeducted");
    requireNotNegative(shortTermCarryforwardOut, "shortTermCarryforwardOut");
    requireNotNegative(longTermCarryforwardOut, "longTermCarryforwardOut");
  }

  /**
   * Nets the year's results with the carryforward, unrounded.
   *
   * @param shortTermNet the year's net short-term gain or loss, signed, before the carryforward
   * @param longTermNet the year's net long-term gain or loss, signed, before the carryforward
   * @param shortTermCarryIn short-term loss carried in, a positive number
   * @param longTermCarryIn long-term loss carried in, a positive number
   * @param lossLimit the deduction limit, a positive number ($3,000 or $1,500)
   * @param taxableIncomeBeforeCapital adjusted gross income without any capital gain or loss, minus
   *     the deduction, signed (not floored at zero): what the Capital Loss Carryover Worksheet's
   *     line 1 would be without the capital loss
   */
  static ScheduleD compute(
      BigDecimal shortTermNet,
      BigDecimal longTermNet,
      BigDecimal shortTermCarryIn,
      BigDecimal longTermCarryIn,
      BigDecimal lossLimit,
      BigDecimal taxableIncomeBeforeCapital) {
    BigDecimal line7 = shortTermNet.subtract(shortTermCarryIn);
    BigDecimal line15 = longTermNet.subtract(longTermCarryIn);
    BigDecimal line16 = line7.add(line15);
    if (line16.signum() >= 0) {
      BigDecimal netCapitalGain =
          line15.signum() > 0 ? line15.min(line16) : BigDecimal.ZERO;
      return new ScheduleD(
          line7,
          line15,
          line16,
          netCapitalGain,
          line16,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO);
    }
    BigDecimal line21 = lossLimit.min(line16.negate());
    // Capital Loss Carryover Worksheet, lines 1 to 13.
    BigDecimal w1 = taxableIncomeBeforeCapital.subtract(line21);
    BigDecimal w2 = line21;
    BigDecimal w3 = positivePart(w1.add(w2));
    BigDecimal w4 = w2.min(w3);
    BigDecimal w5 = positivePart(line7.negate());
    BigDecimal w6 = positivePart(line15);
    BigDecimal w8 = positivePart(w5.subtract(w4.add(w6)));
    BigDecimal w13 = BigDecimal.ZERO;
    if (line15.signum() < 0) {
      BigDecimal w9 = line15.negate();
      BigDecimal w10 = positivePart(line7);
      BigDecimal w11 = positivePart(w4.subtract(w5));
      w13 = positivePart(w9.subtract(w10.add(w11)));
    }
    return new ScheduleD(
        line7, line15, line16, BigDecimal.ZERO, line21.negate(), line21, w8, w13);
  }

  /** A copy with every figure rounded to cents, half-up. */
  ScheduleD rounded() {
    return new ScheduleD(
        Decimals.cents(shortTermNet),
        Decimals.cents(longTermNet),
        Decimals.cents(combinedNet),
        Decimals.cents(netCapitalGain),
        Decimals.cents(capitalGainOrLoss),
        Decimals.cents(lossDeducted),
        Decimals.cents(shortTermCarryforwardOut),
        Decimals.cents(longTermCarryforwardOut));
  }

  private static BigDecimal positivePart(BigDecimal value) {
    return value.signum() > 0 ? value : BigDecimal.ZERO;
  }

  private static void requireNotNegative(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
