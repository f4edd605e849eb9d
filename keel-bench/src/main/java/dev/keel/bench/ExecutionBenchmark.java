package dev.keel.bench;

import dev.keel.broker.execute.BrokerRoute;
import dev.keel.broker.execute.ExecutionResult;
import dev.keel.broker.execute.Executor;
import dev.keel.broker.execute.FileExecutionStore;
import dev.keel.broker.execute.InMemoryLedgerSink;
import dev.keel.broker.fake.FakeAlpacaServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Executing one 10-trade proposal (5 sales, then 5 purchases) against the fake Alpaca on loopback,
 * journaled to files with a forced write per event: every operation is a new proposal. The time
 * includes the broker's answers (about 26 HTTP round trips); {@code ExecutionRun overhead} splits
 * Keel's own share out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ExecutionBenchmark {

  FakeAlpacaServer fake;
  Executor executor;
  Map<dev.keel.core.household.AccountId, BrokerRoute> routes;
  Path dir;
  int n;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    fake = ExecutionFixtures.fake();
    // One account trades proposal after proposal here: the rate limit is lifted on both sides, so
    // that what is timed is the execution, not the pacing (ExecutionRun fleet measures the pacing).
    fake.rateLimit(Integer.MAX_VALUE);
    ExecutionFixtures.account(fake, "BENCH");
    dir = Files.createTempDirectory("keel-exec-bench");
    executor = new Executor(new FileExecutionStore(dir), new InMemoryLedgerSink(), ExecutionFixtures.POLICY,
        Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    routes = Map.of(ExecutionFixtures.ACCOUNT,
        new BrokerRoute(ExecutionFixtures.broker(fake, "BENCH", HttpClient.newHttpClient(), Integer.MAX_VALUE), true));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    fake.close();
  }

  @Benchmark
  public ExecutionResult tenTradeProposal() {
    ExecutionResult result = executor.execute(ExecutionFixtures.plan(n++), routes);
    if (result.status() != ExecutionResult.Status.EXECUTED) {
      throw new IllegalStateException("not executed: " + result);
    }
    return result;
  }
}
