package dev.keel.bench;

import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.rebalance.RebalanceRequest;
import dev.keel.core.rebalance.Rebalancer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Latency of one rebalancing proposal for a typical household (4 accounts, 15 securities, 300
 * lots), warm, with the ledger already booked: drift, the program built and solved by GLOP, the
 * answer rounded, reconciled and explained. Forced, so that every call does the full work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RebalanceBenchmark {

  @Param("42")
  public long seed;

  private RebalanceRequest request;

  @Setup(Level.Trial)
  public void setUp() {
    HouseholdData data = BenchHouseholds.typical(seed);
    LedgerResult books = BenchHouseholds.books(data);
    request = new RebalanceRequest(data, books, BenchHouseholds.AS_OF, Map.of(), true,
        HouseholdEngine.DEFAULT.rates(data, BenchHouseholds.AS_OF.getYear()));
    Rebalancer.DEFAULT.propose(request);
  }

  @Benchmark
  public Proposal propose() {
    return Rebalancer.DEFAULT.propose(request);
  }
}
