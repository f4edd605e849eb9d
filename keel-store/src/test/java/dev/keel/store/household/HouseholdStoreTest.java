package dev.keel.store.household;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.Problem;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.report.DriftReportWriter;
import dev.keel.io.report.ProposalWriter;
import dev.keel.store.Database;
import dev.keel.store.StoreSuite;
import dev.keel.store.TestDatabases;
import dev.keel.store.audit.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseholdStoreTest {

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
    final AuditLog audit = new AuditLog(clock);

    HouseholdStore store() {
      return new HouseholdStore(database().jdbi(), HouseholdEngine.DEFAULT, audit, clock);
    }

    @Test
    void importFolder_thenLoad_givesTheSameDriftAndProposalAsTheFolder() {
      HouseholdStore store = store();
      ImportOutcome outcome = store.importFolder(HouseholdId.of("rivera"), Examples.files("rivera"), "test");
      assertThat(outcome).isInstanceOf(ImportOutcome.Stored.class);

      HouseholdData fromFolder = HouseholdFolderLoader.load(FolderSource.directory(Examples.dir("rivera"))).value().get();
      HouseholdData fromStore = store.load(HouseholdId.of("rivera"), AS_OF).get().data();
      assertThat(DriftReportWriter.json(HouseholdEngine.DEFAULT.drift(fromStore, AS_OF)))
          .isEqualTo(DriftReportWriter.json(HouseholdEngine.DEFAULT.drift(fromFolder, AS_OF)));
      assertThat(ProposalWriter.json(HouseholdEngine.DEFAULT.propose(fromStore, AS_OF, Map.of(), false)))
          .isEqualTo(ProposalWriter.json(HouseholdEngine.DEFAULT.propose(fromFolder, AS_OF, Map.of(), false)));
    }

    @Test
    void importExportImport_isByteStable(@TempDir Path tmp) throws Exception {
      HouseholdStore store = store();
      for (String example : List.of("rivera", "wash-sales")) {
        store.importFolder(HouseholdId.of(example), Examples.files(example), "test");
        FolderFiles first = store.export(HouseholdId.of(example)).orElseThrow();
        first.write(tmp.resolve(example));
        ImportOutcome again = store.importFolder(HouseholdId.of(example + "-again"), FolderFiles.read(tmp.resolve(example)), "test");
        assertThat(again).isInstanceOf(ImportOutcome.Stored.class);
        FolderFiles second = store.export(HouseholdId.of(example + "-again")).orElseThrow();
        assertThat(second.files()).isEqualTo(first.files());
        for (String name : FolderFiles.NAMES) {
          assertThat(Files.readString(tmp.resolve(example).resolve(name))).isEqualTo(second.find(name).orElseThrow());
        }
      }
      // The household and policy documents are kept as written, comments included.
      assertThat(store.export(HouseholdId.of("rivera")).get().find("policy.yaml").get())
          .isEqualTo(Examples.files("rivera").find("policy.yaml").get());
    }

    @Test
    void transfersSplitsAndAwards_areStoredWhole_andExportAsTheFolderHasThem() {
      // chen-okafor has a split naming no account, an in-kind transfer (to_account), RSU vests and
      // ESPP purchases (fmv, offering_*): before the terms columns were stored, its import failed.
      HouseholdStore store = store();
      ImportOutcome outcome = store.importFolder(HouseholdId.of("chen-okafor"), Examples.files("chen-okafor"), "test");
      assertThat(outcome).isInstanceOf(ImportOutcome.Stored.class);

      HouseholdData fromFolder = HouseholdFolderLoader.load(FolderSource.directory(Examples.dir("chen-okafor"))).value().get();
      HouseholdData fromStore = store.load(HouseholdId.of("chen-okafor"), AS_OF).get().data();
      assertThat(DriftReportWriter.json(HouseholdEngine.DEFAULT.drift(fromStore, AS_OF)))
          .isEqualTo(DriftReportWriter.json(HouseholdEngine.DEFAULT.drift(fromFolder, AS_OF)));
      String exported = store.export(HouseholdId.of("chen-okafor")).get().find("transactions.csv").get();
      assertThat(exported).contains("2025-06-10,,split,KLN,,,,,,,2:1").contains("2025-09-02,mei-plan,transfer,KLN,500,,,,KLN-2019,joint");
      assertThat(fromStore.transactions()).hasSameSizeAs(fromFolder.transactions());
    }

    @Test
    void badImport_storesNothing_andNamesEveryProblem() {
      Map<String, String> files = new HashMap<>(Examples.files("rivera").files());
      files.put("lots.csv", files.get("lots.csv").replaceFirst("200,24000.00", "2O0,24000.00"));
      files.put("transactions.csv", files.get("transactions.csv") + "2026-11-01,joint,sell,VTI,100000,300,,,\n");
      HouseholdStore store = store();

      ImportOutcome outcome = store.importFolder(HouseholdId.of("rivera"), new FolderFiles(files), "test");

      assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
      List<Problem> problems = ((ImportOutcome.Rejected) outcome).problems();
      assertThat(problems).anySatisfy(p -> {
        assertThat(p.file()).isEqualTo("lots.csv");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.field()).isEqualTo("quantity");
        assertThat(p.value()).isEqualTo("2O0");
      });
      assertThat(problems).anySatisfy(p -> assertThat(p.file()).isEqualTo("transactions.csv"));
      assertThat(store.list()).isEmpty();
      assertThat(count("price") + count("audit_event") + count("opening_lot") + count("ledger_transaction")).isZero();
    }

    @Test
    void importOfATakenId_isAConflict_andChangesNothing() {
      HouseholdStore store = store();
      store.importFolder(HouseholdId.of("rivera"), Examples.files("rivera"), "test");
      int events = count("audit_event");
      assertThat(store.importFolder(HouseholdId.of("rivera"), Examples.files("wash-sales"), "test"))
          .isInstanceOf(ImportOutcome.Conflict.class);
      assertThat(count("audit_event")).isEqualTo(events);
      assertThat(store.name(HouseholdId.of("rivera"))).contains("Rivera household");
    }

    @Test
    void appendedTransaction_isInTheBooks_andACorrectionReplacesIt_whileTheOldRowStays() {
      HouseholdStore store = store();
      HouseholdId id = HouseholdId.of("rivera");
      store.importFolder(id, Examples.files("rivera"), "test");
      int before = store.load(id, AS_OF).get().data().transactions().size();
      String fingerprint = store.load(id, AS_OF).get().fingerprint();

      ImportOutcome added = store.appendTransactions(id, "date,account,action,amount\n2026-11-21,joint,deposit,1000.00\n",
          Optional.empty(), "test", AS_OF);
      assertThat(added).isInstanceOf(ImportOutcome.Stored.class);
      StoredHousehold after = store.load(id, AS_OF).get();
      assertThat(after.data().transactions()).hasSize(before + 1);
      assertThat(after.fingerprint()).isNotEqualTo(fingerprint);
      assertThat(store.export(id).get().find("transactions.csv").get()).endsWith("2026-11-21,joint,deposit,,,,1000.00,,\n");

      ImportOutcome corrected = store.appendTransactions(id, "date,account,action,amount\n2026-11-21,joint,deposit,100.00\n",
          Optional.of(before + 1), "test", AS_OF);
      assertThat(corrected).isInstanceOf(ImportOutcome.Stored.class);
      assertThat(store.load(id, AS_OF).get().data().transactions()).hasSize(before + 1);
      assertThat(store.export(id).get().find("transactions.csv").get()).endsWith("2026-11-21,joint,deposit,,,,100.00,,\n");
      assertThat(count("ledger_transaction")).isEqualTo(before + 2);

      ImportOutcome twice = store.appendTransactions(id, "date,account,action,amount\n2026-11-21,joint,deposit,5.00\n",
          Optional.of(before + 1), "test", AS_OF);
      assertThat(twice).isInstanceOf(ImportOutcome.Rejected.class);
    }

    @Test
    void appendedTransactionTheLedgerCannotBook_isRejected_andNothingStored() {
      HouseholdStore store = store();
      HouseholdId id = HouseholdId.of("rivera");
      store.importFolder(id, Examples.files("rivera"), "test");
      int rows = count("ledger_transaction");
      ImportOutcome outcome = store.appendTransactions(id,
          "date,account,action,symbol,quantity,price\n2026-11-21,joint,sell,VTI,100000,300\n2026-11-21,joint,buy,VTI,x,300\n",
          Optional.empty(), "test", AS_OF);
      assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
      assertThat(((ImportOutcome.Rejected) outcome).problems())
          .anySatisfy(p -> assertThat(p.field()).isEqualTo("quantity"));
      assertThat(count("ledger_transaction")).isEqualTo(rows);
    }

    @Test
    void policyVersion_inForceOnADate_isTheLatestEffectiveOnOrBeforeIt() {
      HouseholdStore store = store();
      HouseholdId id = HouseholdId.of("rivera");
      store.importFolder(id, Examples.files("rivera"), "test");
      String policy = Examples.files("rivera").find("policy.yaml").get()
          .replace("us_stocks: 0.50", "us_stocks: 0.60").replace("bonds: 0.25", "bonds: 0.15");
      assertThat(store.addPolicyVersion(id, policy, LocalDate.of(2026, 11, 21), "test")).isInstanceOf(ImportOutcome.Stored.class);

      StoredHousehold before = store.load(id, LocalDate.of(2026, 11, 20)).get();
      StoredHousehold after = store.load(id, LocalDate.of(2026, 11, 21)).get();
      assertThat(before.policyVersion()).isEqualTo(1);
      assertThat(after.policyVersion()).isEqualTo(2);
      assertThat(after.data().policy().targets().values().stream().map(Object::toString)).contains("0.60");
      assertThat(before.fingerprint()).isNotEqualTo(after.fingerprint());

      assertThat(store.addPolicyVersion(id, "targets: {us_stocks: 2}\n", LocalDate.of(2026, 12, 1), "test"))
          .isInstanceOf(ImportOutcome.Rejected.class);
    }

    @Test
    void prices_postedLater_areUsedByTheNextLoad() {
      HouseholdStore store = store();
      HouseholdId id = HouseholdId.of("rivera");
      store.importFolder(id, Examples.files("rivera"), "test");
      assertThat(store.putPrices("symbol,price,date\nVTI,320.00,2026-11-21\n", "test")).isInstanceOf(ImportOutcome.Stored.class);
      HouseholdData data = store.load(id, AS_OF).get().data();
      assertThat(data.prices().get(dev.keel.core.security.Symbol.of("VTI"), AS_OF)).isEqualByComparingTo("320.00");
      ImportOutcome bad = store.putPrices("symbol,price,date\nVTI,-1,2026-11-21\n", "test");
      assertThat(bad).isInstanceOf(ImportOutcome.Rejected.class);
      assertThat(((ImportOutcome.Rejected) bad).problems().get(0).line()).isEqualTo(2);
    }

    @Test
    void concurrentImports_ofTheSamePrices_allSucceed() throws Exception {
      // Regression: two imports inserting the same new price raced (delete, delete, insert, insert)
      // and one failed on the primary key.
      HouseholdStore store = store();
      FolderFiles rivera = Examples.files("rivera");
      var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      List<java.util.concurrent.Future<ImportOutcome>> outcomes = new java.util.ArrayList<>();
      for (int i = 0; i < 12; i++) {
        HouseholdId id = HouseholdId.of("rivera-" + i);
        outcomes.add(pool.submit(() -> store.importFolder(id, rivera, "test")));
      }
      for (var outcome : outcomes) {
        assertThat(outcome.get()).isInstanceOf(ImportOutcome.Stored.class);
      }
      pool.shutdown();
      assertThat(store.list()).hasSize(12);
      assertThat(audit.verify(database().jdbi()).ok()).isTrue();
    }

    int count(String table) {
      return database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }
  }
}
