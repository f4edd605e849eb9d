package dev.keel.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests {@link Fmt}: display rounding only. */
class FmtTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "1234.567,    '$1,234.57'",
      "-1234.565,   '-$1,234.57'", // half-up: away from zero
      "0,           '$0.00'",
      "1000000,     '$1,000,000.00'",
      "-0.004,      '$0.00'", // a fraction of a cent: no "-$0.00"
      "-0.005,      '-$0.01'",
      "0.005,       '$0.01'"})
  void test_money(String amount, String expected) {
    assertThat(Fmt.money(new BigDecimal(amount))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "0.4512,      45.12%",
      "0.045125,    4.51%",
      "0.5,         50.00%",
      "1,           100.00%",
      "-0.0743,     -7.43%",
      "-0.0000001,  0.00%"})
  void test_pct(String fraction, String expected) {
    assertThat(Fmt.pct(new BigDecimal(fraction))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"0.0872, +8.72%", "-0.0743, -7.43%", "0, +0.00%", "-0.0000001, 0.00%"})
  void test_signedPct(String fraction, String expected) {
    assertThat(Fmt.signedPct(new BigDecimal(fraction))).isEqualTo(expected);
  }

  /** Issue 8: drift is a difference of weights, in percentage points, not a percentage. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"0.0872, +8.72 pts", "-0.0743, -7.43 pts", "0, +0.00 pts", "-0.0000001, +0.00 pts"})
  void test_signedPts(String fraction, String expected) {
    assertThat(Fmt.signedPts(new BigDecimal(fraction))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"12.500, 12.5", "100, 100", "1E+2, 100", "4.105, 4.105", "0.000, 0"})
  void test_qty(String quantity, String expected) {
    assertThat(Fmt.qty(new BigDecimal(quantity))).isEqualTo(expected);
  }

  /** A quantity in JSON is a number written exactly as shares are shown: no quotes, no exponent, no float. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"12.500, 12.5", "100, 100", "1E+2, 100", "4.105, 4.105", "0.000, 0", "0.00000001, 0.00000001",
      "123456789.123456789, 123456789.123456789"})
  void test_quantity_in_json(String quantity, String expected) {
    assertThat(Fmt.quantity(new BigDecimal(quantity))).isEqualByComparingTo(expected);
    assertThat(Json.write(java.util.Map.of("quantity", Fmt.quantity(new BigDecimal(quantity)))))
        .isEqualToIgnoringWhitespace("{\"quantity\" : " + expected + "}");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"0.3333333333333333333333333333333333, 0.33333333", "0.5, 0.5", "1, 1", "0.123456785, 0.12345679"})
  void test_weight(String fraction, String expected) {
    assertThat(Fmt.weight(new BigDecimal(fraction)).toPlainString()).isEqualTo(expected);
  }
}
