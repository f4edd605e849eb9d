package dev.keel.store.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.Database;
import dev.keel.store.Store;
import dev.keel.store.StoreSuite;
import dev.keel.store.TestDatabases;
import dev.keel.store.household.Examples;
import dev.keel.store.household.FolderFiles;
import dev.keel.store.household.HouseholdId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScannerTest {

  @Nested
  class OnH2 extends Cases {
    @Override
    protected Database newDatabase() {
      return TestDatabases.h2();
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    protected Database newDatabase() {
      return TestDatabases.postgres();
    }
  }

  abstract static class Cases extends StoreSuite {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

    Store store(String worker) {
      return new Store(database(), HouseholdEngine.DEFAULT, clock, Store.DEFAULT_PRICE_TOLERANCE, worker);
    }

    void importRiveras(Store store, int n) {
      FolderFiles rivera = Examples.files("rivera");
      for (int i = 0; i < n; i++) {
        store.households().importFolder(HouseholdId.of(String.format("rivera-%03d", i)), rivera, "test");
      }
    }

    int count(String sql) {
      return database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void scan_findsTheBreach_proposes_andARerunChangesNothing() {
      Store store = store("w1");
      importRiveras(store, 1);
      store.households().importFolder(HouseholdId.of("wash-sales"), Examples.files("wash-sales"), "test");

      ScanSummary first = store.scanner().run(AS_OF, "test", 2, () -> false);
      assertThat(first.done()).isEqualTo(2);
      assertThat(first.pending()).isZero();
      assertThat(first.scannedHere()).isEqualTo(2);
      ScanSummary.Result rivera = first.results().stream().filter(r -> r.household().equals("rivera-000")).findFirst().get();
      assertThat(rivera.breached()).isTrue();
      assertThat(rivera.checkDue()).isTrue();
      assertThat(rivera.proposalId()).isNotNull();
      int proposals = count("SELECT COUNT(*) FROM proposal");
      int events = count("SELECT COUNT(*) FROM audit_event");

      ScanSummary again = store.scanner().run(AS_OF, "test", 2, () -> false);
      assertThat(again.id()).isEqualTo(first.id());
      assertThat(again.scannedHere()).isZero();
      assertThat(count("SELECT COUNT(*) FROM proposal")).isEqualTo(proposals);
      assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
      // Drift history: one row per class per household per date (us_stocks, intl_stocks, bonds, reits for Rivera).
      assertThat(store.scanner().history(HouseholdId.of("rivera-000"))).hasSize(4)
          .anySatisfy(row -> assertThat(row).containsEntry("asset_class", "us_stocks").containsEntry("breached", true));
      assertThat(store.audit().verify(database().jdbi()).ok()).isTrue();
    }

    @Test
    void twoScannersTogether_scanEveryHouseholdOnce() throws Exception {
      Store one = store("server-a");
      Store two = store("server-b");
      importRiveras(one, 24);

      List<CompletableFuture<ScanSummary>> runs = new ArrayList<>();
      runs.add(CompletableFuture.supplyAsync(() -> one.scanner().run(AS_OF, "a", 2, () -> false)));
      runs.add(CompletableFuture.supplyAsync(() -> two.scanner().run(AS_OF, "b", 2, () -> false)));
      int scannedA = runs.get(0).get().scannedHere();
      int scannedB = runs.get(1).get().scannedHere();

      assertThat(scannedA + scannedB).isEqualTo(24);
      assertThat(count("SELECT COUNT(*) FROM scan")).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM scan_result WHERE status = 'done'")).isEqualTo(24);
      assertThat(count("SELECT COUNT(*) FROM proposal")).isEqualTo(24);
      assertThat(count("SELECT COUNT(*) FROM (SELECT household_id FROM proposal GROUP BY household_id HAVING COUNT(*) > 1) x"))
          .isZero();
      assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'scan.household_scanned'")).isEqualTo(24);
      assertThat(one.audit().verify(database().jdbi()).ok()).isTrue();
    }

    @Test
    void aStoppedScan_leavesTheRestPending_andTheNextRunFinishesIt() {
      Store store = store("w1");
      importRiveras(store, 5);
      int[] budget = {2};
      ScanSummary stopped = store.scanner().run(AS_OF, "test", 1, () -> budget[0]-- <= 0);
      assertThat(stopped.done()).isEqualTo(2);
      assertThat(stopped.pending()).isEqualTo(3);
      ScanSummary resumed = store.scanner().run(AS_OF, "test", 1, () -> false);
      assertThat(resumed.done()).isEqualTo(5);
      assertThat(resumed.scannedHere()).isEqualTo(3);
      assertThat(count("SELECT COUNT(*) FROM proposal")).isEqualTo(5);
    }

    @Test
    void noCheckDue_meansNoProposal() {
      Store store = store("w1");
      importRiveras(store, 1);
      // Quarterly from 2026-08-15: the next check is 2026-11-15, so 2026-11-14 has none due.
      ScanSummary summary = store.scanner().run(LocalDate.of(2026, 11, 14), "test", 1, () -> false);
      assertThat(summary.results().get(0).checkDue()).isFalse();
      assertThat(summary.results().get(0).proposalId()).isNull();
      assertThat(count("SELECT COUNT(*) FROM proposal")).isZero();
    }
  }
}
