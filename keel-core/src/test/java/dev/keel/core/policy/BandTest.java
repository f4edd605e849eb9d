package dev.keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.drift.ClassDrift;
import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.SecurityMaster;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Tests {@link Band}: tolerance = min(absolute, relative × target) when both are given (the "5/25" rule). */
class BandTest {

  private static final Band FIVE_TWENTY_FIVE = Band.of("0.05", "0.25");

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @ParameterizedTest(name = "target {0}: tolerance {1}")
  @CsvSource({
      // target, tolerance: min(0.05, 0.25 × target)
      "0.50, 0.05",   // 0.25 × 0.50 = 0.125 > 0.05: the absolute rule binds
      "0.20, 0.05",   // 0.25 × 0.20 = 0.05: both rules agree
      "0.10, 0.025",  // 0.25 × 0.10 = 0.025 < 0.05: the relative rule binds
      "0.05, 0.0125", // 0.25 × 0.05
      "0,    0",      // a zero target tolerates nothing
      "1,    0.05"})
  void test_tolerance_fiveTwentyFive(String target, String tolerance) {
    assertThat(FIVE_TWENTY_FIVE.tolerance(d(target))).isEqualByComparingTo(tolerance);
  }

  @Test
  void test_tolerance_onlyAbsolute_ignoresTarget() {
    Band band = Band.absolute("0.03");

    assertThat(band.tolerance(d("0.50"))).isEqualByComparingTo("0.03");
    assertThat(band.tolerance(d("0.01"))).isEqualByComparingTo("0.03");
    assertThat(band.tolerance(BigDecimal.ZERO)).isEqualByComparingTo("0.03");
  }

  @Test
  void test_tolerance_onlyRelative_scalesWithTarget() {
    Band band = Band.of(null, "0.20");

    assertThat(band.tolerance(d("0.60"))).isEqualByComparingTo("0.12"); // 0.20 × 0.60
    assertThat(band.tolerance(d("0.05"))).isEqualByComparingTo("0.01"); // 0.20 × 0.05
  }

  @Test
  void test_tolerance_relativeIsExact() {
    // No rounding to a fixed scale: 0.25 × 0.0333 = 0.008325.
    assertThat(FIVE_TWENTY_FIVE.tolerance(d("0.0333"))).isEqualByComparingTo("0.008325");
  }

  @Test
  void test_new_neitherGiven_fails() {
    assertThatThrownBy(() -> new Band(Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute or a relative");
  }

  @ParameterizedTest
  @CsvSource({"-0.01,", "1.01,", ",-0.5", ",2"})
  void test_new_outsideZeroToOne_fails(String absolute, String relative) {
    assertThatThrownBy(() -> Band.of(absolute, relative))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance must be between 0 and 1");
  }

  @Test
  void test_new_boundsZeroAndOne_accepted() {
    assertThat(Band.of("0", "1").tolerance(d("0.4"))).isEqualByComparingTo("0");
    assertThat(Band.of("1", null).tolerance(d("0.4"))).isEqualByComparingTo("1");
  }

  /** The edge of the band is inside it; the smallest step past the edge is a breach. */
  static class Edge {

    private static final Policy POLICY = new Policy(
        Map.of(AssetClass.of("stocks"), d("0.50"), AssetClass.of("bonds"), d("0.10"), AssetClass.of("gold"), d("0.40")),
        FIVE_TWENTY_FIVE, Map.of(), CheckCadence.QUARTERLY, Optional.empty(), SecurityMaster.of());

    private static ClassDrift measure(String assetClass, String value) {
      return DriftAnalyzer.measure(POLICY, AssetClass.of(assetClass), d(value), d("1000"));
    }
  }

  @ParameterizedTest(name = "{0} at {1} of 1000: breached {2}")
  @CsvSource({
      // stocks: target 0.50, tolerance 0.05, band [0.45, 0.55]
      "stocks, 550,               false",
      "stocks, 550.0000000000001, true",
      "stocks, 450,               false",
      "stocks, 449.9999999999999, true",
      "stocks, 500,               false",
      // bonds: target 0.10, tolerance 0.025, band [0.075, 0.125]
      "bonds,  125,               false",
      "bonds,  125.000000000001,  true",
      "bonds,  75,                false",
      "bonds,  74.999999999999,   true"})
  void test_breached_exactlyOnEdgeIsInside(String assetClass, String value, boolean breached) {
    ClassDrift drift = Edge.measure(assetClass, value);

    assertThat(drift.breached()).isEqualTo(breached);
  }

  @Test
  void test_bounds_shownBand() {
    ClassDrift bonds = Edge.measure("bonds", "100");

    assertThat(bonds.tolerance()).isEqualByComparingTo("0.025");
    assertThat(bonds.lower()).isEqualByComparingTo("0.075");
    assertThat(bonds.upper()).isEqualByComparingTo("0.125");
  }

  @Test
  void test_bounds_clippedToZeroAndOne() {
    Policy policy = new Policy(Map.of(AssetClass.of("stocks"), d("0.98"), AssetClass.of("bonds"), d("0.02")),
        Band.absolute("0.05"), Map.of(), CheckCadence.QUARTERLY, Optional.empty(), SecurityMaster.of());

    ClassDrift stocks = DriftAnalyzer.measure(policy, AssetClass.of("stocks"), d("98"), d("100"));
    ClassDrift bonds = DriftAnalyzer.measure(policy, AssetClass.of("bonds"), d("2"), d("100"));

    assertThat(stocks.lower()).isEqualByComparingTo("0.93");
    assertThat(stocks.upper()).isEqualByComparingTo("1");
    assertThat(bonds.lower()).isEqualByComparingTo("0");
    assertThat(bonds.upper()).isEqualByComparingTo("0.07");
  }
}
