package dev.keel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.rebalance.Proposal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark's setup and body run once on small data, so that a change in the engine that
 * breaks a benchmark fails {@code mvn verify} rather than the next benchmark run. Nothing is timed.
 */
class BenchmarksSmokeTest {

  @Test
  void test_ledgerReplay_booksTheTypicalHousehold() {
    LedgerReplayBenchmark bench = new LedgerReplayBenchmark();
    bench.seed = 42;
    bench.setUp();

    assertThat(bench.replay().ok()).isTrue();
    assertThat(bench.replay().lots()).hasSizeGreaterThanOrEqualTo(250);
  }

  @Test
  void test_driftScan_coversEveryClass() {
    DriftScanBenchmark bench = new DriftScanBenchmark();
    bench.seed = 42;
    bench.setUp();

    assertThat(bench.scan().classes()).hasSize(4);
    assertThat(bench.scan().totalValue()).isPositive();
  }

  @Test
  void test_driftThroughput_cyclesThroughEveryHousehold() {
    DriftThroughputBenchmark bench = new DriftThroughputBenchmark();
    bench.households = 5;
    bench.setUp();
    DriftThroughputBenchmark.Cursor cursor = new DriftThroughputBenchmark.Cursor();
    cursor.next = 3;

    for (int i = 0; i < 7; i++) {
      assertThat(bench.scan(cursor).totalValue()).isPositive();
    }
    assertThat(cursor.next).isEqualTo(0); // 3 + 7 = 10 = 2 rounds of 5
  }

  @Test
  void test_householdDrift_analyzesFromData() {
    HouseholdDriftBenchmark bench = new HouseholdDriftBenchmark();
    bench.seed = 42;
    bench.setUp();

    assertThat(bench.drift().checkDue()).isTrue();
  }

  @Test
  void test_rebalance_proposesForTheTypicalHousehold() {
    RebalanceBenchmark bench = new RebalanceBenchmark();
    bench.seed = 42;
    bench.setUp();

    Proposal p = bench.propose();
    assertThat(p.acted()).isTrue();
    assertThat(p.trades()).isNotEmpty();
    // The proposal fixes what it was asked to fix: every class ends inside its band.
    assertThat(p.after()).isNotEmpty().allSatisfy(c -> assertThat(c.breached()).as("%s", c.assetClass()).isFalse());
    assertThat(p.unresolved()).isEmpty();
  }

  @Test
  void test_largeRebalance_proposesForAThousandTimesRepeatedLots() {
    LargeRebalanceBenchmark bench = new LargeRebalanceBenchmark();
    bench.seed = 42;
    bench.lots = 2000;
    bench.setUp();

    assertThat(BenchHouseholds.large(42, 2000).openingLots()).hasSize(2000);
    assertThat(bench.propose().trades()).isNotEmpty();
  }

  @Test
  void test_rebalanceThroughput_cyclesThroughHouseholds() {
    RebalanceThroughputBenchmark bench = new RebalanceThroughputBenchmark();
    bench.households = 3;
    bench.setUp();

    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      proposals.add(bench.propose());
    }
    assertThat(proposals).allSatisfy(p -> assertThat(p.asOf()).isEqualTo(BenchHouseholds.AS_OF));
    // Round-robin over 3 households: the fourth proposal is the first household's again.
    assertThat(proposals.get(3).trades()).isEqualTo(proposals.get(0).trades());
  }

  @Test
  void test_fleetRun_qualityOnAFewHouseholds() {
    FleetRun.Quality q = FleetRun.quality(5);

    assertThat(q.households()).isEqualTo(5);
    assertThat(q.needed()).isEqualTo(5); // seeds 0-4 all breach a band on the check date
    // The README's claim: the engine's proposals create no wash sale. The naive rebalancer's do
    // (seeds 0-4: one), so the count is not zero because the check is blind.
    assertThat(q.engineWashes()).isZero();
    assertThat(q.naiveWashes()).isPositive();
    assertThat(q.engineInBand()).isEqualTo(5);
    assertThat(q.engineOutOfBandUnexplained()).isZero();
    assertThat(q.engineTax()).isLessThanOrEqualTo(q.naiveTax());
  }
}
