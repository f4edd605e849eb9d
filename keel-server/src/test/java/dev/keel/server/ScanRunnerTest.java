package dev.keel.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.Store;
import dev.keel.store.StoreSuite;
import dev.keel.store.TestDatabases;
import dev.keel.store.household.Examples;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.proposal.ProposalStatus;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanRunnerTest extends StoreSuite {

  @Override
  protected dev.keel.store.Database newDatabase() {
    return TestDatabases.h2();
  }

  @Test
  void scanOfAPastDate_keepsItsProposalsOpen_andExpiresOlderOnes() {
    // Regression: expiry counted from today, so the demo's scan of 2026-11-22, run on 2026-11-30,
    // expired the proposals it had just made.
    Store store = new Store(database(), HouseholdEngine.DEFAULT, ServerSuite.CLOCK);
    store.households().importFolder(HouseholdId.of("rivera"), Examples.files("rivera"), "test");
    try (ScanRunner runner = new ScanRunner(store, 1)) {
      runner.runNow(LocalDate.of(2026, 11, 15), "test");
      String old = store.proposals().store().list(Optional.empty(), Optional.empty(), 10).get(0).id();
      // Made by a scan of 2026-11-15 while the clock says 2026-11-23: still open.
      assertThat(store.proposals().store().find(old).get().status()).isEqualTo(ProposalStatus.PROPOSED);
      runner.runNow(LocalDate.of(2026, 11, 23), "test");
      assertThat(store.proposals().store().find(old).get().status()).isEqualTo(ProposalStatus.EXPIRED);
      assertThat(store.proposals().store().list(Optional.empty(), Optional.of(ProposalStatus.PROPOSED), 10)).hasSize(1);
      runner.runNow(LocalDate.of(2026, 11, 16), "test");
      assertThat(store.proposals().store().list(Optional.empty(), Optional.of(ProposalStatus.PROPOSED), 10)).hasSize(2);
    }
  }
}
