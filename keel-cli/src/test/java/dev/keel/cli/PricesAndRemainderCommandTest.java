package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.io.report.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel prices --from alpaca and the remainder keel execute leaves, run against a fake Alpaca on loopback. */
class PricesAndRemainderCommandTest {

  static final String KEY = "PKPRICES";
  static final String SECRET = "prices-secret-never-printed";

  FakeAlpacaServer fake;
  FakeAlpacaServer.FakeAccount account;
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    fake = FakeAlpacaServer.start();
    account = fake.account(KEY, SECRET, "PA0000001", new BigDecimal("1000"));
    account.position("VTI", "60", "200").position("VTI", "100", "220");
    fake.price("VTI", "301.25");
    fake.price("ITOT", "120.00");
    fake.price("BND", "72.50");
    try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "broker-household"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    ExecuteCommand.environment = () -> Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET,
        "APCA_API_BASE_URL", fake.url().toString(), "APCA_API_DATA_URL", fake.url().toString());
  }

  @AfterEach
  void stop() {
    ExecuteCommand.environment = System::getenv;
    fake.close();
  }

  @Test
  void test_prices_from_alpaca_appends_each_latest_trade_dated_by_its_new_york_day() throws IOException {
    CliRun run = CliRun.of("prices", dir.toString(), "--from", "alpaca");

    assertThat(run.status()).as(run.err()).isZero();
    String today = LocalDate.now(ZoneId.of("America/New_York")).toString();
    assertThat(run.out()).contains("VTI 301.25 on " + today).contains("(alpaca latest trade (exchange V))")
        .contains("prices.csv: 3 added, 0 replaced");
    assertThat(run.out() + run.err()).doesNotContain(SECRET);
    List<String> rows = Files.readAllLines(dir.resolve("prices.csv"));
    assertThat(rows).contains("VTI,301.25," + today, "ITOT,120.00," + today, "BND,72.50," + today)
        .contains("VTI,300.00,2026-11-27");

    fake.price("VTI", "302.00");
    CliRun again = CliRun.of("prices", dir.toString(), "--from", "alpaca");
    assertThat(again.out()).contains("prices.csv: 0 added, 3 replaced");
    assertThat(Files.readAllLines(dir.resolve("prices.csv"))).contains("VTI,302.00," + today).hasSize(rows.size());
  }

  @Test
  void test_prices_dry_run_changes_nothing_and_a_bad_source_is_a_usage_error() throws IOException {
    String before = Files.readString(dir.resolve("prices.csv"));

    CliRun dry = CliRun.of("prices", dir.toString(), "--from", "alpaca", "--dry-run");
    CliRun bad = CliRun.of("prices", dir.toString(), "--from", "yahoo");

    assertThat(dry.status()).isZero();
    assertThat(dry.out()).contains("Dry run");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--from: \"yahoo\" is not one of alpaca");
    assertThat(Files.readString(dir.resolve("prices.csv"))).isEqualTo(before);
  }

  @Test
  void test_prices_without_keys_names_the_variables_not_their_values() throws IOException {
    ExecuteCommand.environment = () -> Map.of("APCA_API_DATA_URL", fake.url().toString());

    CliRun run = CliRun.of("prices", dir.toString(), "--from", "alpaca");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("APCA_API_KEY_ID is not set").contains("APCA_API_SECRET_KEY is not set");
  }

  @Test
  void test_prices_with_a_wrong_secret_is_refused_without_printing_it_and_changes_nothing() throws IOException {
    String before = Files.readString(dir.resolve("prices.csv"));
    ExecuteCommand.environment = () -> Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", "wrong-secret-value",
        "APCA_API_BASE_URL", fake.url().toString(), "APCA_API_DATA_URL", fake.url().toString());

    CliRun run = CliRun.of("prices", dir.toString(), "--from", "alpaca");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("the broker's market data could not be reached").contains("not authorized")
        .contains("prices.csv was not changed");
    assertThat(run.out() + run.err()).doesNotContain("wrong-secret-value").doesNotContain(SECRET);
    assertThat(Files.readString(dir.resolve("prices.csv"))).isEqualTo(before);
  }

  @Test
  void test_execute_writes_what_a_rejection_left_as_machine_readable_remainder() throws IOException {
    fake.reject("BND", 403, 40310000, "trading is halted for BND");
    CliRun proposal = CliRun.of("rebalance", dir.toString(), "--as-of", "2026-11-30", "--force", "--format", "json");
    assertThat(proposal.status()).as(proposal.err()).isZero();
    Path file = dir.resolve("proposal.json");
    Files.writeString(file, proposal.out());

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", file.toString(), "--broker", "alpaca-paper",
        "--yes", "--wait", "1");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("partly executed").contains("What is left, machine-readable: ");
    Path remainder;
    try (Stream<Path> files = Files.list(dir.resolve(".keel"))) {
      remainder = files.filter(f -> f.getFileName().toString().endsWith("-remaining.json")).findFirst().orElseThrow();
    }
    JsonNode json = Json.mapper().readTree(Files.readString(remainder));
    assertThat(json.get("status").asText()).isEqualTo("partly_executed");
    assertThat(json.get("as_of").asText()).isEqualTo("2026-11-30");
    assertThat(json.get("working")).isEmpty();
    JsonNode left = json.get("remaining");
    assertThat(left).hasSize(1);
    assertThat(left.get(0).get("symbol").asText()).isEqualTo("BND");
    assertThat(left.get(0).get("side").asText()).isEqualTo("buy");
    assertThat(left.get(0).get("filled").asText()).isEqualTo("0");
    assertThat(left.get(0).get("status").asText()).isEqualTo("rejected");
    assertThat(left.get(0).get("reason").asText()).contains("trading is halted for BND");
    assertThat(new BigDecimal(left.get(0).get("remaining").asText())).isEqualTo(
        new BigDecimal(left.get(0).get("planned").asText()));
  }
}
