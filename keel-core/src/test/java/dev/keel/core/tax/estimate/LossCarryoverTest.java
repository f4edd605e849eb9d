package dev.keel.core.tax.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.tax.FilingStatus;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link LossCarryover}: the capital loss carried from year to year keeping its character,
 * IRC §1212(b) and the Capital Loss Carryover Worksheet of the Schedule D instructions (lines 1 to
 * 13), with the $3,000 deduction limit of IRC §1211(b). Issue 8 item 8.
 */
class LossCarryoverTest {

  private static final TaxEstimator ESTIMATOR = TaxEstimator.DEFAULT;

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  /** Flat rates (no income): the deduction is taken as used in full. */
  private static TaxSettings flat(Optional<Integer> into, String shortTerm, String longTerm) {
    return new TaxSettings(FilingStatus.MARRIED_JOINT, Optional.of(MarginalRates.of("0.35", "0.20")), Optional.empty(),
        Optional.empty(), BigDecimal.ZERO, d(shortTerm), d(longTerm), false, 30, Optional.empty(), into, false);
  }

  private static IntFunction<CapitalGainsInput> results(Map<Integer, CapitalGainsInput> byYear) {
    return y -> byYear.getOrDefault(y, CapitalGainsInput.none());
  }

  @Test
  void test_into_theStatedYear_isTheHouseholdsFigure() {
    TaxSettings tax = flat(Optional.of(2025), "0", "5000");

    LossCarryover.Carry carry = LossCarryover.into(2025, tax, OptionalInt.of(2024),
        results(Map.of(2024, CapitalGainsInput.of(d("-20000"), d("0")))), ESTIMATOR);

    // What the household's 2024 return says stands, whatever the ledger shows for 2024.
    assertThat(carry.shortTerm()).isEqualByComparingTo("0");
    assertThat(carry.longTerm()).isEqualByComparingTo("5000");
    assertThat(carry.fromHousehold()).isTrue();
  }

  @Test
  void test_into_nextYear_usedUpByGains_isNotUsedAgain() {
    // The case: 5,000 long-term carried into 2025, 2025 long-term gains of 9,000.
    // Line 15 = 9,000 − 5,000 = 4,000 gain: nothing left to carry into 2026.
    TaxSettings tax = flat(Optional.of(2025), "0", "5000");

    LossCarryover.Carry carry = LossCarryover.into(2026, tax, OptionalInt.of(2025),
        results(Map.of(2025, CapitalGainsInput.of(d("0"), d("9000")))), ESTIMATOR);

    assertThat(carry.year()).isEqualTo(2026);
    assertThat(carry.shortTerm()).isEqualByComparingTo("0");
    assertThat(carry.longTerm()).isEqualByComparingTo("0");
    assertThat(carry.fromHousehold()).isFalse();
  }

  @Test
  void test_into_nextYear_aYearsOwnLossIsCarried_shortTermKeepsItsCharacter() {
    // No carry stated; 2025: short-term −8,000. Deduct 3,000; worksheet line 8: 8,000 − 3,000 = 5,000
    // short-term into 2026; 2026 nets it against a 2,000 long-term gain: −3,000, all deducted.
    TaxSettings tax = flat(Optional.empty(), "0", "0");
    IntFunction<CapitalGainsInput> byYear = results(Map.of(
        2025, CapitalGainsInput.of(d("-8000"), d("0")),
        2026, CapitalGainsInput.of(d("0"), d("2000"))));

    LossCarryover.Carry into2026 = LossCarryover.into(2026, tax, OptionalInt.of(2025), byYear, ESTIMATOR);
    LossCarryover.Carry into2027 = LossCarryover.into(2027, tax, OptionalInt.of(2025), byYear, ESTIMATOR);

    assertThat(into2026.shortTerm()).isEqualByComparingTo("5000");
    assertThat(into2026.longTerm()).isEqualByComparingTo("0");
    assertThat(into2027.shortTerm()).isEqualByComparingTo("0");
    assertThat(into2027.longTerm()).isEqualByComparingTo("0");
  }

  @Test
  void test_into_mixedCharacter_deductionUsesShortTermFirst() {
    // Into 2025: short 2,000, long 10,000; 2025 results: short +1,000, long 0.
    // Line 7 = 1,000 − 2,000 = −1,000; line 15 = −10,000; line 16 = −11,000; line 21 = 3,000.
    // Worksheet: line 4 = 3,000 (deduction fully used); line 5 = 1,000; line 8 = 1,000 − 3,000 → 0 short.
    // Line 9 = 10,000; line 10 = 0; line 11 = 3,000 − 1,000 = 2,000; line 13 = 10,000 − 2,000 = 8,000 long.
    TaxSettings tax = flat(Optional.of(2025), "2000", "10000");

    LossCarryover.Carry carry = LossCarryover.into(2026, tax, OptionalInt.of(2025),
        results(Map.of(2025, CapitalGainsInput.of(d("1000"), d("0")))), ESTIMATOR);

    assertThat(carry.shortTerm()).isEqualByComparingTo("0");
    assertThat(carry.longTerm()).isEqualByComparingTo("8000");
  }

  @Test
  void test_into_yearsBeforeTheStatedOne_startFromTheLedgerAndTheStatedFigureReplacesIt() {
    // 2023 loss of −10,000 (ledger) would carry 7,000 into 2024; the household states 1,000 into 2025.
    TaxSettings tax = flat(Optional.of(2025), "1000", "0");
    IntFunction<CapitalGainsInput> byYear = results(Map.of(2023, CapitalGainsInput.of(d("-10000"), d("0"))));

    assertThat(LossCarryover.into(2024, tax, OptionalInt.of(2023), byYear, ESTIMATOR).shortTerm())
        .isEqualByComparingTo("7000");
    assertThat(LossCarryover.into(2025, tax, OptionalInt.of(2023), byYear, ESTIMATOR).shortTerm())
        .isEqualByComparingTo("1000");
    // 2025 has no results: 1,000 deducted, nothing left for 2026.
    assertThat(LossCarryover.into(2026, tax, OptionalInt.of(2023), byYear, ESTIMATOR).shortTerm())
        .isEqualByComparingTo("0");
  }

  @Test
  void test_into_withIncome_aDeductionWithoutBenefitIsCarried() {
    // Worksheet lines 1 to 4: with 20,000 of wages and the 2025 single standard deduction of 15,750
    // (OBBBA §70102), taxable income before the loss is 4,250; a 10,000 short-term loss: line 21 =
    // 3,000, line 1 = 4,250 − 3,000 = 1,250 ≥ 0 so the deduction is used: 7,000 carried.
    // With 10,000 of wages, line 1 = −5,750 − 3,000 = −8,750, line 3 = max(0, −8,750 + 3,000) = 0,
    // line 4 = 0: the whole 10,000 is carried (the deduction brought no benefit).
    TaxSettings rich = new TaxSettings(FilingStatus.SINGLE, Optional.empty(), Optional.of(d("20000")), Optional.empty(),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, 30, Optional.empty());
    TaxSettings poor = new TaxSettings(FilingStatus.SINGLE, Optional.empty(), Optional.of(d("10000")), Optional.empty(),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, 30, Optional.empty());
    IntFunction<CapitalGainsInput> byYear = results(Map.of(2025, CapitalGainsInput.of(d("-10000"), d("0"))));

    assertThat(LossCarryover.into(2026, rich, OptionalInt.of(2025), byYear, ESTIMATOR).shortTerm())
        .isEqualByComparingTo("7000");
    assertThat(LossCarryover.into(2026, poor, OptionalInt.of(2025), byYear, ESTIMATOR).shortTerm())
        .isEqualByComparingTo("10000");
  }

  @Test
  void test_into_settingsWithoutYear_meanTheYearPriced() {
    TaxSettings tax = flat(Optional.empty(), "0", "1200");

    LossCarryover.Carry carry = LossCarryover.into(2031, tax, OptionalInt.of(2025),
        results(Map.of(2025, CapitalGainsInput.of(d("0"), d("50000")))), ESTIMATOR);

    assertThat(carry.longTerm()).isEqualByComparingTo("1200");
    assertThat(carry.fromHousehold()).isTrue();
  }
}
