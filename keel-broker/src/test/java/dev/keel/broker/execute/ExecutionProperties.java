package dev.keel.broker.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.rebalance.Side;
import dev.keel.core.security.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * For random proposals, random broker behaviours (fills, partial fills, rejections, 429s, 5xx
 * before and after placing an order) and a random crash: once the broker has settled every order
 * and the executor has run again, the booked ledger equals the broker's positions and cash, and no
 * trade ever had two orders.
 */
class ExecutionProperties {

  static final String[] SYMBOLS = {"VTI", "ITOT", "BND"};
  static final String[] PRICES = {"300.00", "120.00", "72.50"};
  static final EventType[] CRASH_AT = {EventType.SUBMITTING, EventType.ACKNOWLEDGED, EventType.FILL, EventType.BOOKED,
      EventType.ORDER_STATE, EventType.SKIPPED};

  @Property(tries = 15)
  void booked_ledger_equals_the_brokers_positions_and_no_trade_is_placed_twice(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) throws IOException {
    Random r = new Random(seed);
    Path dir = Files.createTempDirectory("keel-property");
    try (Fixture fx = new Fixture("0")) {
      int cash = r.nextInt(20_000);
      int[] held = new int[3];
      StringBuilder lots = new StringBuilder("account,symbol,quantity,cost_basis,acquired,lot_id\n");
      for (int s = 0; s < 3; s++) {
        held[s] = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(200);
        if (held[s] > 0) {
          fx.account.position(SYMBOLS[s], String.valueOf(held[s]), "100");
          lots.append("joint,").append(SYMBOLS[s]).append(',').append(held[s]).append(',').append(held[s] * 100)
              .append(".00,2021-03-01,LOT-").append(SYMBOLS[s]).append('\n');
        }
      }
      fx.account.cashForTest(new BigDecimal(cash));
      TestFolder.copy(dir);
      Files.writeString(dir.resolve("lots.csv"), lots);
      Files.writeString(dir.resolve("household.yaml"),
          Files.readString(dir.resolve("household.yaml")).replace("cash: 1000", "cash: " + cash));
      for (int s = 0; s < 3; s++) {
        switch (r.nextInt(5)) {
          case 0 -> fx.fake.fillFraction(SYMBOLS[s], 0.5);
          case 1 -> fx.fake.fillFraction(SYMBOLS[s], 0);
          case 2 -> fx.fake.reject(SYMBOLS[s], 403, 40310000, "trading halted");
          default -> { }
        }
      }
      fx.fake.throttleNext(r.nextInt(3));
      fx.fake.failNext(r.nextInt(2));
      fx.fake.failAfterPlacingNext(r.nextInt(3));
      List<PlannedTrade> trades = new ArrayList<>();
      int n = 1 + r.nextInt(6);
      for (int i = 1; i <= n; i++) {
        int s = r.nextInt(3);
        Side side = r.nextBoolean() ? Side.SELL : Side.BUY;
        trades.add(new PlannedTrade(i, AccountId.of("joint"), Symbol.of(SYMBOLS[s]), side,
            BigDecimal.valueOf(1 + r.nextInt(40)), Optional.of(new BigDecimal(PRICES[s])), List.of(), false));
      }
      ExecutionPlan plan = ExecutionPlan.of(LocalDate.of(2026, 11, 30), trades);
      ExecutionPolicy policy = Fixture.FAST.withCancelUnfilled(r.nextBoolean());
      FileExecutionStore files = new FileExecutionStore(dir.resolve(".keel/execution"));
      TransactionsFileSink sink = new TransactionsFileSink(dir.resolve("transactions.csv"),
          dir.resolve(".keel/booked.jsonl"));
      ExecutionStore first = r.nextBoolean() ? files
          : new CrashRecoveryTest.CrashingStore(files, CRASH_AT[r.nextInt(CRASH_AT.length)], 1 + r.nextInt(2));
      try {
        Fixture.executor(first, sink, policy).execute(plan, fx.routes(false));
      } catch (CrashRecoveryTest.SimulatedCrash crashed) {
        // The process died here; the next run starts from the files.
      }
      Fixture.executor(files, sink, policy).execute(plan, fx.routes(false));
      // The day ends: whatever is still working expires at the broker, and the next run books it
      // (and may place a purchase that was waiting for that sale: the next day ends too).
      ExecutionResult last;
      int days = 0;
      do {
        fx.account.expireOpenOrders();
        last = Fixture.executor(files, sink, policy).execute(plan, fx.routes(false));
      } while (last.trades().stream().anyMatch(TradeOutcome::working) && ++days < 5);

      AccountPosition joint = TestFolder.joint(dir);
      assertThat(TestFolder.shares(joint)).as("seed %d", seed).isEqualTo(TestFolder.normalized(fx.account.positions()));
      assertThat(joint.cash()).as("seed %d", seed).isEqualByComparingTo(fx.account.cash());
      for (PlannedTrade t : trades) {
        String prefix = "keel-" + plan.id() + "-t" + t.index() + "-";
        assertThat(fx.account.placements().stream().filter(p -> p.startsWith(prefix))).as("seed %d", seed)
            .hasSizeLessThanOrEqualTo(1);
      }
      assertThat(last.trades()).noneMatch(TradeOutcome::working);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
