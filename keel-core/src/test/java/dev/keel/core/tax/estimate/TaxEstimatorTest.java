package dev.keel.core.tax.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.tax.FilingStatus;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link TaxEstimator} with hand-computed examples. Sources: Rev. Proc. 2024-40 and the One
 * Big Beautiful Bill Act §70102 (2025 figures), Rev. Proc. 2025-32 (2026 figures), the Qualified
 * Dividends and Capital Gain Tax Worksheet (Form 1040 instructions, line 16), Schedule D (Form
 * 1040) and its Capital Loss Carryover Worksheet, IRC §1211(b) (loss limit), IRC §1411 and Form
 * 8960 (net investment income tax).
 *
 * <p>Ordinary tax is written as "base amount + rate × excess" using the base amounts rebuilt in
 * {@link TaxTablesTest#test_bundled_taxAtEachThreshold}.
 */
class TaxEstimatorTest {

  private static final TaxEstimator ESTIMATOR = TaxEstimator.DEFAULT;

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static TaxProfile profile(int year, FilingStatus status, String ordinaryIncome) {
    return TaxProfile.of(year, status, d(ordinaryIncome));
  }

  private static CapitalGainsInput gains(String shortTerm, String longTerm) {
    return CapitalGainsInput.of(d(shortTerm), d(longTerm));
  }

  /** One worked example for each filing status and year. */
  @Nested
  class WorkedExamples {

    @Test
    void test_estimate_2025_single_gainsDividendsInterestAndStateTax() {
      // Rev. Proc. 2024-40 (single), OBBBA §70102 standard deduction 15,750; state 5%.
      // AGI = 120,000 wages + 1,000 interest + 2,000 dividends + 30,000 LT = 153,000
      // taxable = 153,000 − 15,750 = 137,250
      // preferential = 2,000 qualified + 30,000 net capital gain = 32,000
      // ordinary part = 137,250 − 32,000 = 105,250
      // ordinary tax = 17,651 + 24% × (105,250 − 103,350) = 17,651 + 456 = 18,107
      // preferential: 105,250..137,250 is inside 48,350..533,400 → 32,000 × 15% = 4,800
      // line 24 = tax(137,250) = 17,651 + 24% × 33,900 = 25,787 > 22,907 → keep 22,907
      // NIIT: AGI 153,000 < 200,000 → 0; state = 5% × 137,250 = 6,862.50
      // total = 18,107 + 4,800 + 0 + 6,862.50 = 29,769.50
      // without investments: taxable 104,250; 17,651 + 24% × 900 = 17,867; state 5,212.50;
      // total 23,079.50 → taxOnInvestments = 6,690.00
      // (check: 1,000 interest × 24% + 32,000 × 15% + 33,000 × 5% = 240 + 4,800 + 1,650)
      TaxProfile profile = profile(2025, FilingStatus.SINGLE, "120000").withStateRate(d("0.05"));
      CapitalGainsInput input =
          gains("0", "30000").withDividends(d("2000"), d("2000")).withInterest(d("1000"));

      TaxEstimate estimate = ESTIMATOR.estimate(profile, input);

      assertThat(estimate.year()).isEqualTo(2025);
      assertThat(estimate.filingStatus()).isEqualTo(FilingStatus.SINGLE);
      assertThat(estimate.adjustedGrossIncome()).isEqualByComparingTo("153000");
      assertThat(estimate.deduction()).isEqualByComparingTo("15750");
      assertThat(estimate.taxableIncome()).isEqualByComparingTo("137250");
      assertThat(estimate.preferentialIncome()).isEqualByComparingTo("32000");
      assertThat(estimate.taxableOrdinaryIncome()).isEqualByComparingTo("105250");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("18107");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("4800");
      assertThat(estimate.federalIncomeTax()).isEqualByComparingTo("22907");
      assertThat(estimate.netInvestmentIncome()).isEqualByComparingTo("33000");
      assertThat(estimate.niit()).isEqualByComparingTo("0");
      assertThat(estimate.stateTax()).isEqualByComparingTo("6862.50");
      assertThat(estimate.total()).isEqualByComparingTo("29769.50");
      assertThat(estimate.taxOnInvestments()).isEqualByComparingTo("6690.00");
    }

    @Test
    void test_estimate_2025_marriedJoint_shortAndLongGainsWithNiit() {
      // Rev. Proc. 2024-40 (married filing jointly), standard deduction 31,500 (OBBBA §70102);
      // NIIT threshold 250,000 (IRC §1411(b)).
      // AGI = 300,000 + 3,000 interest + 12,000 dividends + 20,000 ST + 100,000 LT = 435,000
      // taxable = 435,000 − 31,500 = 403,500
      // net capital gain = min(line 15 100,000, line 16 120,000) = 100,000
      // preferential = 10,000 qualified + 100,000 = 110,000; ordinary part = 293,500
      // ordinary tax = 35,302 + 24% × (293,500 − 206,700) = 35,302 + 20,832 = 56,134
      // preferential: 293,500..403,500 inside 96,700..600,050 → 110,000 × 15% = 16,500
      // line 24 = 80,398 + 32% × 8,900 = 83,246 > 72,634 → keep 72,634
      // NII = 3,000 + 12,000 + 120,000 = 135,000; AGI over 250,000 = 185,000
      // NIIT = 3.8% × min(135,000, 185,000) = 5,130
      // total = 56,134 + 16,500 + 5,130 = 77,764
      // without investments: taxable 268,500 → 35,302 + 24% × 61,800 = 50,134; NII 0
      // taxOnInvestments = 27,630 (= 25,000 ordinary × 24% + 16,500 + 5,130)
      TaxProfile profile = profile(2025, FilingStatus.MARRIED_JOINT, "300000");
      CapitalGainsInput input =
          gains("20000", "100000").withDividends(d("12000"), d("10000")).withInterest(d("3000"));

      TaxEstimate estimate = ESTIMATOR.estimate(profile, input);

      assertThat(estimate.adjustedGrossIncome()).isEqualByComparingTo("435000");
      assertThat(estimate.taxableIncome()).isEqualByComparingTo("403500");
      assertThat(estimate.scheduleD().netCapitalGain()).isEqualByComparingTo("100000");
      assertThat(estimate.preferentialIncome()).isEqualByComparingTo("110000");
      assertThat(estimate.taxableOrdinaryIncome()).isEqualByComparingTo("293500");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("56134");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("16500");
      assertThat(estimate.netInvestmentIncome()).isEqualByComparingTo("135000");
      assertThat(estimate.niit()).isEqualByComparingTo("5130");
      assertThat(estimate.stateTax()).isEqualByComparingTo("0");
      assertThat(estimate.total()).isEqualByComparingTo("77764");
      assertThat(estimate.taxOnInvestments()).isEqualByComparingTo("27630");
    }

    @Test
    void test_estimate_2025_marriedSeparate_lossLimit1500AndCarryforward() {
      // Rev. Proc. 2024-40 (married filing separately); limit 1,500 (IRC §1211(b)(1)); state 3%.
      // Long-term loss carried in 2,000 (Schedule D line 14).
      // line 7 = −6,000; line 15 = 1,000 − 2,000 = −1,000; line 16 = −7,000 → deduct 1,500
      // AGI = 80,000 − 1,500 = 78,500; taxable = 78,500 − 15,750 = 62,750
      // tax = 5,578.50 + 22% × (62,750 − 48,475) = 5,578.50 + 3,140.50 = 8,719.00
      // state = 3% × 62,750 = 1,882.50; total = 10,601.50
      // Carryover Worksheet: line 4 = 1,500; line 8 = 6,000 − 1,500 − 0 = 4,500 short-term;
      //   line 11 = max(0, 1,500 − 6,000) = 0; line 13 = 1,000 − 0 − 0 = 1,000 long-term
      // without this year's results the carried-in 2,000 alone already fills the 1,500 limit:
      //   same AGI, same tax → taxOnInvestments = 0
      TaxProfile profile =
          profile(2025, FilingStatus.MARRIED_SEPARATE, "80000")
              .withStateRate(d("0.03"))
              .withCarryforward(d("0"), d("2000"));

      TaxEstimate estimate = ESTIMATOR.estimate(profile, gains("-6000", "1000"));

      assertThat(estimate.scheduleD().combinedNet()).isEqualByComparingTo("-7000");
      assertThat(estimate.scheduleD().lossDeducted()).isEqualByComparingTo("1500");
      assertThat(estimate.scheduleD().shortTermCarryforwardOut()).isEqualByComparingTo("4500");
      assertThat(estimate.scheduleD().longTermCarryforwardOut()).isEqualByComparingTo("1000");
      assertThat(estimate.adjustedGrossIncome()).isEqualByComparingTo("78500");
      assertThat(estimate.taxableIncome()).isEqualByComparingTo("62750");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("8719.00");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("0");
      assertThat(estimate.netInvestmentIncome()).isEqualByComparingTo("0");
      assertThat(estimate.stateTax()).isEqualByComparingTo("1882.50");
      assertThat(estimate.total()).isEqualByComparingTo("10601.50");
      assertThat(estimate.taxOnInvestments()).isEqualByComparingTo("0");
    }

    @Test
    void test_estimate_2025_headOfHousehold_zeroPercentCapitalGains() {
      // Rev. Proc. 2024-40 (head of household): 0% capital gain rate up to 64,750 of taxable
      // income; standard deduction 23,625 (OBBBA §70102).
      // AGI = 60,000 + 1,000 qualified dividends + 20,000 LT = 81,000; taxable = 57,375
      // preferential = 21,000; ordinary part = 36,375
      // ordinary tax = 1,700 + 12% × (36,375 − 17,000) = 1,700 + 2,325 = 4,025
      // preferential: 36,375..57,375 is all below 64,750 → 0
      // total = 4,025, the same as with no investments → taxOnInvestments = 0
      TaxProfile profile = profile(2025, FilingStatus.HEAD_OF_HOUSEHOLD, "60000");
      CapitalGainsInput input = gains("0", "20000").withDividends(d("1000"), d("1000"));

      TaxEstimate estimate = ESTIMATOR.estimate(profile, input);

      assertThat(estimate.taxableIncome()).isEqualByComparingTo("57375");
      assertThat(estimate.taxableOrdinaryIncome()).isEqualByComparingTo("36375");
      assertThat(estimate.preferentialIncome()).isEqualByComparingTo("21000");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("4025");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("0");
      assertThat(estimate.total()).isEqualByComparingTo("4025");
      assertThat(estimate.taxOnInvestments()).isEqualByComparingTo("0");
    }

    @Test
    void test_estimate_2026_single_gainStraddlesZeroAndFifteenPercent() {
      // Rev. Proc. 2025-32 (single): standard deduction 16,100; 0% up to 49,450.
      // AGI = 50,000 + 40,000 LT = 90,000; taxable = 73,900; ordinary part = 33,900
      // ordinary tax = 1,240 + 12% × (33,900 − 12,400) = 1,240 + 2,580 = 3,820
      // preferential: 33,900..49,450 = 15,550 at 0%; 49,450..73,900 = 24,450 × 15% = 3,667.50
      // line 24 = 5,800 + 22% × 23,500 = 10,970 > 7,487.50 → keep 7,487.50
      // without investments: taxable 33,900 → 3,820 → taxOnInvestments = 3,667.50
      TaxEstimate estimate =
          ESTIMATOR.estimate(profile(2026, FilingStatus.SINGLE, "50000"), gains("0", "40000"));

      assertThat(estimate.deduction()).isEqualByComparingTo("16100");
      assertThat(estimate.taxableIncome()).isEqualByComparingTo("73900");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("3820");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("3667.50");
      assertThat(estimate.total()).isEqualByComparingTo("7487.50");
      assertThat(estimate.taxOnInvestments()).isEqualByComparingTo("3667.50");
    }

    @Test
    void test_estimate_2026_marriedJoint_lossesDeductedAndCarriedWithCharacter() {
      // Rev. Proc. 2025-32 (married filing jointly): standard deduction 32,200; state 4%.
      // ST loss 5,000 and LT loss 4,000: line 16 = −9,000 → deduct 3,000 (IRC §1211(b)),
      // short-term first: carry 2,000 short-term and 4,000 long-term (Carryover Worksheet).
      // AGI = 150,000 − 3,000 = 147,000; taxable = 114,800
      // tax = 11,600 + 22% × (114,800 − 100,800) = 11,600 + 3,080 = 14,680
      // state = 4% × 114,800 = 4,592; total = 19,272
      // without investments: taxable 117,800 → 11,600 + 22% × 17,000 = 15,340; state 4,712;
      // total 20,052 → taxOnInvestments = −780 (= −3,000 × (22% + 4%))
      TaxProfile profile =
          profile(2026, FilingStatus.MARRIED_JOINT, "150000").withStateRate(d("0.04"));

      TaxEstimate estimate = ESTIMATOR.estimate(profile, gains("-5000", "-4000"));

      assertThat(estimate.scheduleD().lossDeducted()).isEqualByComparingTo("3000");
      assertThat(estimate.scheduleD().capitalGainOrLoss()).isEqualByComparingTo("-3000");
      assertThat(estimate.scheduleD().shortTermCarryforwardOut()).isEqualByComparingTo("2000");
      assertThat(estimate.scheduleD().longTermCarryforwardOut()).isEqualByComparingTo("4000");
      assertThat(estimate.adjustedGrossIncome()).isEqualByComparingTo("147000");
      assertThat(estimate.taxableIncome()).isEqualByComparingTo("114800");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("14680");
      assertThat(estimate.stateTax()).isEqualByComparingTo("4592");
      assertThat(estimate.total()).isEqualByComparingTo("19272");
      assertThat(estimate.taxOnInvestments()).isEqualByComparingTo("-780");
    }

    @Test
    void test_estimate_2026_marriedSeparate_niitAbove125000() {
      // Rev. Proc. 2025-32 (married filing separately); NIIT threshold 125,000 (IRC §1411(b)(2)).
      // AGI = 120,000 + 15,000 ST + 10,000 LT = 145,000; taxable = 145,000 − 16,100 = 128,900
      // preferential = 10,000; ordinary part = 118,900
      // ordinary tax = 17,966 + 24% × (118,900 − 105,700) = 17,966 + 3,168 = 21,134
      // preferential = 10,000 × 15% = 1,500 (118,900..128,900 inside 49,450..306,850)
      // NII = 25,000; AGI over 125,000 = 20,000 → NIIT = 3.8% × 20,000 = 760
      // total = 21,134 + 1,500 + 760 = 23,394
      // without investments: taxable 103,900 → 5,800 + 22% × 53,500 = 17,570
      // taxOnInvestments = 5,824 (= 1,800 × 22% + 13,200 × 24% + 1,500 + 760)
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2026, FilingStatus.MARRIED_SEPARATE, "120000"), gains("15000", "10000"));

      assertThat(estimate.taxableIncome()).isEqualByComparingTo("128900");
      assertThat(estimate.taxableOrdinaryIncome()).isEqualByComparingTo("118900");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("21134");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("1500");
      assertThat(estimate.netInvestmentIncome()).isEqualByComparingTo("25000");
      assertThat(estimate.niit()).isEqualByComparingTo("760");
      assertThat(estimate.total()).isEqualByComparingTo("23394");
      assertThat(estimate.taxOnInvestments()).isEqualByComparingTo("5824");
    }

    @Test
    void test_estimate_2026_headOfHousehold_twentyPercentAndTopBracket() {
      // Rev. Proc. 2025-32 (head of household): 20% above 579,600; 37% above 640,600.
      // AGI = 700,000 + 200,000 LT = 900,000; taxable = 900,000 − 24,150 = 875,850
      // ordinary part = 675,850 → 191,171 + 37% × (675,850 − 640,600) = 191,171 + 13,042.50
      //   = 204,213.50
      // preferential: 675,850..875,850 all above 579,600 → 200,000 × 20% = 40,000
      // NIIT = 3.8% × min(200,000, 900,000 − 200,000) = 7,600
      // total = 204,213.50 + 40,000 + 7,600 = 251,813.50; taxOnInvestments = 47,600 (23.8%)
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2026, FilingStatus.HEAD_OF_HOUSEHOLD, "700000"), gains("0", "200000"));

      assertThat(estimate.taxableIncome()).isEqualByComparingTo("875850");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("204213.50");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("40000");
      assertThat(estimate.niit()).isEqualByComparingTo("7600");
      assertThat(estimate.total()).isEqualByComparingTo("251813.50");
      assertThat(estimate.taxOnInvestments()).isEqualByComparingTo("47600");
    }
  }

  /** Income exactly at a published threshold. */
  @Nested
  class Boundaries {

    @Test
    void test_estimate_taxableIncomeExactlyAtBracketThreshold() {
      // Rev. Proc. 2024-40, single: "Over $48,475 ... $5,578.50 plus 22% of the excess".
      // 64,225 − 15,750 = 48,475 exactly → 5,578.50; one dollar more → + 0.22
      TaxEstimate at =
          ESTIMATOR.estimate(profile(2025, FilingStatus.SINGLE, "64225"), CapitalGainsInput.none());
      TaxEstimate above =
          ESTIMATOR.estimate(profile(2025, FilingStatus.SINGLE, "64226"), CapitalGainsInput.none());

      assertThat(at.taxableIncome()).isEqualByComparingTo("48475");
      assertThat(at.total()).isEqualByComparingTo("5578.50");
      assertThat(above.total()).isEqualByComparingTo("5578.72");
    }

    @Test
    void test_estimate_2026_marriedJoint_exactlyAt24PercentThreshold() {
      // Rev. Proc. 2025-32, married filing jointly: 243,600 − 32,200 = 211,400 → 35,932
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2026, FilingStatus.MARRIED_JOINT, "243600"), CapitalGainsInput.none());

      assertThat(estimate.total()).isEqualByComparingTo("35932");
    }

    @Test
    void test_estimate_gainFillingZeroPercentBracketExactly_isUntaxed() {
      // Rev. Proc. 2024-40, single: 0% on capital gain up to 48,350 of taxable income.
      // Ordinary income 15,750 = the standard deduction, so taxable income is all gain:
      // 48,350 → 0; 48,351 → line 23 = 1 × 15% = 0.15, line 24 = regular tax on 48,351 ≈ 5,563;
      // the smaller is 0.15
      TaxProfile profile = profile(2025, FilingStatus.SINGLE, "15750");

      TaxEstimate at = ESTIMATOR.estimate(profile, gains("0", "48350"));
      TaxEstimate above = ESTIMATOR.estimate(profile, gains("0", "48351"));

      assertThat(at.taxableIncome()).isEqualByComparingTo("48350");
      assertThat(at.total()).isEqualByComparingTo("0");
      assertThat(at.taxOnInvestments()).isEqualByComparingTo("0");
      assertThat(above.total()).isEqualByComparingTo("0.15");
    }

    @Test
    void test_estimate_2026_headOfHousehold_fifteenToTwentyPercentThreshold() {
      // Rev. Proc. 2025-32, head of household: 0% to 66,200, 15% to 579,600, 20% above.
      // Ordinary income = standard deduction 24,150, so taxable income is all gain:
      // 579,600 → (579,600 − 66,200) × 15% = 513,400 × 15% = 77,010; one more dollar → + 0.20
      TaxProfile profile = profile(2026, FilingStatus.HEAD_OF_HOUSEHOLD, "24150");

      TaxEstimate at = ESTIMATOR.estimate(profile, gains("0", "579600"));
      TaxEstimate above = ESTIMATOR.estimate(profile, gains("0", "579601"));

      assertThat(at.preferentialTax()).isEqualByComparingTo("77010");
      assertThat(above.preferentialTax()).isEqualByComparingTo("77010.20");
    }

    @Test
    void test_estimate_worksheetKeepsSmallerRegularTax() {
      // Qualified Dividends and Capital Gain Tax Worksheet line 25: the smaller of line 23 and
      // line 24. Between the 0% ceiling (48,350) and the 12% ceiling (48,475) a gain would pay
      // 15% on line 23 but only 12% on line 24.
      // Ordinary taxable 48,350 (64,100 − 15,750), LT gain 100:
      // line 22 = 1,192.50 + 12% × 36,425 = 5,563.50; line 23 = 5,563.50 + 100 × 15% = 5,578.50
      // line 24 = 1,192.50 + 12% × 36,525 = 5,575.50 → keep 5,575.50; preferential = 12.00
      TaxEstimate estimate =
          ESTIMATOR.estimate(profile(2025, FilingStatus.SINGLE, "64100"), gains("0", "100"));

      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("5563.50");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("12.00");
      assertThat(estimate.federalIncomeTax()).isEqualByComparingTo("5575.50");
    }

    @Test
    void test_estimate_deductionAboveIncome_taxableIncomeIsZero() {
      // IRC §63: taxable income is AGI minus the deduction, not below zero; state tax never
      // negative. 10,000 − 15,750 < 0 → 0, and so is every tax.
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2025, FilingStatus.SINGLE, "10000").withStateRate(d("0.05")),
              CapitalGainsInput.none());

      assertThat(estimate.taxableIncome()).isEqualByComparingTo("0");
      assertThat(estimate.stateTax()).isEqualByComparingTo("0");
      assertThat(estimate.total()).isEqualByComparingTo("0");
    }

    @Test
    void test_estimate_deductionOverride_replacesStandardDeduction() {
      // Itemized 40,000 instead of 15,750: taxable = 100,000 − 40,000 = 60,000
      // tax = 5,578.50 + 22% × 11,525 = 5,578.50 + 2,535.50 = 8,114
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2025, FilingStatus.SINGLE, "100000").withDeduction(d("40000")),
              CapitalGainsInput.none());

      assertThat(estimate.deduction()).isEqualByComparingTo("40000");
      assertThat(estimate.taxableIncome()).isEqualByComparingTo("60000");
      assertThat(estimate.total()).isEqualByComparingTo("8114");
    }
  }

  /** IRC §1211(b) and the Schedule D instructions, through the estimator. */
  @Nested
  class CapitalLosses {

    @Test
    void test_estimate_2026_marriedSeparate_limit1500() {
      // ST loss 5,000 and LT loss 4,000, married filing separately: deduct 1,500 (IRC
      // §1211(b)(1)); carry 3,500 short-term and 4,000 long-term (Carryover Worksheet lines 8, 13)
      // AGI = 100,000 − 1,500 = 98,500; taxable = 82,400
      // tax = 5,800 + 22% × (82,400 − 50,400) = 5,800 + 7,040 = 12,840
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2026, FilingStatus.MARRIED_SEPARATE, "100000"), gains("-5000", "-4000"));

      assertThat(estimate.scheduleD().lossDeducted()).isEqualByComparingTo("1500");
      assertThat(estimate.scheduleD().shortTermCarryforwardOut()).isEqualByComparingTo("3500");
      assertThat(estimate.scheduleD().longTermCarryforwardOut()).isEqualByComparingTo("4000");
      assertThat(estimate.adjustedGrossIncome()).isEqualByComparingTo("98500");
      assertThat(estimate.total()).isEqualByComparingTo("12840");
    }

    @Test
    void test_estimate_carryforwardInOffsetsThisYearsGain() {
      // Schedule D line 6: 4,000 short-term loss carried in; this year ST 1,000, LT 10,000.
      // line 7 = −3,000; line 15 = 10,000; line 16 = 7,000 = net capital gain.
      // 2025 single, ordinary 100,000: taxable = 107,000 − 15,750 = 91,250; ordinary part
      // 84,250 → 5,578.50 + 22% × 35,775 = 5,578.50 + 7,870.50 = 13,449; gain 7,000 × 15% = 1,050
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2025, FilingStatus.SINGLE, "100000").withCarryforward(d("4000"), d("0")),
              gains("1000", "10000"));

      assertThat(estimate.scheduleD().netCapitalGain()).isEqualByComparingTo("7000");
      assertThat(estimate.taxableIncome()).isEqualByComparingTo("91250");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("13449");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("1050");
    }
  }

  /** The IRS's own worked examples, and worksheets followed line by line. */
  @Nested
  class PublishedExamples {

    @Test
    void test_estimate_pub550_bobAndGloria_lossOf7000_deducts3000_carries4000() {
      // Publication 550, "Capital Losses", Limit on deduction, Example: Bob and Gloria's sales
      // resulted in a capital loss of $7,000, no other capital transactions, taxable income
      // $26,000; on their joint return they deduct $3,000 and carry $4,000 ($7,000 − $3,000) over.
      // With the 2024 joint standard deduction of 29,200 (Rev. Proc. 2023-34), taxable income of
      // 26,000 after the 3,000 deduction means other income of 26,000 + 3,000 + 29,200 = 58,200.
      TaxEstimate estimate = ESTIMATOR.estimate(profile(2024, FilingStatus.MARRIED_JOINT, "58200"), gains("0", "-7000"));

      assertThat(estimate.taxableIncome()).isEqualByComparingTo("26000");
      assertThat(estimate.scheduleD().lossDeducted()).isEqualByComparingTo("3000");
      assertThat(estimate.scheduleD().longTermCarryforwardOut()).isEqualByComparingTo("4000");
      assertThat(estimate.scheduleD().shortTermCarryforwardOut()).isEqualByComparingTo("0");
    }

    @Test
    void test_estimate_pub550_bobAndGloria_lossOf2000_deductedInFull_noCarryover() {
      // Same example: "If their capital loss had been $2,000, their capital loss deduction would
      // have been $2,000. They would have no carryover."
      TaxEstimate estimate = ESTIMATOR.estimate(profile(2024, FilingStatus.MARRIED_JOINT, "58200"), gains("-2000", "0"));

      assertThat(estimate.scheduleD().lossDeducted()).isEqualByComparingTo("2000");
      assertThat(estimate.scheduleD().shortTermCarryforwardOut()).isEqualByComparingTo("0");
      assertThat(estimate.scheduleD().longTermCarryforwardOut()).isEqualByComparingTo("0");
    }

    @Test
    void test_estimate_qualifiedDividendsWorksheet_lineByLine_2024_single() {
      // Qualified Dividends and Capital Gain Tax Worksheet (Form 1040 instructions, line 16),
      // 2024 single (Rev. Proc. 2023-34: standard deduction 14,600; 0% to 47,025, 15% to 518,900;
      // 12% from 11,600, 22% from 47,150). Wages 40,000; ordinary dividends 6,000 of which 5,000
      // qualified; short-term gain 2,000 (ordinary); long-term sales −1,000 and a capital gain
      // distribution of 4,000 (long-term whatever the holding period, Publication 550).
      //   Schedule D: line 7 = 2,000, line 15 = −1,000 + 4,000 = 3,000, line 16 = 5,000
      //   AGI = 40,000 + 6,000 + 5,000 = 51,000; line 1 (taxable) = 51,000 − 14,600 = 36,400
      //   line 2 = 5,000 qualified; line 3 = smaller of lines 15 and 16 = 3,000; line 4 = 8,000
      //   line 5 = 36,400 − 8,000 = 28,400 (the short-term gain stays in it, taxed as ordinary)
      //   line 6 = 47,025; line 7 = min(36,400, 47,025) = 36,400; line 8 = min(28,400, 36,400)
      //   = 28,400; line 9 = 8,000 at 0%; lines 10 to 21: nothing left for 15% or 20%
      //   line 22 = tax(28,400) = 1,160 + 12% × 16,800 = 3,176
      //   line 24 = tax(36,400) = 1,160 + 12% × 24,800 = 4,136; line 25 = min = 3,176
      CapitalGainsInput input = gains("2000", "3000").withDividends(d("6000"), d("5000"));

      TaxEstimate estimate = ESTIMATOR.estimate(profile(2024, FilingStatus.SINGLE, "40000"), input);

      assertThat(estimate.adjustedGrossIncome()).isEqualByComparingTo("51000");
      assertThat(estimate.taxableIncome()).isEqualByComparingTo("36400");
      assertThat(estimate.preferentialIncome()).isEqualByComparingTo("8000");
      assertThat(estimate.taxableOrdinaryIncome()).isEqualByComparingTo("28400");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("3176");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("0");
      assertThat(estimate.federalIncomeTax()).isEqualByComparingTo("3176");
    }

    @Test
    void test_estimate_qualifiedDividendsWorksheet_straddlingTheZeroRateLine_2019_headOfHousehold() {
      // 2019 head of household (Rev. Proc. 2018-57: standard deduction 18,350; 0% to 52,750,
      // 15% to 461,700; 12% from 13,850, 22% from 52,850). Wages 60,000, qualified dividends
      // 10,000, long-term gain 20,000.
      //   AGI 90,000; line 1 = 90,000 − 18,350 = 71,650; line 4 = 30,000; line 5 = 41,650
      //   line 9 = min(71,650, 52,750) − 41,650 = 11,100 at 0%; line 17 = 30,000 − 11,100 = 18,900
      //   at 15% = 2,835; line 22 = tax(41,650) = 1,385 + 12% × 27,800 = 4,721
      //   line 23 = 7,556; line 24 = tax(71,650) = 6,065 + 22% × 18,800 = 10,201; keep 7,556
      TaxEstimate estimate = ESTIMATOR.estimate(profile(2019, FilingStatus.HEAD_OF_HOUSEHOLD, "60000"),
          gains("0", "20000").withDividends(d("10000"), d("10000")));

      assertThat(estimate.taxableIncome()).isEqualByComparingTo("71650");
      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("4721");
      assertThat(estimate.preferentialTax()).isEqualByComparingTo("2835");
      assertThat(estimate.federalIncomeTax()).isEqualByComparingTo("7556");
    }
  }

  /** IRC §1411 and Form 8960. */
  @Nested
  class NetInvestmentIncomeTax {

    @Test
    void test_estimate_niit_onTheExcessOverThreshold() {
      // Single, 2025: AGI = 190,000 + 20,000 LT = 210,000; over 200,000 by 10,000;
      // NII 20,000 → 3.8% × min(20,000, 10,000) = 380
      TaxEstimate estimate =
          ESTIMATOR.estimate(profile(2025, FilingStatus.SINGLE, "190000"), gains("0", "20000"));

      assertThat(estimate.niit()).isEqualByComparingTo("380");
    }

    @Test
    void test_estimate_niit_zeroAtThresholdExactly() {
      // AGI = 180,000 + 20,000 = 200,000, not over 200,000 → 0
      TaxEstimate estimate =
          ESTIMATOR.estimate(profile(2025, FilingStatus.SINGLE, "180000"), gains("0", "20000"));

      assertThat(estimate.adjustedGrossIncome()).isEqualByComparingTo("200000");
      assertThat(estimate.niit()).isEqualByComparingTo("0");
    }

    @Test
    void test_estimate_niit_onInvestmentIncomeWhenSmaller() {
      // AGI = 300,000 + 5,000 interest = 305,000, over by 105,000; NII 5,000 → 3.8% × 5,000 = 190
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2025, FilingStatus.SINGLE, "300000"),
              CapitalGainsInput.none().withInterest(d("5000")));

      assertThat(estimate.niit()).isEqualByComparingTo("190");
    }

    @Test
    void test_estimate_niit_deductibleCapitalLossReducesInvestmentIncome() {
      // Form 8960 line 5a starts from Form 1040 line 7 (−3,000 here).
      // NII = 10,000 interest − 3,000 = 7,000 → 3.8% × 7,000 = 266
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2025, FilingStatus.SINGLE, "300000"),
              gains("-8000", "0").withInterest(d("10000")));

      assertThat(estimate.netInvestmentIncome()).isEqualByComparingTo("7000");
      assertThat(estimate.niit()).isEqualByComparingTo("266");
    }

    @Test
    void test_estimate_niit_headOfHouseholdUsesSingleThreshold() {
      // IRC §1411(b)(3): 200,000 for head of household. AGI 260,000 → over by 60,000;
      // NII 60,000 LT → 3.8% × 60,000 = 2,280
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2026, FilingStatus.HEAD_OF_HOUSEHOLD, "200000"), gains("0", "60000"));

      assertThat(estimate.niit()).isEqualByComparingTo("2280");
    }
  }

  /** Rounding: computed unrounded, reported to cents half-up, total is the sum of the parts. */
  @Nested
  class Rounding {

    @Test
    void test_estimate_roundsFinalFiguresHalfUp() {
      // 2025 single, ordinary 15,760.10 → taxable 10.10
      // federal = 10% × 10.10 = 1.01; state = 5% × 10.10 = 0.505 → 0.51 (half-up)
      // total = 1.01 + 0.51 = 1.52
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2025, FilingStatus.SINGLE, "15760.10").withStateRate(d("0.05")),
              CapitalGainsInput.none());

      assertThat(estimate.stateTax()).isEqualByComparingTo("0.51");
      assertThat(estimate.stateTax().scale()).isEqualTo(2);
      assertThat(estimate.total()).isEqualByComparingTo("1.52");
    }

    @Test
    void test_estimate_totalIsSumOfRoundedParts() {
      // taxable 11,925.05: ordinary tax = 1,192.50 + 12% × 0.05 = 1,192.506 → 1,192.51
      TaxEstimate estimate =
          ESTIMATOR.estimate(
              profile(2025, FilingStatus.SINGLE, "27675.05").withStateRate(d("0.03")),
              CapitalGainsInput.none());

      assertThat(estimate.ordinaryTax()).isEqualByComparingTo("1192.51");
      assertThat(estimate.total())
          .isEqualByComparingTo(
              estimate
                  .ordinaryTax()
                  .add(estimate.preferentialTax())
                  .add(estimate.niit())
                  .add(estimate.stateTax()));
    }
  }

  @Nested
  class MissingYear {

    @Test
    void test_estimate_yearWithoutTable_failsNamingTheYears() {
      assertThatThrownBy(
              () ->
                  ESTIMATOR.estimate(
                      profile(2017, FilingStatus.SINGLE, "1000"), CapitalGainsInput.none()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2017")
          .hasMessageContaining("2025, 2026");
      assertThatThrownBy(() -> ESTIMATOR.marginalRates(profile(2027, FilingStatus.SINGLE, "1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2027");
    }

    @Test
    void test_new_usesTheTablesGiven() {
      TaxEstimator only2026 = new TaxEstimator(TaxTables.of(BundledTaxTables.YEAR_2026));

      assertThat(only2026.tables().years()).containsExactly(2026);
      assertThatThrownBy(
              () ->
                  only2026.estimate(
                      profile(2025, FilingStatus.SINGLE, "1000"), CapitalGainsInput.none()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("available for 2026");
    }
  }

  /** Marginal rates for the rebalancer: federal bracket + NIIT + state on the next dollar. */
  @Nested
  class Marginal {

    private void assertRates(MarginalRates rates, String shortTerm, String longTerm) {
      assertThat(rates.shortTerm()).as("short-term").isEqualByComparingTo(shortTerm);
      assertThat(rates.longTerm()).as("long-term").isEqualByComparingTo(longTerm);
    }

    @Test
    void test_marginalRates_typical() {
      // 2025 single, 150,000 → taxable 134,250, in the 24% bracket (Rev. Proc. 2024-40);
      // LT at 134,250 is in the 15% band; AGI under 200,000 → no NIIT; state 5%
      // ST = 24% + 5% = 29%; LT = 15% + 5% = 20%
      MarginalRates rates =
          ESTIMATOR.marginalRates(
              profile(2025, FilingStatus.SINGLE, "150000").withStateRate(d("0.05")));

      assertRates(rates, "0.29", "0.20");
    }

    @Test
    void test_marginalRates_withNiit() {
      // 2025 single, 250,000 → taxable 234,250 (32%); AGI over 200,000 → + 3.8%; state 5%
      // ST = 32% + 3.8% + 5% = 40.8%; LT = 15% + 3.8% + 5% = 23.8%
      MarginalRates rates =
          ESTIMATOR.marginalRates(
              profile(2025, FilingStatus.SINGLE, "250000").withStateRate(d("0.05")));

      assertRates(rates, "0.408", "0.238");
    }

    @Test
    void test_marginalRates_topBrackets() {
      // 2026 married filing jointly, 1,000,000 → taxable 967,800 > 768,700 (37%) and > 613,700
      // (20%); NIIT: ST = 37% + 3.8% = 40.8%; LT = 20% + 3.8% = 23.8%
      assertRates(
          ESTIMATOR.marginalRates(profile(2026, FilingStatus.MARRIED_JOINT, "1000000")),
          "0.408",
          "0.238");
    }

    @Test
    void test_marginalRates_zeroPercentBand() {
      // 2025 single, 40,000 → taxable 24,250: ST 12%; LT 0% (below 48,350)
      assertRates(
          ESTIMATOR.marginalRates(profile(2025, FilingStatus.SINGLE, "40000")), "0.12", "0");
    }

    @Test
    void test_marginalRates_atBracketThreshold_nextDollarIsInTheHigherBracket() {
      // Taxable exactly 48,475 (Rev. Proc. 2024-40 single): the next dollar is over it → 22%.
      // LT: 48,475 is above 48,350 and the regular rate there is 22% → 15%
      assertRates(
          ESTIMATOR.marginalRates(profile(2025, FilingStatus.SINGLE, "64225")), "0.22", "0.15");
      // One dollar below: 12%; LT 12% by worksheet line 25 (15% on line 23 > 12% on line 24)
      assertRates(
          ESTIMATOR.marginalRates(profile(2025, FilingStatus.SINGLE, "64224")), "0.12", "0.12");
    }

    @Test
    void test_marginalRates_niitStartsWithTheDollarOverTheThreshold() {
      // IRC §1411: AGI exactly 200,000 → the next dollar is over the threshold → + 3.8%
      // taxable 184,250 (24%): ST 27.8%, LT 18.8%
      assertRates(
          ESTIMATOR.marginalRates(profile(2025, FilingStatus.SINGLE, "200000")),
          "0.278",
          "0.188");
      // 199,999: below → no NIIT yet
      assertRates(
          ESTIMATOR.marginalRates(profile(2025, FilingStatus.SINGLE, "199999")), "0.24", "0.15");
    }

    @Test
    void test_marginalRates_unusedDeduction_isZero() {
      // 10,000 against a 15,750 standard deduction: the next dollar is not taxed, state neither
      assertRates(
          ESTIMATOR.marginalRates(
              profile(2025, FilingStatus.SINGLE, "10000").withStateRate(d("0.05"))),
          "0",
          "0");
    }

    @Test
    void test_marginalRates_lossBeyondLimit_gainOnlyReducesCarryforward() {
      // Realized ST loss 10,000 > 3,000 limit: the next dollar of gain changes this year's tax
      // by nothing
      assertRates(
          ESTIMATOR.marginalRates(
              profile(2025, FilingStatus.SINGLE, "150000").withStateRate(d("0.05")),
              gains("-10000", "0")),
          "0",
          "0");
    }

    @Test
    void test_marginalRates_lossWithinLimit_gainCostsOrdinaryRate() {
      // Realized ST loss 1,000 < 3,000: a dollar of gain, short or long, shrinks the deduction
      // → ordinary 24% + state 5% for both
      assertRates(
          ESTIMATOR.marginalRates(
              profile(2025, FilingStatus.SINGLE, "150000").withStateRate(d("0.05")),
              gains("-1000", "0")),
          "0.29",
          "0.29");
    }

    @Test
    void test_marginalRates_gainsSoFarPushIntoHigherBands() {
      // 2026 single, 100,000 → taxable 83,900; 500,000 LT realized → taxable 583,900:
      // the next LT dollar stacks at 583,900 > 545,500 → 20%; AGI 600,000 → NIIT 3.8%.
      // Next ST dollar: ordinary part 83,900 → 22%, plus NIIT: 25.8%.
      // (The ST dollar also pushes the whole gain stack up a dollar, but the stack's bottom is
      // in the 15% band and its top in the 20% band, so the preferential tax shifts by
      // 20% − 15% = 5% at the top edge: ST = 22% + 5% + 3.8% = 30.8%.)
      MarginalRates rates =
          ESTIMATOR.marginalRates(
              profile(2026, FilingStatus.SINGLE, "100000"), gains("0", "500000"));

      assertRates(rates, "0.308", "0.238");
    }
  }

  /** Issue 8 item 3: years before 2025 use their own tables, not 2025's. */
  @Nested
  class EarlierYears {

    @Test
    void test_estimate_2024_marriedJoint_usesRevProc2023_34() {
      // Rev. Proc. 2023-34, married filing jointly: standard deduction 29,200;
      // taxable 285,000 − 29,200 = 255,800:
      // 23,200 × 10% = 2,320; (94,300 − 23,200) × 12% = 8,532; (201,050 − 94,300) × 22% = 23,485;
      // (255,800 − 201,050) × 24% = 13,140; total 47,477. With 2025's table it was 46,534.
      TaxEstimate e = ESTIMATOR.estimate(profile(2024, FilingStatus.MARRIED_JOINT, "285000"), CapitalGainsInput.none());

      assertThat(e.year()).isEqualTo(2024);
      assertThat(e.deduction()).isEqualByComparingTo("29200");
      assertThat(e.taxableIncome()).isEqualByComparingTo("255800");
      assertThat(e.ordinaryTax()).isEqualByComparingTo("47477.00");
    }

    @Test
    void test_estimate_2018_single_longTermGainAtZeroAndFifteen() {
      // Rev. Proc. 2018-18, single: standard deduction 12,000; 0% capital gain rate up to 38,600.
      // Wages 40,000 → ordinary taxable 28,000: 952.50 + (28,000 − 9,525) × 12% = 952.50 + 2,217 = 3,169.50.
      // 20,000 LT stacks from 28,000 to 48,000: 10,600 at 0%, 9,400 at 15% = 1,410.
      TaxEstimate e = ESTIMATOR.estimate(profile(2018, FilingStatus.SINGLE, "40000"), gains("0", "20000"));

      assertThat(e.taxableIncome()).isEqualByComparingTo("48000");
      assertThat(e.ordinaryTax()).isEqualByComparingTo("3169.50");
      assertThat(e.preferentialTax()).isEqualByComparingTo("1410.00");
    }
  }

  /** Issue 8 item 8: an itemized deduction smaller than the standard one does not lower the deduction. */
  @Nested
  class Deduction {

    @Test
    void test_estimate_itemizedSmallerThanStandard_takesStandard() {
      // 2026 married filing jointly: standard 32,200 (Rev. Proc. 2025-32) beats itemized 20,000.
      TaxProfile p = profile(2026, FilingStatus.MARRIED_JOINT, "200000").withDeduction(d("20000"));

      TaxEstimate e = ESTIMATOR.estimate(p, CapitalGainsInput.none());

      assertThat(e.deduction()).isEqualByComparingTo("32200");
      assertThat(e.taxableIncome()).isEqualByComparingTo("167800");
    }

    @Test
    void test_estimate_itemizedLargerThanStandard_takesItemized() {
      TaxProfile p = profile(2026, FilingStatus.MARRIED_JOINT, "200000").withDeduction(d("45000"));

      assertThat(ESTIMATOR.estimate(p, CapitalGainsInput.none()).deduction()).isEqualByComparingTo("45000");
    }

    @Test
    void test_estimate_forcedItemized_takesItEvenWhenSmaller() {
      // IRC §63(c)(6)(A): a spouse filing separately whose spouse itemizes gets no standard deduction.
      TaxProfile p = profile(2026, FilingStatus.MARRIED_SEPARATE, "90000").withDeduction(d("5000"))
          .withForcedItemized(true);

      assertThat(ESTIMATOR.estimate(p, CapitalGainsInput.none()).deduction()).isEqualByComparingTo("5000");
    }
  }
}
