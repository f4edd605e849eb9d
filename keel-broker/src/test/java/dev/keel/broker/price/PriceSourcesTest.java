package dev.keel.broker.price;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.alpaca.AlpacaBroker;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceSourcesTest {

  @Test
  void test_alpaca_latest_trades_give_price_time_date_and_origin() {
    try (FakeAlpacaServer fake = FakeAlpacaServer.start()) {
      fake.account("PKPRICE", "price-secret", "PA0000009", BigDecimal.ZERO);
      fake.price("VTI", "301.25");
      PriceSource source = new AlpacaBroker(AlpacaConfig.forTest(fake.url(), "PKPRICE", "price-secret"),
          HttpClient.newHttpClient(), Clock.systemUTC(), d -> { });

      Map<Symbol, LatestPrice> latest = source.latest(List.of(Symbol.of("VTI"), Symbol.of("NOPE")));

      assertThat(latest).containsOnlyKeys(Symbol.of("VTI"));
      LatestPrice vti = latest.get(Symbol.of("VTI"));
      assertThat(vti.price()).isEqualByComparingTo("301.25");
      assertThat(vti.time()).isPresent();
      assertThat(vti.date()).isEqualTo(vti.time().get().toLocalDate());
      assertThat(vti.time().get().getZone()).isEqualTo(LatestPrice.MARKET_ZONE);
      assertThat(vti.origin()).isEqualTo("alpaca latest trade (exchange V)");
      assertThat(source.name()).isEqualTo("alpaca");
    }
  }

  @Test
  void test_prices_csv_source_gives_the_latest_on_or_before_the_as_of_date_with_its_line() {
    PriceTable table = PriceTable.builder().source("prices.csv")
        .put(Symbol.of("VTI"), LocalDate.of(2026, 11, 20), new BigDecimal("296.10"), SourceRef.of("prices.csv", 2))
        .put(Symbol.of("VTI"), LocalDate.of(2026, 11, 30), new BigDecimal("310.00"), SourceRef.of("prices.csv", 3))
        .build();

    Map<Symbol, LatestPrice> latest = new PriceTableSource(table, LocalDate.of(2026, 11, 25))
        .latest(List.of(Symbol.of("VTI"), Symbol.of("BND")));

    assertThat(latest).containsOnlyKeys(Symbol.of("VTI"));
    assertThat(latest.get(Symbol.of("VTI"))).isEqualTo(new LatestPrice(Symbol.of("VTI"), new BigDecimal("296.10"),
        LocalDate.of(2026, 11, 20), java.util.Optional.empty(), "prices.csv line 2"));
  }
}
