package dev.keel.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.BrokerException;
import dev.keel.broker.BrokerFill;
import dev.keel.broker.BrokerOrder;
import dev.keel.broker.OrderRequest;
import dev.keel.broker.OrderSide;
import dev.keel.broker.OrderStatus;
import dev.keel.broker.OrderType;
import dev.keel.broker.TimeInForce;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AlpacaBrokerTest {

  static final String KEY = "PKTESTKEY0001";
  static final String SECRET = "s3cr3t-Do-Not-Log-4f9a";

  FakeAlpacaServer fake;
  AlpacaBroker broker;

  @BeforeEach
  void start() {
    fake = FakeAlpacaServer.start();
    fake.account(KEY, SECRET, "PA1234567", new BigDecimal("10000"));
    fake.account(KEY).position("VTI", "10", "250");
    fake.price("VTI", "300.00");
    fake.price("BND", "72.50");
    // Generous: the build machine is shared, and a first request can take a while to be answered.
    broker = new AlpacaBroker(AlpacaConfig.forTest(fake.url(), KEY, SECRET).withRequestTimeout(Duration.ofSeconds(5)),
        HttpClient.newHttpClient(), Clock.systemUTC(), d -> Thread.sleep(Math.min(d.toMillis(), 50)));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  static OrderRequest market(String id, String symbol, OrderSide side, String qty) {
    return new OrderRequest(id, Symbol.of(symbol), side, new BigDecimal(qty), OrderType.MARKET, Optional.empty(),
        TimeInForce.DAY);
  }

  @Test
  void test_account_and_positions_read_alpaca_fields() {
    BrokerAccount account = broker.account();

    assertThat(account.accountNumber()).isEqualTo("PA1234567");
    assertThat(account.cash()).isEqualByComparingTo("10000");
    assertThat(account.buyingPower()).isEqualByComparingTo("10000");
    assertThat(account.active()).isTrue();
    assertThat(broker.positions()).singleElement().satisfies(p -> {
      assertThat(p.symbol()).isEqualTo(Symbol.of("VTI"));
      assertThat(p.quantity()).isEqualByComparingTo("10");
      assertThat(p.averageEntryPrice()).isEqualByComparingTo("250");
    });
  }

  @Test
  void test_submit_fills_and_is_found_by_client_order_id() {
    BrokerOrder placed = broker.submit(market("keel-abc123-t1-a1", "BND", OrderSide.BUY, "10"));

    assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(placed.filledQuantity()).isEqualByComparingTo("10");
    assertThat(placed.filledAveragePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("72.50"));
    assertThat(broker.findOrder("keel-abc123-t1-a1")).hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(placed.id()));
    assertThat(broker.findOrder("keel-abc123-t9-a1")).isEmpty();
    // 10 × 72.50 = 725.00 out of 10,000.
    assertThat(broker.account().cash()).isEqualByComparingTo("9275.00");
    List<BrokerFill> fills = broker.fills(Instant.now().minusSeconds(60));
    assertThat(fills).singleElement().satisfies(f -> {
      assertThat(f.orderId()).isEqualTo(placed.id());
      assertThat(f.quantity()).isEqualByComparingTo("10");
      assertThat(f.price()).isEqualByComparingTo("72.50");
      assertThat(f.side()).isEqualTo(OrderSide.BUY);
    });
  }

  @Test
  void test_duplicate_client_order_id_is_refused_with_422() {
    broker.submit(market("keel-abc123-t1-a1", "BND", OrderSide.BUY, "1"));

    assertThatThrownBy(() -> broker.submit(market("keel-abc123-t1-a1", "BND", OrderSide.BUY, "1")))
        .isInstanceOfSatisfying(BrokerException.Rejected.class, r -> {
          assertThat(r.status()).isEqualTo(422);
          assertThat(r.reason()).isEqualTo("client_order_id must be unique");
        });
    assertThat(fake.account(KEY).orderCount()).isEqualTo(1);
  }

  @Test
  void test_refusals_carry_the_brokers_status_code_and_message() {
    assertThatThrownBy(() -> broker.submit(market("a1", "BND", OrderSide.BUY, "1000")))
        .isInstanceOfSatisfying(BrokerException.Rejected.class, r -> {
          assertThat(r.status()).isEqualTo(403);
          assertThat(r.code()).contains(40310000L);
          assertThat(r.reason()).isEqualTo("insufficient buying power");
        });
    fake.fillFraction("VTI", 0);
    broker.submit(new OrderRequest("a2", Symbol.of("VTI"), OrderSide.SELL, new BigDecimal("5"), OrderType.LIMIT,
        Optional.of(new BigDecimal("400")), TimeInForce.DAY));
    assertThatThrownBy(() -> broker.submit(market("a3", "VTI", OrderSide.BUY, "1")))
        .isInstanceOfSatisfying(BrokerException.Rejected.class, r -> {
          assertThat(r.status()).isEqualTo(403);
          assertThat(r.reason()).contains("potential wash trade detected");
        });
    fake.asset("BND", true, false);
    assertThatThrownBy(() -> broker.submit(market("a4", "BND", OrderSide.BUY, "1.5")))
        .isInstanceOfSatisfying(BrokerException.Rejected.class, r -> assertThat(r.status()).isEqualTo(422));
  }

  @Test
  void test_open_orders_and_cancel() {
    BrokerOrder open = broker.submit(new OrderRequest("c1", Symbol.of("BND"), OrderSide.BUY, new BigDecimal("2"),
        OrderType.LIMIT, Optional.of(new BigDecimal("60.00")), TimeInForce.DAY));

    assertThat(open.status()).isEqualTo(OrderStatus.NEW);
    assertThat(broker.openOrders()).extracting(BrokerOrder::clientOrderId).containsExactly("c1");
    broker.cancel(open.id());
    assertThat(broker.findOrder("c1")).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
    assertThat(broker.openOrders()).isEmpty();
    assertThatThrownBy(() -> broker.cancel(open.id()))
        .isInstanceOfSatisfying(BrokerException.Rejected.class, r -> assertThat(r.status()).isEqualTo(422));
  }

  @Test
  void test_assets_and_latest_prices() {
    fake.asset("ACME", false, false);

    assertThat(broker.asset(Symbol.of("VTI"))).hasValueSatisfying(a -> {
      assertThat(a.tradable()).isTrue();
      assertThat(a.fractionable()).isTrue();
    });
    assertThat(broker.asset(Symbol.of("ACME"))).hasValueSatisfying(a -> assertThat(a.tradable()).isFalse());
    assertThat(broker.asset(Symbol.of("NOPE"))).isEmpty();
    Map<Symbol, BigDecimal> prices = broker.latestPrices(List.of(Symbol.of("VTI"), Symbol.of("NOPE")));
    assertThat(prices).containsOnlyKeys(Symbol.of("VTI"));
    assertThat(prices.get(Symbol.of("VTI"))).isEqualByComparingTo("300.00");
  }

  @Test
  void test_429_is_waited_out_and_retried() {
    fake.throttleNext(2);

    assertThat(broker.account().cash()).isEqualByComparingTo("10000");
  }

  @Test
  void test_a_read_is_retried_after_5xx_but_a_placement_is_not() {
    fake.failNext(2);
    assertThat(broker.positions()).hasSize(1);

    fake.failAfterPlacingNext(1);
    assertThatThrownBy(() -> broker.submit(market("u1", "BND", OrderSide.BUY, "1")))
        .isInstanceOf(BrokerException.Unknown.class);
    // The error went through: the order exists, and only once.
    assertThat(broker.findOrder("u1")).isPresent();
    assertThat(fake.account(KEY).placements()).containsExactly("u1");
  }

  @Test
  void test_a_timeout_is_an_unknown_outcome() {
    fake.slowAfterPlacingNext(1, Duration.ofMillis(2500));
    AlpacaBroker impatient = new AlpacaBroker(AlpacaConfig.forTest(fake.url(), KEY, SECRET)
        .withRequestTimeout(Duration.ofMillis(600)));

    assertThatThrownBy(() -> impatient.submit(market("slow1", "BND", OrderSide.BUY, "1")))
        .isInstanceOf(BrokerException.Unknown.class);
    assertThat(fake.account(KEY).placements()).containsExactly("slow1");
  }

  @Test
  void test_wrong_secret_is_refused_with_401() {
    AlpacaBroker wrong = new AlpacaBroker(AlpacaConfig.forTest(fake.url(), KEY, "wrong"));

    assertThatThrownBy(wrong::account).isInstanceOfSatisfying(BrokerException.Rejected.class, r -> {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.getMessage()).doesNotContain("wrong");
    });
  }

  @Test
  void test_no_secret_in_any_log_line_or_message() {
    Logger root = (Logger) LoggerFactory.getLogger("dev.keel");
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    try {
      fake.throttleNext(1);
      fake.failNext(1);
      broker.account();
      broker.submit(market("log1", "BND", OrderSide.BUY, "1"));
      fake.failAfterPlacingNext(1);
      StringBuilder messages = new StringBuilder();
      try {
        broker.submit(market("log2", "BND", OrderSide.BUY, "1"));
      } catch (BrokerException e) {
        messages.append(e.getMessage());
      }
      try {
        broker.submit(market("log3", "BND", OrderSide.BUY, "100000"));
      } catch (BrokerException e) {
        messages.append(e.getMessage());
      }
      messages.append(AlpacaConfig.forTest(fake.url(), KEY, SECRET));
      assertThat(appender.list).isNotEmpty();
      for (ILoggingEvent e : appender.list) {
        messages.append(e.getFormattedMessage());
      }
      assertThat(messages.toString()).contains("POST /v2/orders -> 200").doesNotContain(SECRET).doesNotContain(KEY);
    } finally {
      root.detachAppender(appender);
      root.setLevel(before);
    }
  }

  @Test
  void test_config_from_environment_paper_by_default_live_only_when_asked() {
    AlpacaConfig paper = AlpacaConfig.fromEnvironment(Map.of("APCA_API_KEY_ID", "k", "APCA_API_SECRET_KEY", "s"), false);
    assertThat(paper.tradingUrl()).isEqualTo(AlpacaConfig.PAPER);
    assertThat(paper.live()).isFalse();
    assertThat(paper.toString()).doesNotContain("s]").contains("paper");

    assertThatThrownBy(() -> AlpacaConfig.fromEnvironment(Map.of("APCA_API_KEY_ID", "k", "APCA_API_SECRET_KEY", "s",
        "APCA_API_BASE_URL", "https://api.alpaca.markets"), false))
        .hasMessageContaining("live trading needs --broker alpaca-live");
    assertThat(AlpacaConfig.fromEnvironment(Map.of("APCA_API_KEY_ID", "k", "APCA_API_SECRET_KEY", "s",
        "APCA_API_BASE_URL", "https://api.alpaca.markets"), true).live()).isTrue();
    assertThatThrownBy(() -> AlpacaConfig.fromEnvironment(Map.of(), false))
        .hasMessageContaining("APCA_API_KEY_ID is not set").hasMessageContaining("APCA_API_SECRET_KEY is not set");
  }
}
