package dev.keel.broker.execute;

import dev.keel.broker.alpaca.AlpacaBroker;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LotId;
import dev.keel.core.rebalance.Side;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake Alpaca with one account ("joint") and helpers to build plans and executors against it. */
final class Fixture implements AutoCloseable {

  static final String KEY = "PKJOINT";
  static final String SECRET = "joint-secret-value";
  static final AccountId JOINT = AccountId.of("joint");
  static final ExecutionPolicy FAST = ExecutionPolicy.DEFAULT.withWait(Duration.ofMillis(300), Duration.ofMillis(20));

  final FakeAlpacaServer fake = FakeAlpacaServer.start();
  final FakeAlpacaServer.FakeAccount account;

  Fixture(String cash) {
    account = fake.account(KEY, SECRET, "PA0000001", new BigDecimal(cash));
    fake.price("VTI", "300.00");
    fake.price("ITOT", "120.00");
    fake.price("BND", "72.50");
  }

  AlpacaBroker broker() {
    return broker(Duration.ofSeconds(5));
  }

  AlpacaBroker broker(Duration timeout) {
    return new AlpacaBroker(AlpacaConfig.forTest(fake.url(), KEY, SECRET).withRequestTimeout(timeout),
        HttpClient.newHttpClient(), Clock.systemUTC(), d -> Thread.sleep(Math.min(d.toMillis(), 20)));
  }

  Map<AccountId, BrokerRoute> routes(boolean honoursLots) {
    return Map.of(JOINT, new BrokerRoute(broker(), honoursLots));
  }

  static Executor executor(ExecutionStore store, LedgerSink sink, ExecutionPolicy policy) {
    return new Executor(store, sink, policy, Clock.systemUTC(), d -> Thread.sleep(Math.min(d.toMillis(), 20)));
  }

  /** {@code "sell 20 VTI @300 L1:15 L2:5"}, {@code "buy 30 BND @72.50"}, {@code "buy 3 ITOT"} (no price). */
  static ExecutionPlan plan(String... trades) {
    List<PlannedTrade> out = new ArrayList<>();
    int i = 1;
    for (String t : trades) {
      String[] w = t.split(" ");
      Side side = w[0].equals("sell") ? Side.SELL : Side.BUY;
      Optional<BigDecimal> price = Optional.empty();
      List<PlannedLot> lots = new ArrayList<>();
      boolean harvest = false;
      for (String extra : Arrays.asList(w).subList(3, w.length)) {
        if (extra.startsWith("@")) {
          price = Optional.of(new BigDecimal(extra.substring(1)));
        } else if (extra.equals("harvest")) {
          harvest = true;
        } else {
          String[] l = extra.split(":");
          lots.add(new PlannedLot(LotId.of(l[0]), new BigDecimal(l[1])));
        }
      }
      out.add(new PlannedTrade(i++, JOINT, Symbol.of(w[2]), side, new BigDecimal(w[1]), price, lots, harvest));
    }
    return ExecutionPlan.of(LocalDate.of(2026, 11, 30), out);
  }

  @Override
  public void close() {
    fake.close();
  }
}
