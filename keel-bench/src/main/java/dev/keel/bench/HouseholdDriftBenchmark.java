package dev.keel.bench;

import dev.keel.core.drift.DriftReport;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.rebalance.Rebalancer;
import dev.keel.core.tax.estimate.TaxEstimator;
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
 * What {@code keel analyze} costs after loading: {@link HouseholdEngine#drift} of a typical
 * household from its data, i.e. marginal rates, the ledger replayed (twice: once over the whole
 * history to report any bad row, once through the as-of date) and the drift scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HouseholdDriftBenchmark {

  @Param("42")
  public long seed;

  private HouseholdData data;

  @Setup(Level.Trial)
  public void setUp() {
    data = BenchHouseholds.typical(seed);
  }

  @Benchmark
  public DriftReport drift() {
    // A new engine each time: an engine keeps its last replay (LastReplay), and the same household
    // again would measure that instead of the replay a first call pays.
    return new HouseholdEngine(Ledger.DEFAULT, DriftAnalyzer.DEFAULT, TaxEstimator.DEFAULT, Rebalancer.DEFAULT)
        .drift(data, BenchHouseholds.AS_OF);
  }
}
