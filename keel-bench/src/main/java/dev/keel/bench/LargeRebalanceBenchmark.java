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
 * Latency of one forced rebalancing proposal, harvesting on, for a large household ({@link
 * BenchHouseholds#large}: 4 accounts, 15 securities, {@code lots} opening lots), with the ledger
 * already booked. The budget: a 20,000-lot household proposed in 2 s or less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LargeRebalanceBenchmark {

  @Param("42")
  public long seed;

  @Param("20000")
  public int lots;

  private RebalanceRequest request;

  @Setup(Level.Trial)
  public void setUp() {
    HouseholdData data = BenchHouseholds.large(seed, lots);
    LedgerResult books = BenchHouseholds.books(data);
    request = new RebalanceRequest(data, books, BenchHouseholds.AS_OF, Map.of(), true,
        HouseholdEngine.DEFAULT.rates(data, BenchHouseholds.AS_OF.getYear()));
  }

  @Benchmark
  public Proposal propose() {
    return Rebalancer.DEFAULT.propose(request);
  }

  /**
   * Not JMH: the proposing thread's CPU time and the wall time of {@code args[1]} proposals (default
   * 6) for {@code args[0]} lots (default 20,000). On a shared, loaded machine the CPU time says what
   * a proposal costs when the wall time mostly says how long it waited for a core. GLOP runs on
   * the calling thread, so its time is counted; garbage collection, on its own threads, is not.
   */
  public static void main(String[] args) {
    LargeRebalanceBenchmark bench = new LargeRebalanceBenchmark();
    bench.seed = 42;
    bench.lots = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    bench.setUp();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      bench.propose();
      System.out.printf(java.util.Locale.ROOT, "proposal %d: cpu %.0f ms, wall %.0f ms%n", i + 1,
          (threads.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6);
    }
  }
}
