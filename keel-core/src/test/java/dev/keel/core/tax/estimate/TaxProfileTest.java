package dev.keel.core.tax.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.tax.FilingStatus;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link TaxProfile}: its validating factory and copies. The carryforward fields are the
 * Schedule D (Form 1040) line 6 and line 14 amounts, positive numbers meaning losses.
 */
class TaxProfileTest {

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void test_of_defaults() {
    TaxProfile profile = TaxProfile.of(2025, FilingStatus.SINGLE, d("100000"));

    assertThat(profile.year()).isEqualTo(2025);
    assertThat(profile.filingStatus()).isEqualTo(FilingStatus.SINGLE);
    assertThat(profile.ordinaryIncome()).isEqualByComparingTo("100000");
    assertThat(profile.deduction()).isEmpty();
    assertThat(profile.stateRate()).isEqualByComparingTo("0");
    assertThat(profile.shortTermLossCarryforward()).isEqualByComparingTo("0");
    assertThat(profile.longTermLossCarryforward()).isEqualByComparingTo("0");
  }

  @Test
  void test_with_copies() {
    TaxProfile profile =
        TaxProfile.of(2026, FilingStatus.MARRIED_JOINT, d("1"))
            .withOrdinaryIncome(d("250000"))
            .withDeduction(d("40000"))
            .withStateRate(d("0.05"))
            .withCarryforward(d("2000"), d("4000"));

    assertThat(profile.ordinaryIncome()).isEqualByComparingTo("250000");
    assertThat(profile.deduction()).contains(d("40000"));
    assertThat(profile.stateRate()).isEqualByComparingTo("0.05");
    assertThat(profile.shortTermLossCarryforward()).isEqualByComparingTo("2000");
    assertThat(profile.longTermLossCarryforward()).isEqualByComparingTo("4000");
    assertThat(profile.withStandardDeduction().deduction()).isEmpty();
  }

  @Test
  void test_new_rejectsNegativeAmounts() {
    TaxProfile profile = TaxProfile.of(2025, FilingStatus.SINGLE, d("0"));

    assertThatThrownBy(() -> profile.withOrdinaryIncome(d("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ordinaryIncome");
    assertThatThrownBy(() -> profile.withDeduction(d("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deduction");
    assertThatThrownBy(() -> profile.withCarryforward(d("-1"), d("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shortTermLossCarryforward");
    assertThatThrownBy(() -> profile.withCarryforward(d("0"), d("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longTermLossCarryforward");
  }

  @Test
  void test_new_rejectsStateRateOutOfRange() {
    TaxProfile profile = TaxProfile.of(2025, FilingStatus.SINGLE, d("0"));

    assertThatThrownBy(() -> profile.withStateRate(d("-0.01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stateRate");
    // 5 for 5% is the likely mistake
    assertThatThrownBy(() -> profile.withStateRate(d("5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stateRate")
        .hasMessageContaining("0.05 for 5%");
    assertThat(profile.withStateRate(d("0.5")).stateRate()).isEqualByComparingTo("0.5");
  }

  @Test
  void test_new_rejectsNulls() {
    assertThatThrownBy(() -> TaxProfile.of(2025, null, d("0")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("filingStatus");
    assertThatThrownBy(() -> TaxProfile.of(2025, FilingStatus.SINGLE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ordinaryIncome");
    assertThatThrownBy(
            () ->
                new TaxProfile(
                    2025, FilingStatus.SINGLE, d("0"), null, d("0"), d("0"), d("0")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("deduction");
    assertThat(
            new TaxProfile(
                2025, FilingStatus.SINGLE, d("0"), Optional.empty(), d("0"), d("0"), d("0")))
        .isEqualTo(TaxProfile.of(2025, FilingStatus.SINGLE, d("0")));
  }

  @Test
  void test_new_rejectsImpossibleYear() {
    assertThatThrownBy(() -> TaxProfile.of(25, FilingStatus.SINGLE, d("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("year");
  }
}
