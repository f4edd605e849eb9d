package dev.keel.broker.execute;

import static dev.keel.broker.execute.Fixture.FAST;
import static dev.keel.broker.execute.Fixture.JOINT;
import static dev.keel.broker.execute.Fixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.LotMethod;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.LotId;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A broker that relieves lots by its own method (Alpaca cannot take a lot choice): the books follow that method. */
class BrokerLotsTest {

  Fixture fx;
  final InMemoryExecutionStore store = new InMemoryExecutionStore();
  final InMemoryLedgerSink sink = new InMemoryLedgerSink();

  @AfterEach
  void stop() {
    fx.close();
  }

  static Lot lot(String id, String quantity, String basis, LocalDate acquired, long sequence) {
    return new Lot(LotId.of(id), JOINT, Symbol.of("VTI"), new BigDecimal(quantity), new BigDecimal(basis), acquired,
        acquired, false, BigDecimal.ZERO, sequence, false, sequence);
  }

  // L1: 15 shares at $200 (2020), L2: 10 shares at $250 (2022).
  static final List<Lot> LOTS = List.of(lot("L1", "15", "3000", LocalDate.of(2020, 1, 10), 1),
      lot("L2", "10", "2500", LocalDate.of(2022, 5, 10), 2));

  List<String> soldLots(ExecutionResult result) {
    return sink.transactions().stream().filter(t -> t.action() == Action.SELL)
        .map(t -> t.lotId().map(LotId::value).orElse("-") + ":" + t.quantity().orElseThrow().toPlainString()).toList();
  }

  @Test
  void test_sales_are_booked_with_the_lots_the_brokers_fifo_relieves_not_the_proposals_hifo_lots() {
    fx = new Fixture("0");
    fx.account.position("VTI", "25", "220");
    BrokerRoute route = new BrokerRoute(fx.broker(), false)
        .withBrokerLots(new BrokerLots(LotMethod.FIFO, LOTS, MarginalRates.of("0.24", "0.15")));

    // The proposal chose the highest cost first (L2, then L1); the broker sells first in, first out.
    ExecutionResult result = Fixture.executor(store, sink, FAST).execute(plan("sell 20 VTI @300 L2:10 L1:10"),
        Map.of(JOINT, route));

    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertThat(soldLots(result)).containsExactly("L1:15", "L2:5");
  }

  @Test
  void test_partial_fills_take_the_next_lots_in_the_brokers_order() {
    fx = new Fixture("0");
    fx.account.position("VTI", "25", "220");
    fx.fake.fillFraction("VTI", 0.5);
    BrokerRoute route = new BrokerRoute(fx.broker(), false)
        .withBrokerLots(new BrokerLots(LotMethod.LIFO, LOTS, MarginalRates.of("0.24", "0.15")));
    ExecutionPlan plan = plan("sell 20 VTI @300 L1:15 L2:5");

    Fixture.executor(store, sink, FAST).execute(plan, Map.of(JOINT, route));
    fx.account.fillOpenOrders();
    // The next run starts from the books as they are now (keel execute replays transactions.csv): L2 is gone.
    BrokerRoute next = new BrokerRoute(fx.broker(), false).withBrokerLots(new BrokerLots(LotMethod.LIFO,
        List.of(LOTS.get(0)), MarginalRates.of("0.24", "0.15")));
    Fixture.executor(store, sink, FAST).execute(plan, Map.of(JOINT, next));

    // LIFO: L2's 10 shares first, then L1; the second fill of 10 starts where the first left off.
    assertThat(soldLots(null)).containsExactly("L2:10", "L1:10");
  }

  @Test
  void test_without_a_declared_broker_method_the_sale_names_no_lot_and_the_ledger_relieves_by_its_own() {
    fx = new Fixture("0");
    fx.account.position("VTI", "25", "220");

    Fixture.executor(store, sink, FAST).execute(plan("sell 20 VTI @300 L2:10 L1:10"),
        Map.of(JOINT, new BrokerRoute(fx.broker(), false)));

    assertThat(soldLots(null)).containsExactly("-:20");
  }
}
