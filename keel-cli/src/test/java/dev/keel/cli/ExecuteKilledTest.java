package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.fake.FakeAlpacaServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel execute in its own JVM, killed (SIGKILL) in the middle of trading, then run again: no order
 * placed twice, none forgotten, and the books equal the broker's positions.
 */
class ExecuteKilledTest {

  @Test
  void test_killed_mid_run_and_run_again(@TempDir Path dir) throws Exception {
    try (FakeAlpacaServer fake = FakeAlpacaServer.start()) {
      FakeAlpacaServer.FakeAccount account = fake.account("PKKILL", "kill-secret", "PA0000001", new BigDecimal("1000"));
      account.position("VTI", "100", "220");
      fake.price("VTI", "300.00");
      fake.price("ITOT", "120.00");
      fake.price("BND", "72.50");
      try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "broker-household"))) {
        for (Path f : files.toList()) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
      Path orders = dir.resolve("orders.csv");
      Files.writeString(orders, "account,symbol,side,quantity,price\n"
          + "joint,VTI,sell,10,300\njoint,VTI,sell,5,300\njoint,ITOT,buy,4,120\njoint,BND,buy,8,72.50\n"
          + "joint,BND,buy,6,72.50\njoint,ITOT,buy,3,120\n");
      // Slow answers, so that the run is still trading when it is killed.
      fake.latency(Duration.ofMillis(150));

      Process first = start(dir, orders, fake);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (account.placements().size() < 2 && System.nanoTime() < deadline && first.isAlive()) {
        Thread.sleep(20);
      }
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      int placedBeforeKill = account.placements().size();
      assertThat(placedBeforeKill).isBetween(2, 5);

      fake.latency(Duration.ZERO);
      Process second = start(dir, orders, fake);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(second.getInputStream().readAllBytes());

      assertThat(second.exitValue()).as(out).isZero();
      assertThat(out).contains("executed: every trade filled").contains("the ledger matches");
      assertThat(account.placements()).hasSize(6).doesNotHaveDuplicates();
      assertThat(account.positions()).containsEntry("VTI", new BigDecimal("85"));
      List<String> rows = Files.readAllLines(dir.resolve("transactions.csv"));
      assertThat(rows).hasSize(7);
    }
  }

  private static Process start(Path dir, Path orders, FakeAlpacaServer fake) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KeelCli.class.getName(),
        "execute", dir.toString(), "--proposal", orders.toString(), "--broker", "alpaca-paper", "--yes", "--wait", "5",
        "--order-type", "market");
    Map<String, String> env = pb.environment();
    env.put("APCA_API_KEY_ID", "PKKILL");
    env.put("APCA_API_SECRET_KEY", "kill-secret");
    env.put("APCA_API_BASE_URL", fake.url().toString());
    env.put("APCA_API_DATA_URL", fake.url().toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
    return pb.start();
  }
}
