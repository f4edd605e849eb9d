package dev.keel.broker.execute;

import static dev.keel.broker.execute.Fixture.FAST;
import static dev.keel.broker.execute.Fixture.JOINT;
import static dev.keel.broker.execute.Fixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.price.PriceTableSource;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A broker without market data: collars and the price check use the route's price source (prices.csv). */
class PriceSourceExecutionTest {

  Fixture fx;
  final InMemoryExecutionStore store = new InMemoryExecutionStore();
  final InMemoryLedgerSink sink = new InMemoryLedgerSink();

  @AfterEach
  void stop() {
    fx.close();
  }

  static PriceTableSource pricesCsv(String vti) {
    PriceTable table = PriceTable.builder().source("prices.csv")
        .put(Symbol.of("VTI"), LocalDate.of(2026, 11, 30), new BigDecimal(vti), SourceRef.of("prices.csv", 4)).build();
    return new PriceTableSource(table, LocalDate.of(2026, 11, 30));
  }

  @Test
  void test_a_move_seen_in_prices_csv_stops_the_account_and_names_the_row() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200");
    BrokerRoute route = new BrokerRoute(new WithoutMarketData(fx.broker()), true).withPrices(pricesCsv("310.00"));

    // 310 against the proposal's 300: 3.33%, beyond the 2% tolerance.
    ExecutionResult result = Fixture.executor(store, sink, FAST).execute(plan("sell 20 VTI @300"), Map.of(JOINT, route));

    assertThat(fx.account.orderCount()).isZero();
    assertThat(result.halted()).singleElement().satisfies(h -> assertThat(h)
        .contains("VTI last traded at 310.00 (prices.csv line 4 of 2026-11-30), 3.33% from the proposal's 300"));
  }

  @Test
  void test_the_collar_is_set_around_the_price_from_prices_csv() {
    fx = new Fixture("0");
    fx.account.position("VTI", "100", "200");
    BrokerRoute route = new BrokerRoute(new WithoutMarketData(fx.broker()), true).withPrices(pricesCsv("301.00"));

    ExecutionResult result = Fixture.executor(store, sink, FAST).execute(plan("sell 20 VTI @300"), Map.of(JOINT, route));

    // A sale's limit: 301 × (1 − 0.005) = 299.495, rounded up to the cent: 299.50 (below the fake's 300: it fills).
    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertThat(result.warnings()).noneMatch(w -> w.contains("gives no latest prices"));
    assertThat(store.events(result.proposal()).stream().filter(e -> e.type() == EventType.SUBMITTING))
        .singleElement().satisfies(e -> assertThat(e.price()).isEqualByComparingTo("299.50"));
  }
}
