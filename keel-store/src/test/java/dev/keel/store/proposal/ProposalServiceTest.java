package dev.keel.store.proposal;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProposalServiceTest {

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
    static final HouseholdId RIVERA = HouseholdId.of("rivera");
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

    Store store(FolderFiles files) {
      Store store = new Store(database(), HouseholdEngine.DEFAULT, clock);
      assertThat(store.households().importFolder(RIVERA, files, "test")).isInstanceOf(dev.keel.store.household.ImportOutcome.Stored.class);
      return store;
    }

    FolderFiles withExecution(String section) {
      Map<String, String> files = new HashMap<>(Examples.files("rivera").files());
      files.put("policy.yaml", files.get("policy.yaml") + section);
      return new FolderFiles(files);
    }

    @Test
    void approve_recordsWhoAndBumpsTheVersion() {
      Store store = store(Examples.files("rivera"));
      StoredProposal p = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      assertThat(p.status()).isEqualTo(ProposalStatus.PROPOSED);
      assertThat(p.mode()).isEqualTo(ExecutionMode.APPROVE);
      assertThat(p.tradeCount()).isPositive();

      Decision d = store.proposals().approve(p.id(), 1, "alice", AS_OF);

      assertThat(d).isInstanceOf(Decision.Done.class);
      StoredProposal approved = ((Decision.Done) d).proposal();
      assertThat(approved.status()).isEqualTo(ProposalStatus.APPROVED);
      assertThat(approved.version()).isEqualTo(2);
      assertThat(approved.decidedBy()).contains("alice");
      assertThat(store.proposals().reject(p.id(), 2, "bob", "too late")).isInstanceOf(Decision.Conflict.class);
    }

    @Test
    void twoApproversRacing_exactlyOneWins() throws Exception {
      Store store = store(Examples.files("rivera"));
      StoredProposal p = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      CyclicBarrier start = new CyclicBarrier(2);
      List<CompletableFuture<Decision>> racers = List.of("alice", "bob").stream()
          .map(who -> CompletableFuture.supplyAsync(() -> {
            try {
              start.await();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return store.proposals().approve(p.id(), 1, who, AS_OF);
          })).toList();
      List<Decision> decisions = List.of(racers.get(0).get(), racers.get(1).get());
      assertThat(decisions).filteredOn(d -> d instanceof Decision.Done).hasSize(1);
      assertThat(decisions).filteredOn(d -> d instanceof Decision.Conflict).hasSize(1);
      int approvals = database().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM audit_event WHERE action = 'proposal.approved'").mapTo(Integer.class).one());
      assertThat(approvals).isEqualTo(1);
    }

    @Test
    void approve_afterANewTransaction_supersedesWithAFreshProposal() {
      Store store = store(Examples.files("rivera"));
      StoredProposal p = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      store.households().appendTransactions(RIVERA, "date,account,action,amount\n2026-11-21,joint,deposit,5000.00\n",
          Optional.empty(), "test", AS_OF);

      Decision d = store.proposals().approve(p.id(), 1, "alice", AS_OF);

      assertThat(d).isInstanceOf(Decision.Superseded.class);
      Decision.Superseded s = (Decision.Superseded) d;
      assertThat(s.stale().status()).isEqualTo(ProposalStatus.SUPERSEDED);
      assertThat(s.stale().supersededBy()).contains(s.fresh().id());
      assertThat(s.fresh().status()).isEqualTo(ProposalStatus.PROPOSED);
      assertThat(s.why()).contains("books changed");
    }

    @Test
    void approve_afterAPriceMoveBeyondTheTolerance_supersedes_butNotWithinIt() {
      Store store = store(Examples.files("rivera"));
      StoredProposal p = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      // VTI was 310.25 on 2026-11-20: +1% stays inside the 2% tolerance...
      store.households().putPrices("symbol,price,date\nVTI,313.35,2026-11-21\n", "test");
      assertThat(store.proposals().approve(p.id(), 1, "alice", AS_OF)).isInstanceOf(Decision.Done.class);

      StoredProposal q = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      // ...+5% does not.
      store.households().putPrices("symbol,price,date\nVTI,329.00,2026-11-22\n", "test");
      Decision d = store.proposals().approve(q.id(), 1, "alice", AS_OF);
      assertThat(d).isInstanceOf(Decision.Superseded.class);
      assertThat(((Decision.Superseded) d).why()).startsWith("VTI moved from 313.35 to 329.00");
    }

    @Test
    void dryRunProposal_isNeverApprovable_untilDryRunUntil() {
      Store store = store(withExecution("execution:\n  mode: approve\n  dry_run_until: 2027-03-01\n"));
      StoredProposal p = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      assertThat(p.mode()).isEqualTo(ExecutionMode.DRY_RUN);
      Decision d = store.proposals().approve(p.id(), 1, "alice", AS_OF);
      assertThat(d).isInstanceOf(Decision.Conflict.class);
      assertThat(((Decision.Conflict) d).message()).contains("dry run");
    }

    @Test
    void autoMode_approvesAfterTheNoticePeriod_unlessVetoed() {
      Store store = store(withExecution("execution:\n  mode: auto\n  notice_hours: 0\n"));
      StoredProposal vetoed = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      assertThat(vetoed.approveAfter()).contains("2026-11-23T06:00:00Z");
      assertThat(store.proposals().veto(vetoed.id(), 1, "casey", null)).isInstanceOf(Decision.Done.class);
      StoredProposal p = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();

      List<Decision> decisions = store.proposals().approveDue(AS_OF);

      assertThat(decisions).singleElement().isInstanceOf(Decision.Done.class);
      assertThat(store.proposals().store().find(p.id()).get().status()).isEqualTo(ProposalStatus.APPROVED);
      assertThat(store.proposals().store().find(p.id()).get().decidedBy()).contains("system");
      assertThat(store.proposals().store().find(vetoed.id()).get().status()).isEqualTo(ProposalStatus.REJECTED);
    }

    @Test
    void waitingProposal_expiresAfterItsDays_butADecidedOneDoesNot() {
      Store store = store(Examples.files("rivera"));
      StoredProposal waiting = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      StoredProposal approved = store.proposals().propose(RIVERA, AS_OF, Map.of(), "advisor").orElseThrow();
      store.proposals().approve(approved.id(), 1, "alice", AS_OF);

      assertThat(store.proposals().expireStale(AS_OF.plusDays(7), 7)).isZero();
      assertThat(store.proposals().expireStale(AS_OF.plusDays(8), 7)).isEqualTo(1);

      assertThat(store.proposals().store().find(waiting.id()).get().status()).isEqualTo(ProposalStatus.EXPIRED);
      assertThat(store.proposals().store().find(approved.id()).get().status()).isEqualTo(ProposalStatus.APPROVED);
      assertThat(store.proposals().approve(waiting.id(), 2, "alice", AS_OF)).isInstanceOf(Decision.Conflict.class);
    }

    @Test
    void badExecutionSection_isRejectedAtImport_withItsLine() {
      Store store = new Store(database(), HouseholdEngine.DEFAULT, clock);
      var outcome = store.households().importFolder(RIVERA, withExecution("execution:\n  mode: yolo\n"), "test");
      assertThat(outcome).isInstanceOf(dev.keel.store.household.ImportOutcome.Rejected.class);
      var problem = ((dev.keel.store.household.ImportOutcome.Rejected) outcome).problems().get(0);
      assertThat(problem.file()).isEqualTo("policy.yaml");
      assertThat(problem.value()).isEqualTo("yolo");
      assertThat(problem.line()).isPositive();
    }
  }
}
