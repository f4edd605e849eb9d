package dev.keel.core.tax.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link ScheduleD}: netting per the Schedule D (Form 1040) instructions (lines 7, 15, 16,
 * 21), the $3,000 / $1,500 limit of IRC §1211(b), and the carryforward with its character per the
 * Capital Loss Carryover Worksheet in the Schedule D instructions (IRC §1212(b)).
 */
class ScheduleDTest {

  private static final BigDecimal LIMIT = d("3000");
  private static final BigDecimal LIMIT_SEPARATE = d("1500");
  /** Plenty of taxable income, so the whole deduction counts as used (worksheet line 4 = line 2). */
  private static final BigDecimal AMPLE = d("100000");

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static ScheduleD net(String shortTerm, String longTerm) {
    return ScheduleD.compute(d(shortTerm), d(longTerm), d("0"), d("0"), LIMIT, AMPLE);
  }

  @Test
  void test_compute_bothGains_netCapitalGainIsTheLongTermGain() {
    // line 7 = 2,000; line 15 = 10,000; line 16 = 12,000; net capital gain = min(10,000, 12,000)
    ScheduleD d = net("2000", "10000");

    assertThat(d.combinedNet()).isEqualByComparingTo("12000");
    assertThat(d.netCapitalGain()).isEqualByComparingTo("10000");
    assertThat(d.capitalGainOrLoss()).isEqualByComparingTo("12000");
    assertThat(d.lossDeducted()).isEqualByComparingTo("0");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("0");
    assertThat(d.longTermCarryforwardOut()).isEqualByComparingTo("0");
  }

  @Test
  void test_compute_shortTermLossAgainstLongTermGain_reducesNetCapitalGain() {
    // line 7 = −10,000; line 15 = 25,000; line 16 = 15,000; net capital gain = min(25,000, 15,000)
    ScheduleD d = net("-10000", "25000");

    assertThat(d.combinedNet()).isEqualByComparingTo("15000");
    assertThat(d.netCapitalGain()).isEqualByComparingTo("15000");
    assertThat(d.capitalGainOrLoss()).isEqualByComparingTo("15000");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("0");
  }

  @Test
  void test_compute_longTermLossAgainstShortTermGain_leavesOnlyOrdinaryGain() {
    // line 7 = 8,000; line 15 = −3,000; line 16 = 5,000 of gain, all of it short-term in
    // character: no net capital gain (line 15 is a loss), taxed as ordinary income
    ScheduleD d = net("8000", "-3000");

    assertThat(d.combinedNet()).isEqualByComparingTo("5000");
    assertThat(d.netCapitalGain()).isEqualByComparingTo("0");
    assertThat(d.capitalGainOrLoss()).isEqualByComparingTo("5000");
  }

  @Test
  void test_compute_shortAndLongLosses_deductsShortTermFirst() {
    // The brief's example. line 16 = −5,000 + −4,000 = −9,000; line 21 = 3,000.
    // Worksheet: line 4 = 3,000; line 5 = 5,000; line 6 = 0; line 7 = 3,000;
    //   line 8 (short-term carryover) = 5,000 − 3,000 = 2,000.
    //   line 9 = 4,000; line 10 = 0; line 11 = max(0, 3,000 − 5,000) = 0;
    //   line 13 (long-term carryover) = 4,000 − 0 = 4,000.
    ScheduleD d = net("-5000", "-4000");

    assertThat(d.combinedNet()).isEqualByComparingTo("-9000");
    assertThat(d.lossDeducted()).isEqualByComparingTo("3000");
    assertThat(d.capitalGainOrLoss()).isEqualByComparingTo("-3000");
    assertThat(d.netCapitalGain()).isEqualByComparingTo("0");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("2000");
    assertThat(d.longTermCarryforwardOut()).isEqualByComparingTo("4000");
  }

  @Test
  void test_compute_shortLossSmallerThanLimit_restOfDeductionComesFromLongTerm() {
    // line 16 = −2,000 + −4,000 = −6,000; line 21 = 3,000.
    // line 8 = max(0, 2,000 − 3,000) = 0; line 11 = 3,000 − 2,000 = 1,000;
    // line 13 = 4,000 − 1,000 = 3,000
    ScheduleD d = net("-2000", "-4000");

    assertThat(d.lossDeducted()).isEqualByComparingTo("3000");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("0");
    assertThat(d.longTermCarryforwardOut()).isEqualByComparingTo("3000");
  }

  @Test
  void test_compute_shortTermGainAbsorbsLongTermLoss_beforeTheDeduction() {
    // Mixed signs: line 7 = 2,000; line 15 = −7,000; line 16 = −5,000; line 21 = 3,000.
    // line 5 = 0 (line 7 is a gain) → line 8 = 0.
    // line 9 = 7,000; line 10 = 2,000; line 11 = 3,000 − 0 = 3,000; line 12 = 5,000;
    // line 13 = 7,000 − 5,000 = 2,000
    ScheduleD d = net("2000", "-7000");

    assertThat(d.combinedNet()).isEqualByComparingTo("-5000");
    assertThat(d.lossDeducted()).isEqualByComparingTo("3000");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("0");
    assertThat(d.longTermCarryforwardOut()).isEqualByComparingTo("2000");
  }

  @Test
  void test_compute_longTermGainAbsorbsShortTermLoss_beforeTheDeduction() {
    // Mixed signs: line 7 = −9,000; line 15 = 1,000; line 16 = −8,000; line 21 = 3,000.
    // line 5 = 9,000; line 6 = 1,000; line 7 = 3,000 + 1,000 = 4,000; line 8 = 5,000.
    // line 15 is a gain → no long-term carryover
    ScheduleD d = net("-9000", "1000");

    assertThat(d.lossDeducted()).isEqualByComparingTo("3000");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("5000");
    assertThat(d.longTermCarryforwardOut()).isEqualByComparingTo("0");
  }

  @Test
  void test_compute_marriedFilingSeparately_limitIs1500() {
    // IRC §1211(b)(1): $1,500 for a married individual filing a separate return.
    // line 16 = −5,000 + −4,000 = −9,000; line 21 = 1,500;
    // line 8 = 5,000 − 1,500 = 3,500; line 11 = max(0, 1,500 − 5,000) = 0; line 13 = 4,000
    ScheduleD d = ScheduleD.compute(d("-5000"), d("-4000"), d("0"), d("0"), LIMIT_SEPARATE, AMPLE);

    assertThat(d.lossDeducted()).isEqualByComparingTo("1500");
    assertThat(d.capitalGainOrLoss()).isEqualByComparingTo("-1500");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("3500");
    assertThat(d.longTermCarryforwardOut()).isEqualByComparingTo("4000");
  }

  @Test
  void test_compute_lossWithinLimit_isDeductedInFull() {
    // line 16 = −1,200 → line 21 = 1,200, nothing carried
    ScheduleD d = net("-1200", "0");

    assertThat(d.lossDeducted()).isEqualByComparingTo("1200");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("0");
    assertThat(d.longTermCarryforwardOut()).isEqualByComparingTo("0");
  }

  @Test
  void test_compute_carryforwardIn_keepsItsCharacter() {
    // Schedule D line 6 (short-term carryover in) 4,000; line 14 (long-term) 0.
    // line 7 = 1,000 − 4,000 = −3,000; line 15 = 10,000; line 16 = 7,000;
    // net capital gain = min(10,000, 7,000) = 7,000
    ScheduleD d = ScheduleD.compute(d("1000"), d("10000"), d("4000"), d("0"), LIMIT, AMPLE);

    assertThat(d.shortTermNet()).isEqualByComparingTo("-3000");
    assertThat(d.longTermNet()).isEqualByComparingTo("10000");
    assertThat(d.combinedNet()).isEqualByComparingTo("7000");
    assertThat(d.netCapitalGain()).isEqualByComparingTo("7000");
  }

  @Test
  void test_compute_longCarryforwardIn_noActivity_carriesTheRestAsLongTerm() {
    // line 14 = 10,000, nothing realized: line 15 = −10,000; line 21 = 3,000;
    // line 11 = 3,000 − 0 = 3,000; line 13 = 10,000 − 3,000 = 7,000
    ScheduleD d = ScheduleD.compute(d("0"), d("0"), d("0"), d("10000"), LIMIT, AMPLE);

    assertThat(d.lossDeducted()).isEqualByComparingTo("3000");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("0");
    assertThat(d.longTermCarryforwardOut()).isEqualByComparingTo("7000");
  }

  @Test
  void test_compute_deductionWithNoBenefit_isCarriedForward() {
    // Capital Loss Carryover Worksheet lines 1 to 4: only the deduction that reduced taxable
    // income counts as used. Income 0, standard deduction 15,750, short-term carryover 10,000:
    // line 1 = 0 − 15,750 − 3,000 = −18,750; line 2 = 3,000; line 3 = max(0, −15,750) = 0;
    // line 4 = 0; line 8 = 10,000 − 0 = 10,000: all of it carried again
    ScheduleD d = ScheduleD.compute(d("0"), d("0"), d("10000"), d("0"), LIMIT, d("-15750"));

    assertThat(d.lossDeducted()).isEqualByComparingTo("3000");
    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("10000");
  }

  @Test
  void test_compute_deductionWithPartialBenefit_carriesTheUnusedPart() {
    // Income 17,750, standard deduction 15,750: line 1 = 2,000 − 3,000 = −1,000; line 3 = 2,000;
    // line 4 = min(3,000, 2,000) = 2,000; line 8 = 10,000 − 2,000 = 8,000
    ScheduleD d = ScheduleD.compute(d("0"), d("0"), d("10000"), d("0"), LIMIT, d("2000"));

    assertThat(d.shortTermCarryforwardOut()).isEqualByComparingTo("8000");
  }

  @Test
  void test_rounded_roundsEveryFigureToCentsHalfUp() {
    ScheduleD d = net("-0.005", "100.125").rounded();

    assertThat(d.shortTermNet()).isEqualByComparingTo("-0.01");
    assertThat(d.longTermNet()).isEqualByComparingTo("100.13");
    assertThat(d.combinedNet()).isEqualByComparingTo("100.12");
    assertThat(d.combinedNet().scale()).isEqualTo(2);
  }
}
