package dev.keel.bench;

import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.rebalance.RebalanceRequest;
import dev.keel.core.rebalance.Rebalancer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Proposals per second over many generated households, round-robin, on both cores: what a server
 * checking thousands of households a night sustains. Households are generated and booked in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class RebalanceThroughputBenchmark {

  @Param("2000")
  public int households;

  private RebalanceRequest[] requests;
  private final AtomicInteger next = new AtomicInteger();

  @Setup(Level.Trial)
  public void setUp() {
    requests = IntStream.range(0, households).parallel().mapToObj(seed -> {
      HouseholdData data = BenchHouseholds.typical(seed);
      LedgerResult books = BenchHouseholds.books(data);
      return new RebalanceRequest(data, books, BenchHouseholds.AS_OF, Map.of(), true,
          HouseholdEngine.DEFAULT.rates(data, BenchHouseholds.AS_OF.getYear()));
    }).toArray(RebalanceRequest[]::new);
  }

  @Benchmark
  public Proposal propose() {
    return Rebalancer.DEFAULT.propose(requests[Math.floorMod(next.getAndIncrement(), requests.length)]);
  }
}
