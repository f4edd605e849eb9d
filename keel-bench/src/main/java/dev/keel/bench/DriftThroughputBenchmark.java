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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * (c) Drift scans over many households, as a server checking every client would run them: {@code
 * households} typical households are generated and booked once per trial, then two threads scan
 * them round-robin, each starting at its own offset. Unlike {@link DriftScanBenchmark} the data
 * does not fit in cache. Reports scans per second over both threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class DriftThroughputBenchmark {

  @Param("10000")
  public int households;

  private BenchHouseholds.Booked[] booked;

  @Setup(Level.Trial)
  public void setUp() {
    booked = BenchHouseholds.booked(households);
    // Hundreds of MB to GB of households were just allocated in the young generation: collect now,
    // so that they are promoted before measurement rather than copied by the first measured GCs.
    System.gc();
  }

  /** Each thread's position in the round. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Trial)
    public void start(DriftThroughputBenchmark bench, ThreadParams thread) {
      next = (int) ((long) bench.households * thread.getThreadIndex() / thread.getThreadCount());
    }
  }

  @Benchmark
  public DriftReport scan(Cursor cursor) {
    int i = cursor.next;
    cursor.next = i + 1 == booked.length ? 0 : i + 1;
    return booked[i].drift(DriftAnalyzer.DEFAULT);
  }
}
