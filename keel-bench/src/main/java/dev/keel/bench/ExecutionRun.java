package dev.keel.bench;

import dev.keel.broker.execute.BrokerRoute;
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.ExecutionResult;
import dev.keel.broker.execute.Executor;
import dev.keel.broker.execute.FileExecutionStore;
import dev.keel.broker.execute.InMemoryExecutionStore;
import dev.keel.broker.execute.InMemoryLedgerSink;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.core.household.AccountId;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Execution figures JMH cannot give.
 *
 * <pre>
 * java -cp keel-bench/target/benchmarks.jar dev.keel.bench.ExecutionRun overhead 200
 * java -cp keel-bench/target/benchmarks.jar dev.keel.bench.ExecutionRun fleet 1000 200
 * </pre>
 *
 * <p>{@code overhead N}: N 10-trade proposals one after another on one account; the time inside
 * broker calls (HTTP to the fake on loopback) is measured apart, and Keel's overhead per order is
 * the rest (journal with forced writes, planning, booking) divided by the orders.
 *
 * <p>{@code fleet H LIMIT}: H households, each its own Alpaca account with the fake enforcing LIMIT
 * requests a minute per account (Alpaca: 200), executed concurrently (a thread each); reports the
 * wall time, the 429s the fake answered, and checks that every order was placed exactly once and
 * every fill booked.
 */
public final class ExecutionRun {

  private ExecutionRun() {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "overhead";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    if (what.equals("overhead")) {
      overhead(n);
    } else {
      fleet(n, args.length > 2 ? Integer.parseInt(args[2]) : 200);
    }
  }

  static void overhead(int proposals) throws IOException {
    try (FakeAlpacaServer fake = ExecutionFixtures.fake()) {
      fake.rateLimit(Integer.MAX_VALUE);
      ExecutionFixtures.account(fake, "OVERHEAD");
      Path dir = Files.createTempDirectory("keel-exec-overhead");
      TimedBroker broker = new TimedBroker(ExecutionFixtures.broker(fake, "OVERHEAD", HttpClient.newHttpClient(),
          Integer.MAX_VALUE));
      Executor executor = new Executor(new FileExecutionStore(dir), new InMemoryLedgerSink(), ExecutionFixtures.POLICY,
          Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
      Map<AccountId, BrokerRoute> routes = Map.of(ExecutionFixtures.ACCOUNT, new BrokerRoute(broker, true));
      int warmup = Math.max(20, proposals / 5);
      for (int i = 0; i < warmup; i++) {
        executor.execute(ExecutionFixtures.plan(-1 - i), routes);
      }
      broker.nanos.set(0);
      broker.calls.set(0);
      long start = System.nanoTime();
      int orders = 0;
      for (int i = 0; i < proposals; i++) {
        ExecutionPlan plan = ExecutionFixtures.plan(i);
        ExecutionResult r = executor.execute(plan, routes);
        if (r.status() != ExecutionResult.Status.EXECUTED) {
          throw new IllegalStateException("proposal " + i + " not executed: " + r);
        }
        orders += plan.trades().size();
      }
      long wall = System.nanoTime() - start;
      long inBroker = broker.nanos.get();
      System.out.printf(Locale.ROOT, "proposals %d, orders %d, broker calls %d (%.1f per order)%n", proposals, orders,
          broker.calls.get(), broker.calls.get() / (double) orders);
      System.out.printf(Locale.ROOT, "wall %.1f ms per proposal; in broker calls %.1f ms; Keel's overhead %.3f ms per order%n",
          wall / 1e6 / proposals, inBroker / 1e6 / proposals, (wall - inBroker) / 1e6 / orders);
    }
  }

  static void fleet(int households, int limit) throws Exception {
    try (FakeAlpacaServer fake = ExecutionFixtures.fake()) {
      fake.rateLimit(limit);
      HttpClient http = HttpClient.newHttpClient();
      List<String> keys = new ArrayList<>();
      for (int h = 0; h < households; h++) {
        String key = "H" + h;
        ExecutionFixtures.account(fake, key);
        keys.add(key);
      }
      InMemoryExecutionStore store = new InMemoryExecutionStore();
      // One thread per household: most of them sleep, waiting for their account's rate-limit window.
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(households, 1000));
      AtomicInteger executed = new AtomicInteger();
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (String key : keys) {
        futures.add(pool.submit(() -> {
          InMemoryLedgerSink sink = new InMemoryLedgerSink();
          Executor executor = new Executor(store, sink, ExecutionFixtures.POLICY, Clock.systemUTC(),
              d -> Thread.sleep(d.toMillis()));
          ExecutionPlan plan = ExecutionFixtures.plan(key.hashCode());
          ExecutionResult r = executor.execute(plan, Map.of(ExecutionFixtures.ACCOUNT,
              new BrokerRoute(ExecutionFixtures.broker(fake, key, http, 200), true)));
          if (r.status() == ExecutionResult.Status.EXECUTED && sink.transactions().size() == 15
              && fake.account(key).placements().size() == 10) {
            executed.incrementAndGet();
          } else {
            System.out.println(key + ": " + r.status() + " " + r.warnings());
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      long wall = System.nanoTime() - start;
      pool.shutdown();
      System.out.printf(Locale.ROOT, "households %d, limit %d/min per account: %d executed in full (10 orders placed once, "
          + "15 rows booked), %d not; wall %.1f s; 429s answered %d%n", households, limit, executed.get(),
          households - executed.get(), wall / 1e9, fake.throttled());
    }
  }
}
