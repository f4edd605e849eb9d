package dev.keel.bench;

import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerInput;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import java.util.Optional;
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
 * (a) One replay of a typical household's ledger: 300 opening lots and 12 recent transactions
 * (loss sales, buys, reinvestments) booked into lots, cash, disposals and wash sales. The rates
 * for min_tax relief are computed once in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LedgerReplayBenchmark {

  @Param("42")
  public long seed;

  private LedgerInput input;

  @Setup(Level.Trial)
  public void setUp() {
    HouseholdData data = BenchHouseholds.typical(seed);
    input = data.ledgerInput(HouseholdEngine.DEFAULT.rates(data, BenchHouseholds.AS_OF.getYear()), Optional.empty());
    LedgerResult check = Ledger.DEFAULT.replay(input);
    if (!check.ok()) {
      throw new IllegalStateException("the benchmark household does not book: " + check.problems());
    }
  }

  @Benchmark
  public LedgerResult replay() {
    return Ledger.DEFAULT.replay(input);
  }
}
