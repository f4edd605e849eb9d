package dev.keel.broker.price;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.price.PriceTable;
import dev.keel.core.security.Symbol;
import dev.keel.io.read.Loaded;
import dev.keel.io.read.PricesCsvLoader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesCsvAppenderTest {

  @TempDir Path dir;

  static LatestPrice trade(String symbol, String price, String instant) {
    return LatestPrice.ofTrade(Symbol.of(symbol), new BigDecimal(price), Instant.parse(instant), "alpaca latest trade");
  }

  @Test
  void test_append_adds_dated_rows_and_replaces_the_same_symbol_and_day() throws IOException {
    Path file = dir.resolve("prices.csv");
    Files.writeString(file, "symbol,price,date\nVTI,296.10,2025-12-31\nBND,72.00,2026-11-30\n");

    // 2026-12-01T02:30Z is still 2026-11-30 in New York (21:30 EST): the BND row of that day is replaced.
    PricesCsvAppender.Outcome outcome = PricesCsvAppender.append(file, List.of(
        trade("VTI", "301.25", "2026-11-30T20:59:59Z"), trade("BND", "72.45", "2026-12-01T02:30:00Z")));

    assertThat(outcome).isEqualTo(new PricesCsvAppender.Outcome(1, 1));
    assertThat(Files.readAllLines(file)).containsExactly("symbol,price,date", "VTI,296.10,2025-12-31",
        "BND,72.45,2026-11-30", "VTI,301.25,2026-11-30");
    Loaded<PriceTable> loaded = PricesCsvLoader.load("prices.csv", new StringReader(Files.readString(file)));
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow().find(Symbol.of("VTI"), LocalDate.of(2026, 11, 30))).contains(
        new BigDecimal("301.25"));
    assertThat(dir.resolve("prices.csv.tmp")).doesNotExist();
  }

  @Test
  void test_a_file_without_a_date_column_gains_one_and_keeps_its_undated_rows() throws IOException {
    Path file = dir.resolve("prices.csv");
    Files.writeString(file, "symbol,price\nVTI,296.10\n");

    PricesCsvAppender.append(file, List.of(trade("VTI", "301.25", "2026-11-30T20:59:59Z")));

    assertThat(Files.readAllLines(file)).containsExactly("symbol,price,date", "VTI,296.10,", "VTI,301.25,2026-11-30");
    assertThat(PricesCsvLoader.load("prices.csv", new StringReader(Files.readString(file))).problems()).isEmpty();
  }

  @Test
  void test_a_missing_file_is_created() throws IOException {
    Path file = dir.resolve("prices.csv");

    PricesCsvAppender.append(file, List.of(trade("BND", "72.45", "2026-11-30T15:00:00Z")));

    assertThat(Files.readAllLines(file)).containsExactly("symbol,price,date", "BND,72.45,2026-11-30");
  }
}
