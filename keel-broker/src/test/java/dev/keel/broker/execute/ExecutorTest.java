package dev.keel.broker.execute;

import static dev.keel.broker.execute.Fixture.FAST;
import static dev.keel.broker.execute.Fixture.JOINT;
import static dev.keel.broker.execute.Fixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.OrderType;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorTest {

  Fixture fx;
  final InMemoryExecutionStore store = new InMemoryExecutionStore();
  final InMemoryLedgerSink sink = new InMemoryLedgerSink();

  @AfterEach
  void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  ExecutionResult run(ExecutionPlan plan, ExecutionPolicy policy, boolean honoursLots) {
    return Fixture.executor(store, sink, policy).execute(plan, fx.routes(honoursLots));
  }

  @Test
  void test_sales_first_then_purchases_each_once_and_booked() {
    fx = new Fixture("100.00");
    fx.account.position("VTI", "100", "200");
    ExecutionPlan plan = plan("buy 30 BND @72.50", "sell 20 VTI @300 L1:15 L2:5", "buy 10 ITOT @120");

    ExecutionResult result = run(plan, FAST, true);

    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    // The sale goes first although it is the second trade: the purchases need its cash
    // (100 + 20 × 300 = 6,100 ≥ 30 × 72.50 + 10 × 120 = 3,375).
    assertThat(fx.account.placements()).containsExactly(ClientOrderIds.of(plan.id(), 2, 1),
        ClientOrderIds.of(plan.id(), 1, 1), ClientOrderIds.of(plan.id(), 3, 1));
    assertThat(fx.account.positions()).containsEntry("VTI", new BigDecimal("80")).containsEntry("BND", new BigDecimal("30"))
        .containsEntry("ITOT", new BigDecimal("10"));
    // 100 + 6,000 − 2,175 − 1,200 = 2,725
    assertThat(fx.account.cash()).isEqualByComparingTo("2725.00");
    List<Transaction> rows = sink.transactions();
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().filter(t -> t.action() == Action.SELL))
        .extracting(t -> t.lotId().orElseThrow().value() + ":" + t.quantity().orElseThrow().toPlainString())
        .containsExactly("L1:15", "L2:5");
    assertThat(result.booked()).isEqualTo(3);
  }

  @Test
  void test_rerun_places_nothing_again_and_books_nothing_again() {
    fx = new Fixture("10000");
    ExecutionPlan plan = plan("buy 30 BND @72.50", "buy 10 ITOT @120");
    run(plan, FAST, false);

    ExecutionResult again = run(plan, FAST, false);

    assertThat(fx.account.orderCount()).isEqualTo(2);
    assertThat(again.booked()).isZero();
    assertThat(sink.transactions()).hasSize(2);
    assertThat(again.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
  }

  @Test
  void test_a_buy_of_a_symbol_whose_sale_is_open_waits() {
    fx = new Fixture("10000");
    fx.account.position("VTI", "100", "200");
    fx.fake.fillFraction("VTI", 0.5);
    ExecutionPlan plan = plan("sell 20 VTI @300", "buy 5 VTI @300");

    ExecutionResult result = run(plan, FAST, false);

    // Never sent, so never refused as "potential wash trade detected".
    assertThat(fx.account.orderCount()).isEqualTo(1);
    assertThat(result.trades().get(0).status()).isEqualTo(TradeOutcome.Status.OPEN);
    assertThat(result.trades().get(0).filled()).isEqualByComparingTo("10");
    assertThat(result.trades().get(1).status()).isEqualTo(TradeOutcome.Status.WAITING);
    assertThat(result.trades().get(1).reason()).hasValueSatisfying(r -> assertThat(r).contains("sale of VTI is still open"));
    assertThat(result.remaining()).isEmpty();
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.IN_PROGRESS);
    assertThat(sink.transactions()).singleElement()
        .satisfies(t -> assertThat(t.quantity().orElseThrow()).isEqualByComparingTo("10"));

    fx.account.fillOpenOrders();
    fx.fake.fillFraction("VTI", 1.0);
    ExecutionResult next = run(plan, FAST, false);

    assertThat(next.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertThat(fx.account.orderCount()).isEqualTo(2);
    assertThat(fx.account.positions()).containsEntry("VTI", new BigDecimal("85"));
    assertThat(sink.transactions()).hasSize(3);
  }

  @Test
  void test_a_purchase_waits_for_the_cash_of_an_open_sale() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200");
    fx.fake.fillFraction("VTI", 0);
    ExecutionPlan plan = plan("sell 10 VTI @300", "buy 20 BND @72.50");

    ExecutionResult result = run(plan, FAST, false);

    assertThat(result.trades().get(1).status()).isEqualTo(TradeOutcome.Status.WAITING);
    assertThat(result.trades().get(1).reason())
        .hasValueSatisfying(r -> assertThat(r).startsWith("waiting for sales to fill: needs about $1457.20"));
    fx.account.fillOpenOrders();
    ExecutionResult next = run(plan, FAST, false);
    assertThat(next.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertThat(fx.account.positions()).containsEntry("BND", new BigDecimal("20"));
  }

  @Test
  void test_a_purchase_short_of_cash_after_sales_filled_below_the_plan_buys_what_the_cash_pays() {
    // Issue 12: the sale fills at 297 instead of 300, so 10 × 297 = 2,970 of cash; 41 BND at the
    // collared limit 72.86 (72.50 × 1.005, rounded down) need 2,987.26. It used to place nothing.
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200");
    fx.fake.price("VTI", "297.00");
    ExecutionPlan plan = plan("sell 10 VTI @300", "buy 41 BND @72.50");

    ExecutionResult result = run(plan, FAST, false);

    // floor(2,970 / 72.86) = 40 whole shares; 40 × 72.86 = 2,914.40 ≤ 2,970.
    ExecutionEvent placed = store.events(plan.id()).stream()
        .filter(e -> e.type() == EventType.SUBMITTING && e.symbol().equals("BND")).findFirst().orElseThrow();
    assertThat(placed.quantity()).isEqualByComparingTo("40");
    assertThat(placed.price()).isEqualByComparingTo("72.86");
    TradeOutcome buy = result.trades().get(1);
    assertThat(buy.status()).isEqualTo(TradeOutcome.Status.PARTLY_FILLED);
    assertThat(buy.filled()).isEqualByComparingTo("40");
    assertThat(buy.remaining()).isEqualByComparingTo("1");
    assertThat(buy.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("placed 40 of 41 shares")
        .contains("needs about $2987.26, the broker reports $2970.00 available"));
    assertThat(result.remaining()).containsExactly(buy);
    assertThat(fx.account.cash()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    // A rerun places nothing more: the shortfall is to re-plan.
    run(plan, FAST, false);
    assertThat(fx.account.orderCount()).isEqualTo(2);
  }

  @Test
  void test_a_purchase_cut_short_for_cash_keeps_the_accounts_reserve() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200");
    fx.fake.price("VTI", "297.00");
    ExecutionPlan plan = plan("sell 10 VTI @300", "buy 41 BND @72.50");

    Fixture.executor(store, sink, FAST).execute(plan,
        Map.of(JOINT, new BrokerRoute(fx.broker(), false).withReserve(new BigDecimal("100"))));

    // (2,970 − 100) / 72.86 = 39.39: 39 shares, 2,841.54 spent at most, 128.46 ≥ 100 left.
    ExecutionEvent placed = store.events(plan.id()).stream()
        .filter(e -> e.type() == EventType.SUBMITTING && e.symbol().equals("BND")).findFirst().orElseThrow();
    assertThat(placed.quantity()).isEqualByComparingTo("39");
    assertThat(fx.account.cash()).isGreaterThanOrEqualTo(new BigDecimal("100"));
  }

  @Test
  void test_a_market_purchase_of_a_fractionable_asset_short_of_cash_uses_the_exact_cash() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200");
    fx.fake.price("VTI", "297.00");
    fx.fake.asset("BND", true, true);
    ExecutionPlan plan = plan("sell 10 VTI @300", "buy 41 BND @72.50");

    ExecutionResult result = run(plan, FAST.withOrderType(OrderType.MARKET), false);

    // 2,970 / 72.50 = 40.965517 (6 decimals, rounded down), as a market order.
    ExecutionEvent placed = store.events(plan.id()).stream()
        .filter(e -> e.type() == EventType.SUBMITTING && e.symbol().equals("BND")).findFirst().orElseThrow();
    assertThat(placed.quantity()).isEqualByComparingTo("40.965517");
    assertThat(placed.orderType()).isEqualTo("market");
    assertThat(result.trades().get(1).remaining()).isEqualByComparingTo("0.034483");
    assertThat(fx.account.cash()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
  }

  @Test
  void test_a_price_moved_beyond_tolerance_stops_the_account() {
    fx = new Fixture("10000");
    // Sized at 280; the last trade is 300: 7.14% > 2%.
    ExecutionPlan plan = plan("buy 5 BND @72.50", "buy 3 VTI @280");

    ExecutionResult result = run(plan, FAST, false);

    assertThat(fx.account.orderCount()).isZero();
    assertThat(result.halted()).singleElement().satisfies(h -> assertThat(h).contains("VTI last traded at 300").contains("7.14% from the proposal's 280"));
    assertThat(result.remaining()).hasSize(2);
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.NOT_EXECUTED);
    // A rerun does not place them either: the account is halted for this proposal.
    run(plan, FAST, false);
    assertThat(fx.account.orderCount()).isZero();
  }

  @Test
  void test_limit_orders_are_collared_and_fractional_quantities_go_as_market_orders() {
    fx = new Fixture("10000");
    fx.fake.asset("BND", true, false);
    ExecutionPlan plan = plan("buy 2.5 VTI @300", "buy 1.5 BND @72.50", "buy 4 ITOT @120");

    ExecutionResult result = run(plan, FAST, false);

    assertThat(result.trades().get(0).status()).isEqualTo(TradeOutcome.Status.FILLED);
    assertThat(result.trades().get(1).status()).isEqualTo(TradeOutcome.Status.NOT_PLACED);
    assertThat(result.trades().get(1).reason()).hasValueSatisfying(r -> assertThat(r).contains("fractional"));
    List<ExecutionEvent> submitted = store.events(plan.id()).stream().filter(e -> e.type() == EventType.SUBMITTING).toList();
    assertThat(submitted).extracting(ExecutionEvent::orderType).containsExactly("market", "limit");
    // 120 × 1.005 = 120.60
    assertThat(submitted.get(1).price()).isEqualByComparingTo("120.60");
  }

  @Test
  void test_market_policy_places_market_orders() {
    fx = new Fixture("10000");
    ExecutionPlan plan = plan("buy 4 ITOT @120");

    run(plan, FAST.withOrderType(OrderType.MARKET), false);

    assertThat(store.events(plan.id())).filteredOn(e -> e.type() == EventType.SUBMITTING)
        .extracting(ExecutionEvent::orderType).containsExactly("market");
  }

  @Test
  void test_a_rejection_is_recorded_with_the_brokers_reason() {
    fx = new Fixture("10000");
    fx.fake.reject("BND", 403, 40310000, "trading is halted for BND");
    ExecutionPlan plan = plan("buy 5 BND @72.50", "buy 4 ITOT @120");

    ExecutionResult result = run(plan, FAST, false);

    assertThat(result.trades().get(0).status()).isEqualTo(TradeOutcome.Status.REJECTED);
    assertThat(result.trades().get(0).reason()).contains("trading is halted for BND");
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.PARTLY_EXECUTED);
    assertThat(result.remaining()).extracting(o -> o.trade().index()).containsExactly(1);
    assertThat(store.events(plan.id())).filteredOn(e -> e.type() == EventType.REJECTED).singleElement()
        .satisfies(e -> assertThat(e.httpStatus()).isEqualTo(403));
    // Never retried blindly: a rerun leaves the refused trade to be re-planned.
    fx.fake.clearRejection("BND");
    run(plan, FAST, false);
    assertThat(fx.account.orderCount()).isEqualTo(1);
  }

  @Test
  void test_an_error_that_went_through_is_found_by_its_id_not_placed_again() {
    fx = new Fixture("10000");
    fx.fake.failAfterPlacingNext(1);
    ExecutionPlan plan = plan("buy 5 BND @72.50");

    ExecutionResult result = run(plan, FAST, false);

    assertThat(fx.account.placements()).containsExactly(ClientOrderIds.of(plan.id(), 1, 1));
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertThat(sink.transactions()).hasSize(1);
  }

  @Test
  void test_a_timeout_is_resolved_by_looking_the_id_up() {
    fx = new Fixture("10000");
    fx.fake.slowAfterPlacingNext(1, Duration.ofMillis(2500));
    ExecutionPlan plan = plan("buy 5 BND @72.50");

    ExecutionResult result = Fixture.executor(store, sink, FAST).execute(plan,
        Map.of(JOINT, new BrokerRoute(fx.broker(Duration.ofMillis(800)), false)));

    assertThat(fx.account.orderCount()).isEqualTo(1);
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
  }

  @Test
  void test_a_5xx_before_processing_is_sent_again_under_the_same_id() {
    fx = new Fixture("10000");
    fx.fake.failNext(1);
    ExecutionPlan plan = plan("buy 5 BND");

    ExecutionResult result = run(plan, FAST, false);

    assertThat(fx.account.placements()).containsExactly(ClientOrderIds.of(plan.id(), 1, 1));
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
  }

  @Test
  void test_partial_fill_cancelled_leaves_the_rest_to_re_plan() {
    fx = new Fixture("10000");
    fx.fake.fillFraction("BND", 0.4);
    ExecutionPlan plan = plan("buy 10 BND @72.50");

    ExecutionResult result = run(plan, FAST.withCancelUnfilled(true), false);

    TradeOutcome t = result.trades().get(0);
    assertThat(t.status()).isEqualTo(TradeOutcome.Status.PARTLY_FILLED);
    assertThat(t.filled()).isEqualByComparingTo("4");
    assertThat(t.remaining()).isEqualByComparingTo("6");
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.PARTLY_EXECUTED);
    assertThat(store.events(plan.id())).anyMatch(e -> e.type() == EventType.CANCEL_REQUESTED);
  }

  @Test
  void test_retry_unfilled_places_a_new_attempt_under_a_new_id() {
    fx = new Fixture("10000");
    fx.fake.fillFraction("BND", 0.4);
    ExecutionPlan plan = plan("buy 10 BND @72.50");
    run(plan, FAST, false);
    fx.account.expireOpenOrders();
    fx.fake.fillFraction("BND", 1.0);

    ExecutionResult result = run(plan, FAST.withRetryUnfilled(true), false);

    assertThat(fx.account.placements()).containsExactly(ClientOrderIds.of(plan.id(), 1, 1),
        ClientOrderIds.of(plan.id(), 1, 2));
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertThat(fx.account.positions()).containsEntry("BND", new BigDecimal("10"));
    assertThat(sink.transactions()).extracting(tx -> tx.quantity().orElseThrow().intValue()).containsExactly(4, 6);
  }

  @Test
  void test_a_harvest_whose_substitute_is_not_bought_is_warned() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "350");
    fx.fake.reject("ITOT", 422, 42210000, "asset ITOT is not tradable");
    ExecutionPlan plan = plan("sell 10 VTI @300 harvest", "buy 25 ITOT @120 harvest");

    ExecutionResult result = run(plan, FAST, false);

    assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("harvest sale executed"));
  }

  @Test
  void test_client_order_ids_fit_48_characters() {
    assertThat(ClientOrderIds.of(ProposalId.of("0123456789ab"), 999, 999)).hasSizeLessThanOrEqualTo(48);
  }
}
