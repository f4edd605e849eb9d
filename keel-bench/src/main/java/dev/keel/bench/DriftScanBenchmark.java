package dev.keel.bench;

import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.drift.DriftReport;
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
 * (b) One drift scan ({@link DriftAnalyzer#analyze}) of a typical household whose ledger is already
 * booked: value every position at the as-of price, sum by asset class, measure against targets
 * and bands. The same household every time, so it stays in cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DriftScanBenchmark {

  @Param("42")
  public long seed;

  private BenchHouseholds.Booked household;

  @Setup(Level.Trial)
  public void setUp() {
    household = BenchHouseholds.Booked.of(BenchHouseholds.typical(seed));
  }

  @Benchmark
  public DriftReport scan() {
    return household.drift(DriftAnalyzer.DEFAULT);
  }
}
