package dev.keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests {@link Policy}: validation, bands per class, cash as a class, and when a check is due. */
class PolicyTest {

  private static final AssetClass US = AssetClass.of("us_stocks");
  private static final AssetClass BONDS = AssetClass.of("bonds");
  private static final AssetClass REITS = AssetClass.of("reits");

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static Map<AssetClass, BigDecimal> targets(Object... classAndWeight) {
    Map<AssetClass, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < classAndWeight.length; i += 2) {
      out.put(AssetClass.of((String) classAndWeight[i]), d((String) classAndWeight[i + 1]));
    }
    return out;
  }

  private static Policy policy(CheckCadence cadence, Optional<LocalDate> lastChecked) {
    return new Policy(targets("us_stocks", "0.70", "bonds", "0.25", "reits", "0.05"), Band.of("0.05", "0.25"),
        Map.of(REITS, Band.absolute("0.02")), cadence, lastChecked,
        SecurityMaster.of(Security.of("VTI", "us_stocks"), Security.of("BND", "bonds"), Security.of("VNQ", "reits")));
  }

  @ParameterizedTest(name = "last checked {1}, {0}: due on {2} is {3}")
  @CsvSource({
      "QUARTERLY, 2026-08-15, 2026-11-14, false",
      "QUARTERLY, 2026-08-15, 2026-11-15, true", // on the next check date
      "QUARTERLY, 2026-08-15, 2027-03-01, true", // any time after
      "QUARTERLY, 2026-08-15, 2026-08-15, false",
      "MONTHLY,   2026-01-31, 2026-02-27, false",
      "MONTHLY,   2026-01-31, 2026-02-28, true", // month end
      "DAILY,     2026-05-01, 2026-05-01, false",
      "DAILY,     2026-05-01, 2026-05-02, true",
      "WEEKLY,    2026-05-01, 2026-05-07, false",
      "WEEKLY,    2026-05-01, 2026-05-08, true",
      "ANNUALLY,  2025-12-31, 2026-12-30, false",
      "ANNUALLY,  2025-12-31, 2026-12-31, true"})
  void test_checkDue(CheckCadence cadence, LocalDate lastChecked, LocalDate asOf, boolean due) {
    Policy policy = policy(cadence, Optional.of(lastChecked));

    assertThat(policy.checkDue(asOf)).isEqualTo(due);
    assertThat(policy.nextCheck()).contains(cadence.next(lastChecked));
  }

  @Test
  void test_checkDue_neverChecked_alwaysDue() {
    Policy policy = policy(CheckCadence.QUARTERLY, Optional.empty());

    assertThat(policy.checkDue(LocalDate.of(2026, 1, 1))).isTrue();
    assertThat(policy.nextCheck()).isEmpty();
  }

  @Test
  void test_checkDue_asOfBeforeLastCheck_notDue() {
    // Analysing an earlier date than the last check: the next check is still in the future.
    Policy policy = policy(CheckCadence.DAILY, Optional.of(LocalDate.of(2026, 8, 15)));

    assertThat(policy.checkDue(LocalDate.of(2026, 1, 1))).isFalse();
  }

  @Test
  void test_bandFor_overrideElseDefault() {
    Policy policy = policy(CheckCadence.QUARTERLY, Optional.empty());

    // The REIT override gives absolute alone: the policy's relative 0.25 stays.
    assertThat(policy.bandFor(REITS)).isEqualTo(Band.of("0.02", "0.25"));
    assertThat(policy.bandFor(US)).isEqualTo(Band.of("0.05", "0.25"));
    assertThat(policy.bandFor(AssetClass.of("gold"))).isEqualTo(Band.of("0.05", "0.25"));
  }

  @Test
  void test_bandFor_overrideOfRelativeAloneKeepsAbsolute() {
    // Policy 5/25; bonds override relative 0.40 only. Bonds' band is min(0.05, 0.40 × 0.25 = 0.10)
    // = 0.05, not 0.10 as it was when an override replaced the whole band.
    Policy policy = new Policy(targets("us_stocks", "0.70", "bonds", "0.25", "reits", "0.05"), Band.of("0.05", "0.25"),
        Map.of(BONDS, Band.of(null, "0.40")), CheckCadence.QUARTERLY, Optional.empty(), policy(CheckCadence.QUARTERLY,
            Optional.empty()).securities());

    assertThat(policy.bandFor(BONDS)).isEqualTo(Band.of("0.05", "0.40"));
    assertThat(policy.bandFor(BONDS).tolerance(new java.math.BigDecimal("0.25"))).isEqualByComparingTo("0.05");
  }

  @Test
  void test_targetOf_untargetedIsZero() {
    Policy policy = policy(CheckCadence.QUARTERLY, Optional.empty());

    assertThat(policy.targetOf(BONDS)).isEqualByComparingTo("0.25");
    assertThat(policy.targetOf(AssetClass.of("gold"))).isEqualByComparingTo("0");
  }

  @Test
  void test_targets_keepUserOrder() {
    Policy policy = policy(CheckCadence.QUARTERLY, Optional.empty());

    assertThat(policy.targets().keySet()).containsExactly(US, BONDS, REITS);
  }

  @Test
  void test_targetsCash() {
    Policy without = policy(CheckCadence.QUARTERLY, Optional.empty());
    Policy with = new Policy(targets("us_stocks", "0.97", "cash", "0.03"), Band.absolute("0.05"), Map.of(),
        CheckCadence.QUARTERLY, Optional.empty(), SecurityMaster.of());

    assertThat(without.targetsCash()).isFalse();
    assertThat(with.targetsCash()).isTrue();
  }

  @Test
  void test_new_targetsNotSummingToOne_fails() {
    assertThatThrownBy(() -> new Policy(targets("us_stocks", "0.50", "bonds", "0.47"), Band.absolute("0.05"), Map.of(),
        CheckCadence.QUARTERLY, Optional.empty(), SecurityMaster.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("targets must sum to 1, not 0.97");
  }

  @Test
  void test_new_targetsSumComparedByValue() {
    // 0.500 + 0.50 = 1.000: equal to one whatever the scale.
    Policy policy = new Policy(targets("us_stocks", "0.500", "bonds", "0.50"), Band.absolute("0.05"), Map.of(),
        CheckCadence.QUARTERLY, Optional.empty(), SecurityMaster.of());

    assertThat(policy.targets()).hasSize(2);
  }

  @Test
  void test_new_negativeTarget_fails() {
    assertThatThrownBy(() -> new Policy(targets("us_stocks", "1.10", "bonds", "-0.10"), Band.absolute("0.05"), Map.of(),
        CheckCadence.QUARTERLY, Optional.empty(), SecurityMaster.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1");
  }

  @Test
  void test_targets_unmodifiable() {
    Policy policy = policy(CheckCadence.QUARTERLY, Optional.empty());

    assertThatThrownBy(() -> policy.targets().put(AssetClass.of("gold"), BigDecimal.ONE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(policy.targets().values())).hasSize(3);
  }
}
