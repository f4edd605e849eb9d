package dev.keel.core.tax.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link CapitalGainsInput}: net gains are signed; dividends follow Form 1099-DIV, where
 * ordinary dividends (box 1a) include qualified dividends (box 1b).
 */
class CapitalGainsInputTest {

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void test_none_isAllZero() {
    CapitalGainsInput none = CapitalGainsInput.none();

    assertThat(none.shortTermNet()).isEqualByComparingTo("0");
    assertThat(none.longTermNet()).isEqualByComparingTo("0");
    assertThat(none.qualifiedDividends()).isEqualByComparingTo("0");
    assertThat(none.ordinaryDividends()).isEqualByComparingTo("0");
    assertThat(none.taxableInterest()).isEqualByComparingTo("0");
  }

  @Test
  void test_of_acceptsLossesAsNegative() {
    CapitalGainsInput input = CapitalGainsInput.of(d("-5000"), d("-4000"));

    assertThat(input.shortTermNet()).isEqualByComparingTo("-5000");
    assertThat(input.longTermNet()).isEqualByComparingTo("-4000");
  }

  @Test
  void test_with_copies() {
    CapitalGainsInput input =
        CapitalGainsInput.of(d("100"), d("200"))
            .withDividends(d("1500"), d("1000"))
            .withInterest(d("300"))
            .plusShortTerm(d("-50"))
            .plusLongTerm(d("25"));

    assertThat(input.shortTermNet()).isEqualByComparingTo("50");
    assertThat(input.longTermNet()).isEqualByComparingTo("225");
    assertThat(input.ordinaryDividends()).isEqualByComparingTo("1500");
    assertThat(input.qualifiedDividends()).isEqualByComparingTo("1000");
    assertThat(input.nonQualifiedDividends()).isEqualByComparingTo("500");
    assertThat(input.taxableInterest()).isEqualByComparingTo("300");
  }

  @Test
  void test_new_qualifiedMustNotExceedOrdinaryDividends() {
    assertThatThrownBy(() -> CapitalGainsInput.none().withDividends(d("100"), d("101")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qualifiedDividends")
        .hasMessageContaining("ordinaryDividends");
  }

  @Test
  void test_new_rejectsNegativeIncome() {
    assertThatThrownBy(() -> CapitalGainsInput.none().withInterest(d("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taxableInterest");
    assertThatThrownBy(() -> CapitalGainsInput.none().withDividends(d("-1"), d("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ordinaryDividends");
    assertThatThrownBy(() -> CapitalGainsInput.of(null, d("0")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("shortTermNet");
  }
}
