package dev.keel.io.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.problem.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Tests {@link Cell}: typed values or a problem naming file, line, field and value. */
class CellTest {

  private final List<Problem> problems = new ArrayList<>();

  private Cell cell(String raw) {
    return new Cell("f.csv", 7, "amount", raw, problems);
  }

  private List<String> messages() {
    return problems.stream().map(Problem::toString).toList();
  }

  @ParameterizedTest
  @CsvSource({"1234.56, 1234.56", "'$1234.56', 1234.56", "' 4.105 ', 4.105", "0.000001, 0.000001", "-3, -3", "+2, 2"})
  void test_decimal_accepted_exact(String raw, String expected) {
    assertThat(cell(raw).decimal()).contains(new BigDecimal(expected));
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"'1,234.56'", "1O0", "$", "12 34", "'$ 5'", "USD5"})
  void test_decimal_rejected(String raw) {
    assertThat(cell(raw).decimal()).isEmpty();
    assertThat(messages()).containsExactly("f.csv:7: amount: \"" + raw.trim() + "\" is not a number");
  }

  @Test
  void test_blank_noValueNoProblem_unlessRequired() {
    assertThat(cell("  ").decimal()).isEmpty();
    assertThat(cell(null).date()).isEmpty();
    assertThat(problems).isEmpty();

    assertThat(cell("").requiredDecimal()).isEmpty();
    assertThat(messages()).containsExactly("f.csv:7: amount: is missing");
  }

  @Test
  void test_positive_nonNegative_fraction() {
    assertThat(cell("0").positive()).isEmpty();
    assertThat(cell("0").nonNegative()).contains(BigDecimal.ZERO);
    assertThat(cell("-0.01").nonNegative()).isEmpty();
    assertThat(cell("1").fraction()).contains(BigDecimal.ONE);
    assertThat(cell("1.0001").fraction()).isEmpty();
    assertThat(messages()).containsExactly(
        "f.csv:7: amount: \"0\" must be greater than zero",
        "f.csv:7: amount: \"-0.01\" must not be negative",
        "f.csv:7: amount: \"1.0001\" must be a fraction between 0 and 1 (0.25 for 25%)");
  }

  @Test
  void test_date_bool_wholeNumber() {
    assertThat(cell("2028-02-29").date()).hasValueSatisfying(d -> assertThat(d.getDayOfMonth()).isEqualTo(29));
    assertThat(cell("2026-02-29").date()).isEmpty();
    assertThat(cell("Yes").bool()).contains(true);
    assertThat(cell("no").bool()).contains(false);
    assertThat(cell("30.0").wholeNumber()).contains(30);
    assertThat(cell("30.5").wholeNumber()).isEmpty();
    assertThat(messages()).containsExactly(
        "f.csv:7: amount: \"2026-02-29\" is not a date; expected YYYY-MM-DD",
        "f.csv:7: amount: \"30.5\" is not a whole number");
  }
}
