package dev.keel.broker.execute;

import static dev.keel.broker.execute.Fixture.FAST;
import static dev.keel.broker.execute.Fixture.JOINT;
import static dev.keel.broker.execute.Fixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.BrokerException;
import dev.keel.broker.OrderRequest;
import dev.keel.broker.OrderSide;
import dev.keel.broker.OrderType;
import dev.keel.broker.TimeInForce;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cash account buys with settled cash only: sale proceeds settle T+1 (SEC Rule 15c6-1(a), as
 * amended by Release No. 34-96930, in force since May 28, 2024).
 */
class SettledCashTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  Fixture fx;
  final InMemoryExecutionStore store = new InMemoryExecutionStore();
  final InMemoryLedgerSink sink = new InMemoryLedgerSink();

  @AfterEach
  void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void test_settlement_is_one_weekday_after_the_trade_date_since_may_28_2024() {
    // Wednesday → Thursday; Friday → Monday.
    assertThat(Settlement.date(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(Settlement.date(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 11, 30));
    // Before the rule change: T+2 (Wednesday 2024-05-22 → Friday 2024-05-24).
    assertThat(Settlement.date(LocalDate.of(2024, 5, 22))).isEqualTo(LocalDate.of(2024, 5, 24));
    assertThat(Settlement.date(LocalDate.of(2024, 5, 28))).isEqualTo(LocalDate.of(2024, 5, 29));
  }

  @Test
  void test_the_fake_cash_account_refuses_a_purchase_paid_with_unsettled_proceeds() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200").settledCashOnly(true);
    var broker = fx.broker();
    broker.submit(new OrderRequest("sell-1", Symbol.of("VTI"), OrderSide.SELL, new BigDecimal("20"), OrderType.MARKET,
        Optional.empty(), TimeInForce.DAY));

    // cash 6,000 (the sale's proceeds), none of it settled.
    assertThat(broker.account().cash()).isEqualByComparingTo("6000");
    assertThat(broker.account().spendable()).isEqualByComparingTo("0");
    Assertions.assertThatThrownBy(() -> broker.submit(new OrderRequest("buy-1", Symbol.of("BND"), OrderSide.BUY,
        new BigDecimal("30"), OrderType.MARKET, Optional.empty(), TimeInForce.DAY)))
        .isInstanceOfSatisfying(BrokerException.Rejected.class, r -> assertThat(r.reason())
            .isEqualTo("insufficient buying power"));
  }

  @Test
  void test_in_a_cash_account_the_purchase_waits_for_the_sales_settlement_then_is_placed_once() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200").settledCashOnly(true);
    ExecutionPlan plan = plan("sell 20 VTI @300", "buy 30 BND @72.50");
    BrokerRoute route = new BrokerRoute(fx.broker(), false).withSettledCashOnly(true);

    ExecutionResult first = executor(Clock.systemUTC()).execute(plan, Map.of(JOINT, route));

    LocalDate today = LocalDate.now(NEW_YORK);
    LocalDate settles = Settlement.date(today);
    assertThat(first.status()).isEqualTo(ExecutionResult.Status.IN_PROGRESS);
    assertThat(first.trades().get(1).status()).isEqualTo(TradeOutcome.Status.WAITING);
    // 30 × 72.50 × 1.005 collar = 2,185.87 (limit 72.86); 6,000 of proceeds settle T+1.
    assertThat(first.trades().get(1).reason()).hasValueSatisfying(r -> assertThat(r)
        .startsWith("waiting for settlement: needs about $2185.80, $0.00 of the cash is settled and $6000.00 of sale "
            + "proceeds settle by " + settles));
    assertThat(fx.account.orderCount()).isEqualTo(1);

    // The settlement day: the broker's clock and the executor's move on together.
    Duration ahead = Duration.ofDays(settles.toEpochDay() - today.toEpochDay());
    fx.fake.advance(ahead);
    ExecutionResult second = executor(Clock.offset(Clock.systemUTC(), ahead)).execute(plan, Map.of(JOINT, route));

    assertThat(second.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertThat(fx.account.orderCount()).isEqualTo(2);
    assertThat(fx.account.positions()).containsEntry("BND", new BigDecimal("30"));
  }

  @Test
  void test_a_margin_account_spends_unsettled_proceeds_at_once() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200");

    ExecutionResult result = executor(Clock.systemUTC()).execute(plan("sell 20 VTI @300", "buy 30 BND @72.50"),
        Map.of(JOINT, new BrokerRoute(fx.broker(), false)));

    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
  }

  Executor executor(Clock clock) {
    return new Executor(store, sink, FAST, clock, d -> Thread.sleep(Math.min(d.toMillis(), 20)));
  }
}
