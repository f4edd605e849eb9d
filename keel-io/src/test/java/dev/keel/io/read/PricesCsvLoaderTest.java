package dev.keel.io.read;

import static dev.keel.io.read.Fixtures.load;
import static dev.keel.io.read.Fixtures.loadText;
import static dev.keel.io.read.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.price.PriceTable;
import dev.keel.core.security.Symbol;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests {@link PricesCsvLoader} with one fixture file per case under src/test/resources/prices. */
class PricesCsvLoaderTest {

  private static Loaded<PriceTable> prices(String fixture) {
    return load(PricesCsvLoader::load, "prices.csv", "prices/" + fixture);
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  @Test
  void test_load_good_datedAndUndated() {
    Loaded<PriceTable> loaded = prices("good.csv");

    assertThat(loaded.problems()).isEmpty();
    PriceTable table = loaded.value().orElseThrow();
    assertThat(table.source()).isEqualTo("prices.csv");
    assertThat(table.symbols()).containsExactly(Symbol.of("BND"), Symbol.of("VMFXX"), Symbol.of("VTI"));
    // VTI: the latest dated price on or before the date; none before the first
    assertThat(table.find(Symbol.of("VTI"), date("2026-11-22"))).contains(new java.math.BigDecimal("310.25"));
    assertThat(table.find(Symbol.of("VTI"), date("2026-11-19"))).contains(new java.math.BigDecimal("296.10")); // $ dropped
    assertThat(table.find(Symbol.of("VTI"), date("2025-12-30"))).isEmpty();
    // undated: present-but-empty date and a short row without the date value
    assertThat(table.find(Symbol.of("VMFXX"), date("2000-01-01"))).contains(new java.math.BigDecimal("1.00"));
    assertThat(table.find(Symbol.of("BND"), date("2026-11-22"))).contains(new java.math.BigDecimal("72.5"));
  }

  @Test
  void test_load_noDateColumn_crlf() {
    Loaded<PriceTable> loaded = prices("good-no-date-column.csv");

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow().find(Symbol.of("BND"), date("2026-01-01")))
        .contains(new java.math.BigDecimal("72.10"));
  }

  @Test
  void test_load_byteOrderMark() {
    Loaded<PriceTable> loaded = loadText(PricesCsvLoader::load, "prices.csv", "\uFEFFsymbol,price\nVTI,1\n");

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow().symbols()).containsExactly(Symbol.of("VTI"));
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("bad-duplicate.csv", List.of(
            "prices.csv:4: symbol: \"VTI\" has a second price for 2026-11-20 (first on line 2)",
            "prices.csv:5: symbol: \"BND\" has a second price without a date (first on line 3)",
            "prices.csv:6: symbol: \"VTI\" has a second price for 2026-11-20 (first on line 2)")), // vti is VTI
        Arguments.of("bad-values.csv", List.of(
            "prices.csv:2: price: \"0\" must be greater than zero",
            "prices.csv:3: price: \"-1\" must be greater than zero",
            "prices.csv:4: price: \"abc\" is not a number",
            "prices.csv:5: price: is missing",
            "prices.csv:6: symbol: is missing",
            "prices.csv:7: date: \"2026-11-31\" is not a date; expected YYYY-MM-DD",
            "prices.csv:8: price: \"1,000\" is not a number")),
        Arguments.of("bad-unknown-column.csv", List.of(
            "prices.csv:1: header: \"currency\" is not a known column; expected symbol,price,date")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void test_load_bad_everyProblemWithItsLine(String fixture, List<String> expected) {
    assertThat(messages(prices(fixture))).containsExactlyElementsOf(expected);
  }

  @Test
  void test_load_duplicate_firstPriceKept() {
    PriceTable table = prices("bad-duplicate.csv").value().orElseThrow();

    assertThat(table.find(Symbol.of("VTI"), date("2026-11-20"))).contains(new java.math.BigDecimal("310.25"));
    assertThat(table.find(Symbol.of("VTI"), date("2026-01-01"))).contains(new java.math.BigDecimal("296.10"));
    assertThat(table.find(Symbol.of("BND"), date("2026-01-01"))).contains(new java.math.BigDecimal("72.10"));
  }
}
