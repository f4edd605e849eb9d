package dev.keel.bench;

import dev.keel.broker.alpaca.AlpacaBroker;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.ExecutionPolicy;
import dev.keel.broker.execute.PlannedLot;
import dev.keel.broker.execute.PlannedTrade;
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
import java.util.List;
import java.util.Optional;

/** Shared set-up for the execution benchmarks: a fake Alpaca, accounts and 10-trade proposals. */
final class ExecutionFixtures {

  static final String[] SELLS = {"VTI", "VXUS", "VNQ", "VOO", "SCHB"};
  static final String[] BUYS = {"BND", "BNDX", "VTIP", "SCHZ", "AGG"};
  static final AccountId ACCOUNT = AccountId.of("taxable");
  static final ExecutionPolicy POLICY = ExecutionPolicy.DEFAULT.withWait(Duration.ofSeconds(5), Duration.ofMillis(5));

  private ExecutionFixtures() {}

  static FakeAlpacaServer fake() {
    FakeAlpacaServer fake = FakeAlpacaServer.start();
    for (String s : SELLS) {
      fake.price(s, "100.00");
    }
    for (String s : BUYS) {
      fake.price(s, "50.00");
    }
    return fake;
  }

  /** An account holding 10,000 shares of each sold symbol and $10M, so that every proposal fills. */
  static void account(FakeAlpacaServer fake, String key) {
    FakeAlpacaServer.FakeAccount a = fake.account(key, "secret-" + key, "PA" + key, new BigDecimal("10000000"));
    for (String s : SELLS) {
      a.position(s, "10000", "80");
    }
  }

  /** @param perMinute the client's pace (Alpaca: 200 a minute per account) */
  static AlpacaBroker broker(FakeAlpacaServer fake, String key, HttpClient http, int perMinute) {
    return new AlpacaBroker(AlpacaConfig.forTest(fake.url(), key, "secret-" + key).withRequestsPerMinute(perMinute), http,
        Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
  }

  /** Five sales (two lots each) and five purchases; {@code n} makes each proposal a new one. */
  static ExecutionPlan plan(int n) {
    List<PlannedTrade> trades = new ArrayList<>();
    int i = 1;
    for (String s : SELLS) {
      trades.add(new PlannedTrade(i++, ACCOUNT, Symbol.of(s), Side.SELL, BigDecimal.valueOf(10),
          Optional.of(new BigDecimal("100.00")), List.of(new PlannedLot(LotId.of(s + "-A"), BigDecimal.valueOf(6)),
              new PlannedLot(LotId.of(s + "-B"), BigDecimal.valueOf(4))), false));
    }
    for (String s : BUYS) {
      trades.add(new PlannedTrade(i++, ACCOUNT, Symbol.of(s), Side.BUY, BigDecimal.valueOf(20),
          Optional.of(new BigDecimal("50.00")), List.of(), false));
    }
    return ExecutionPlan.of(LocalDate.of(2026, 11, 30).plusDays(n), trades);
  }
}
