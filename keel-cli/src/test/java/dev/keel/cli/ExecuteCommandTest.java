package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.io.report.Json;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel execute and keel broker-reconcile run against a fake Alpaca on loopback. */
class ExecuteCommandTest {

  static final String KEY = "PKCLITEST";
  static final String SECRET = "cli-secret-never-printed";

  FakeAlpacaServer fake;
  FakeAlpacaServer.FakeAccount account;
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    fake = FakeAlpacaServer.start();
    account = fake.account(KEY, SECRET, "PA0000001", new BigDecimal("1000"));
    account.position("VTI", "60", "200").position("VTI", "100", "220");
    fake.price("VTI", "300.00");
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
    ExecuteCommand.input = () -> new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8);
    fake.close();
  }

  /** The proposal keel rebalance writes for the folder: all stocks, no bonds, so it sells VTI and buys BND. */
  Path proposal() throws IOException {
    CliRun run = CliRun.of("rebalance", dir.toString(), "--as-of", "2026-11-30", "--force", "--format", "json");
    assertThat(run.status()).as(run.err()).isZero();
    Path file = dir.resolve("proposal.json");
    Files.writeString(file, run.out());
    return file;
  }

  @Test
  void test_execute_trades_books_and_reconciles_clean_and_a_rerun_places_nothing() throws IOException {
    Path proposal = proposal();
    JsonNode trades = Json.mapper().readTree(Files.readString(proposal)).get("trades");
    assertThat(trades.size()).isPositive();

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", proposal.toString(), "--broker", "alpaca-paper",
        "--yes", "--wait", "1");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("executed: every trade filled").contains("Booked " + trades.size() + " fills")
        .contains("Reconciled joint with the broker: the ledger matches (positions and cash).");
    assertThat(run.out() + run.err()).doesNotContain(SECRET);
    assertThat(account.orderCount()).isEqualTo(trades.size());
    List<String> rows = Files.readAllLines(dir.resolve("transactions.csv"));
    assertThat(rows).hasSize(1 + trades.size());
    assertThat(rows.get(1)).contains(",joint,sell,VTI,");

    CliRun again = CliRun.of("execute", dir.toString(), "--proposal", proposal.toString(), "--broker", "alpaca-paper",
        "--yes", "--wait", "1");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.out()).contains("Booked 0 fills");
    assertThat(account.orderCount()).isEqualTo(trades.size());
    assertThat(Files.readAllLines(dir.resolve("transactions.csv"))).hasSize(1 + trades.size());

    CliRun reconcile = CliRun.of("broker-reconcile", dir.toString(), "--as-of", "2026-11-30");
    assertThat(reconcile.status()).as(reconcile.out() + reconcile.err()).isZero();
    assertThat(reconcile.out()).contains("the ledger matches the broker");
  }

  @Test
  void test_a_second_run_at_the_same_time_is_refused() throws Exception {
    Path proposal = proposal();
    java.util.Optional<AutoCloseable> held = new dev.keel.broker.folder.FolderExecution(dir).lock();
    assertThat(held).isPresent();
    try (AutoCloseable lock = held.get()) {
      CliRun run = CliRun.of("execute", dir.toString(), "--proposal", proposal.toString(), "--broker", "alpaca-paper",
          "--yes");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("another keel execute is running");
      assertThat(account.orderCount()).isZero();
    }
  }

  @Test
  void test_reconcile_lists_differences_and_adjusts_nothing() throws IOException {
    account.position("VTI", "90", "220");
    String before = Files.readString(dir.resolve("transactions.csv"));

    CliRun run = CliRun.of("broker-reconcile", dir.toString(), "--as-of", "2026-11-30");

    assertThat(run.status()).isEqualTo(3);
    assertThat(run.out()).contains("joint VTI: ledger 100, broker 90");
    assertThat(Files.readString(dir.resolve("transactions.csv"))).isEqualTo(before);
  }

  @Test
  void test_without_yes_a_no_sends_nothing() throws IOException {
    Path proposal = proposal();
    ExecuteCommand.input = () -> new StringReader("n\n");

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", proposal.toString(), "--broker", "alpaca-paper");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Place these orders? [y/N]").contains("Nothing was sent.");
    assertThat(account.orderCount()).isZero();
  }

  @Test
  void test_the_live_endpoint_needs_alpaca_live() throws IOException {
    Path proposal = proposal();
    ExecuteCommand.environment = () -> Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET,
        "APCA_API_BASE_URL", "https://api.alpaca.markets");

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", proposal.toString(), "--broker", "alpaca-paper",
        "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("live trading needs --broker alpaca-live").doesNotContain(SECRET);
    assertThat(account.orderCount()).isZero();
  }

  @Test
  void test_a_broker_account_other_than_declared_sends_nothing() throws IOException {
    Path proposal = proposal();
    Files.writeString(dir.resolve("household.yaml"),
        Files.readString(dir.resolve("household.yaml")).replace("PA0000001", "PA9999999"));

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", proposal.toString(), "--broker", "alpaca-paper",
        "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("declares broker_account PA9999999 but the APCA_API_* keys open account PA0000001");
    assertThat(account.orderCount()).isZero();
  }

  @Test
  void test_bad_proposal_reports_every_problem_and_sends_nothing() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"as_of\": \"2026-11-3\", \"trades\": [{\"account\": \"nope\", \"symbol\": \"VTI\","
        + " \"side\": \"hold\", \"quantity\": \"-1\"}]}");

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", bad.toString(), "--broker", "alpaca-paper", "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("as_of").contains("trades[0].side: \"hold\" is not one of buy, sell")
        .contains("trades[0].quantity: \"-1\" must be greater than zero");
    assertThat(account.orderCount()).isZero();
  }

  @Test
  void test_order_file_workflow_writes_orders_then_books_the_fills_brought_back() throws IOException {
    Files.writeString(dir.resolve("household.yaml"),
        Files.readString(dir.resolve("household.yaml")).replace("broker: alpaca", "broker: file"));
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, "account,symbol,side,quantity,order_type,limit_price,lot_id\n"
        + "joint,VTI,sell,10,market,,L2\n"
        + "joint,BND,buy,20,market,,\n");

    CliRun first = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");

    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out()).contains("in progress");
    Path out;
    try (Stream<Path> files = Files.list(dir)) {
      out = files.filter(f -> f.getFileName().toString().startsWith("orders-")).findFirst().orElseThrow();
    }
    List<String> keyed = Files.readAllLines(out);
    // The sale only: the purchase waits for the sale's cash ($1,000 < 20 × 72.50).
    assertThat(keyed).hasSize(2);
    // A limit collared around prices.csv's latest VTI price (an order file has no market data): 300 × 0.995.
    assertThat(keyed.get(1)).contains(",joint,PA0000001,VTI,sell,10,limit,298.50,L2:10");
    String sellId = keyed.get(1).split(",")[0];

    Files.writeString(dir.resolve("fills.csv"), "client_order_id,date,quantity,price,fees\n"
        + sellId + ",2026-11-30,10,301.25,0.05\n");
    CliRun second = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");
    assertThat(second.status()).as(second.err()).isZero();
    keyed = Files.readAllLines(out);
    assertThat(keyed).hasSize(3);
    String buyId = keyed.get(2).split(",")[0];
    Files.writeString(dir.resolve("fills.csv"), buyId + ",2026-11-30,20,72.40,\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun third = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");

    assertThat(third.status()).as(third.err()).isZero();
    assertThat(third.out()).contains("executed: every trade filled");
    List<String> rows = Files.readAllLines(dir.resolve("transactions.csv"));
    assertThat(rows).containsExactly("date,account,action,symbol,quantity,price,amount,fees,lot_id",
        "2026-11-30,joint,sell,VTI,10,301.25,,0.05,L2",
        "2026-11-30,joint,buy,BND,20,72.4,,," + buyId + "-f1");

    // A fills file that says more was filled than the order asked for is refused before anything is booked.
    Files.writeString(dir.resolve("fills.csv"), sellId + ",2026-11-30,1,301.25,\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun fourth = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");
    assertThat(fourth.status()).isEqualTo(2);
    assertThat(fourth.err()).contains("fills.csv:4: quantity: \"1\" makes 11 filled of an order for 10");
    assertThat(Files.readAllLines(dir.resolve("transactions.csv"))).hasSize(3);
  }
}
