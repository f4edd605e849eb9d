package dev.keel.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.Database;
import dev.keel.store.Store;
import dev.keel.store.TestDatabases;
import dev.keel.store.household.Examples;
import dev.keel.store.household.FolderFiles;
import dev.keel.store.household.HouseholdId;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanning server processes killed with SIGKILL mid-scan, and two scanning together, on one
 * database. The number of households is {@code keel.reliability.households} (default 30; the
 * issue's figure, 1,000, is run the same way: -Dkeel.reliability.households=1000).
 */
class ReliabilityTest {

  static final int HOUSEHOLDS = Integer.getInteger("keel.reliability.households", 30);
  static final String AS_OF = "2026-11-22";

  @Nested
  class OnH2 extends Cases {
    @TempDir Path dir;

    @Override
    Target target() {
      // AUTO_SERVER: the first process to open the file serves it to the others, as separate servers would need.
      String url = "jdbc:h2:file:" + dir.resolve("keel") + ";AUTO_SERVER=TRUE";
      return new Target(Database.open(url, "sa", "", null, 4), url, "sa", "-");
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    Target target() {
      TestDatabases.requirePostgres();
      String schema = TestDatabases.newSchemaName();
      return new Target(Database.open(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "", schema, 4),
          TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, schema);
    }
  }

  record Target(Database database, String url, String user, String schema) {}

  abstract static class Cases {

    Target target;
    final List<Process> processes = new ArrayList<>();

    abstract Target target();

    @AfterEach
    void cleanUp() {
      processes.forEach(Process::destroyForcibly);
      if (target != null) {
        target.database().close();
        if (!target.schema().equals("-")) {
          TestDatabases.dropSchema(target.schema());
        }
      }
    }

    Store prepare() {
      target = target();
      Store store = new Store(target.database(), HouseholdEngine.DEFAULT, Clock.systemUTC());
      FolderFiles rivera = Examples.files("rivera");
      for (int i = 0; i < HOUSEHOLDS; i++) {
        store.households().importFolder(HouseholdId.of(String.format("h%05d", i)), rivera, "setup");
      }
      return store;
    }

    Process startScanner(String worker) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ScanProcess.class.getName(),
          target.url(), target.user(), target.schema(), AS_OF, worker)
          .redirectErrorStream(true)
          .redirectOutput(File.createTempFile("keel-scan-" + worker, ".log"));
      Process p = pb.start();
      processes.add(p);
      return p;
    }

    int count(String sql) {
      return target.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    void assertEachHouseholdScannedOnce(Store store) {
      assertThat(count("SELECT COUNT(*) FROM scan")).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM scan_result WHERE status = 'done'")).isEqualTo(HOUSEHOLDS);
      assertThat(count("SELECT COUNT(*) FROM proposal")).isEqualTo(HOUSEHOLDS);
      assertThat(count("SELECT COUNT(DISTINCT household_id) FROM proposal")).isEqualTo(HOUSEHOLDS);
      assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'scan.household_scanned'")).isEqualTo(HOUSEHOLDS);
      assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'proposal.created'")).isEqualTo(HOUSEHOLDS);
      // Rivera has four asset classes: four history rows per household, no more.
      assertThat(count("SELECT COUNT(*) FROM scan_drift")).isEqualTo(4 * HOUSEHOLDS);
      assertThat(store.audit().verify(target.database().jdbi()).ok()).isTrue();
    }

    @Test
    void sigkillMidScan_thenRestart_scansEveryHouseholdExactlyOnce() throws Exception {
      Store store = prepare();
      Process first = startScanner("first");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (System.nanoTime() < deadline && (!tableExists() || done() < Math.max(1, HOUSEHOLDS / 4))) {
        assertThat(first.isAlive()).as("the first scanner ended before it was killed").isTrue();
        Thread.sleep(20);
      }
      first.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no rollback by the process itself
      first.waitFor(30, TimeUnit.SECONDS);
      int doneAtKill = done();
      assertThat(doneAtKill).isBetween(1, HOUSEHOLDS - 1);

      Process restart = startScanner("restart");
      assertThat(restart.waitFor(10, TimeUnit.MINUTES)).isTrue();
      assertThat(restart.exitValue()).isZero();

      assertEachHouseholdScannedOnce(store);
      assertThat(count("SELECT COUNT(*) FROM scan_result WHERE finished_by = 'restart'"))
          .isEqualTo(HOUSEHOLDS - count("SELECT COUNT(*) FROM scan_result WHERE finished_by = 'first'"));
    }

    @Test
    void twoServersScanningTogether_scanEachHouseholdOnce() throws Exception {
      Store store = prepare();
      Process a = startScanner("server-a");
      Process b = startScanner("server-b");
      assertThat(a.waitFor(10, TimeUnit.MINUTES)).isTrue();
      assertThat(b.waitFor(10, TimeUnit.MINUTES)).isTrue();
      assertThat(a.exitValue()).isZero();
      assertThat(b.exitValue()).isZero();
      assertEachHouseholdScannedOnce(store);
      assertThat(count("SELECT COUNT(*) FROM scan_result WHERE finished_by IN ('server-a', 'server-b')")).isEqualTo(HOUSEHOLDS);
    }

    boolean tableExists() {
      return count("SELECT COUNT(*) FROM scan") > 0;
    }

    int done() {
      return count("SELECT COUNT(*) FROM scan_result WHERE status = 'done'");
    }
  }
}
