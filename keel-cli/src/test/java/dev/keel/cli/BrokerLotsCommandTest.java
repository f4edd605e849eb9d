package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.fake.FakeAlpacaServer;
import java.io.IOException;
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

/** Which lots a sale relieves when the broker, not the proposal, decides (lots.csv: L1 60 at $200, L2 40 at $250). */
class BrokerLotsCommandTest {

  static final String KEY = "PKLOTS";
  static final String SECRET = "lots-secret-never-printed";

  FakeAlpacaServer fake;
  FakeAlpacaServer.FakeAccount account;
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    fake = FakeAlpacaServer.start();
    account = fake.account(KEY, SECRET, "PA0000001", new BigDecimal("1000"));
    account.position("VTI", "100", "220");
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
    fake.close();
  }

  @Test
  void test_alpaca_sales_are_booked_with_the_lots_the_brokers_fifo_relieves_and_reconcile_clean() throws IOException {
    // The household would relieve the costliest lot (L2) first; Alpaca relieves first in, first out (L1).
    Files.writeString(dir.resolve("household.yaml"),
        Files.readString(dir.resolve("household.yaml")).replace("    lot_method: fifo\n", "    lot_method: hifo\n"));
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, "account,symbol,side,quantity,order_type,limit_price,lot_id\n"
        + "joint,VTI,sell,70,market,,L2\n");

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "alpaca-paper",
        "--yes", "--wait", "1");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).contains("the broker relieves lots by fifo but household.yaml's lot_method is hifo")
        .contains("keel execute books its sales with the lots fifo relieves");
    List<String> rows = Files.readAllLines(dir.resolve("transactions.csv"));
    // 70 shares first in, first out: all 60 of L1, then 10 of L2 (the proposal's L2 is not what Alpaca sold).
    assertThat(rows.subList(1, rows.size())).extracting(r -> r.substring(r.indexOf(",sell,")))
        .containsExactly(",sell,VTI,60,300,,,L1", ",sell,VTI,10,300,,,L2");
    CliRun reconcile = CliRun.of("broker-reconcile", dir.toString(), "--as-of", "2026-11-30");
    assertThat(reconcile.status()).as(reconcile.out() + reconcile.err()).isZero();
    assertThat(reconcile.out()).contains("the ledger matches the broker");
  }

  @Test
  void test_an_order_file_fill_names_the_lot_the_custodian_relieved_and_a_different_one_is_reported() throws IOException {
    Files.writeString(dir.resolve("household.yaml"),
        Files.readString(dir.resolve("household.yaml")).replace("broker: alpaca", "broker: file"));
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, "account,symbol,side,quantity,order_type,limit_price,lot_id\n"
        + "joint,VTI,sell,10,market,,L2\n");
    CliRun first = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");
    assertThat(first.status()).as(first.err()).isZero();
    String sellId;
    try (Stream<Path> files = Files.list(dir)) {
      Path out = files.filter(f -> f.getFileName().toString().startsWith("orders-")).findFirst().orElseThrow();
      sellId = Files.readAllLines(out).get(1).split(",")[0];
    }
    Files.writeString(dir.resolve("fills.csv"), "client_order_id,date,quantity,price,fees,lot_id\n"
        + sellId + ",2026-11-30,6,301.25,0.05,L1\n"
        + sellId + ",2026-11-30,4,301.25,,L2\n");

    CliRun second = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");

    assertThat(second.status()).as(second.err()).isZero();
    assertThat(second.out()).contains("the broker relieved lot L1, not the proposal's L2");
    assertThat(Files.readAllLines(dir.resolve("transactions.csv"))).containsExactly(
        "date,account,action,symbol,quantity,price,amount,fees,lot_id",
        "2026-11-30,joint,sell,VTI,6,301.25,,0.05,L1",
        "2026-11-30,joint,sell,VTI,4,301.25,,,L2");
  }

  @Test
  void test_a_lot_the_account_does_not_hold_or_too_many_shares_of_one_are_refused_before_booking() throws IOException {
    Files.writeString(dir.resolve("household.yaml"),
        Files.readString(dir.resolve("household.yaml")).replace("broker: alpaca", "broker: file"));
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, "account,symbol,side,quantity,order_type,limit_price,lot_id\njoint,VTI,sell,50,market,,L2\n");
    CliRun first = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");
    assertThat(first.status()).as(first.err()).isZero();
    String sellId;
    try (Stream<Path> files = Files.list(dir)) {
      Path out = files.filter(f -> f.getFileName().toString().startsWith("orders-")).findFirst().orElseThrow();
      sellId = Files.readAllLines(out).get(1).split(",")[0];
    }
    String before = Files.readString(dir.resolve("transactions.csv"));
    // L2 holds 40 shares; L9 is no lot of joint's VTI.
    Files.writeString(dir.resolve("fills.csv"), "client_order_id,date,quantity,price,fees,lot_id\n"
        + sellId + ",2026-11-30,45,301.25,,L2\n"
        + sellId + ",2026-11-30,5,301.25,,L9\n");

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("fills.csv:2: quantity: \"45\" takes 45 shares from lot L2, which holds 40")
        .contains("fills.csv:3: lot_id: \"L9\" is not an open VTI lot of joint");
    assertThat(Files.readString(dir.resolve("transactions.csv"))).isEqualTo(before);
  }

  @Test
  void test_a_bad_lot_id_in_the_fills_file_is_reported_with_its_line() throws IOException {
    Files.writeString(dir.resolve("household.yaml"),
        Files.readString(dir.resolve("household.yaml")).replace("broker: alpaca", "broker: file"));
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, "account,symbol,side,quantity,order_type,limit_price,lot_id\njoint,VTI,sell,10,market,,L2\n");
    Files.writeString(dir.resolve("fills.csv"), "client_order_id,date,quantity,price,fees,lot_id\n"
        + "x,2026-11-30,6,301.25,0.05,L 1\n");

    CliRun run = CliRun.of("execute", dir.toString(), "--proposal", orders.toString(), "--broker", "file", "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("fills.csv:2: lot_id: \"L 1\" is not a valid lot id");
  }
}
