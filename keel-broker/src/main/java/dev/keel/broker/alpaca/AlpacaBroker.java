package dev.keel.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.broker.AssetInfo;
import dev.keel.broker.Broker;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.BrokerException;
import dev.keel.broker.BrokerFill;
import dev.keel.broker.BrokerOrder;
import dev.keel.broker.BrokerPosition;
import dev.keel.broker.OrderRequest;
import dev.keel.broker.OrderSide;
import dev.keel.broker.OrderStatus;
import dev.keel.broker.OrderType;
import dev.keel.broker.price.LatestPrice;
import dev.keel.broker.price.PriceSource;
import dev.keel.core.security.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Alpaca account through the Trading API v2 (and the market data API for latest trades).
 *
 * <p>Retries: a read (GET) is retried on 429, 5xx and lost connections a few times with backoff;
 * an order placement is retried only on 429 (the request was refused before it was processed) and
 * otherwise reports {@link BrokerException.Unknown}, so that the caller looks the order up by its
 * client order id instead of placing it blindly a second time. Logs name the method, the path and
 * the status, never a header.
 */
public final class AlpacaBroker implements Broker, PriceSource {

  private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
  /** Decimals stay decimals: a price of 300.10 must not pass through a double. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final int READ_ATTEMPTS = 4;
  private static final int THROTTLE_ATTEMPTS = 8;
  private static final Duration BACKOFF = Duration.ofMillis(250);

  private final AlpacaConfig config;
  private final HttpClient http;
  private final RatePacer pacer;
  private final RatePacer.Sleeper sleeper;

  public AlpacaBroker(AlpacaConfig config) {
    this(config, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()));
  }

  public AlpacaBroker(AlpacaConfig config, HttpClient http, Clock clock, RatePacer.Sleeper sleeper) {
    this.config = config;
    this.http = http;
    this.sleeper = sleeper;
    this.pacer = new RatePacer(config.requestsPerMinute(), clock, sleeper);
  }

  @Override
  public BrokerAccount account() {
    JsonNode a = get(config.tradingUrl(), "/v2/account").orElseThrow(() -> notFound("/v2/account"));
    return new BrokerAccount(text(a, "account_number"), decimal(a, "cash"), decimal(a, "buying_power"), text(a, "status"),
        optionalDecimal(a, "non_marginable_buying_power"));
  }

  @Override
  public List<BrokerPosition> positions() {
    JsonNode list = get(config.tradingUrl(), "/v2/positions").orElseThrow(() -> notFound("/v2/positions"));
    List<BrokerPosition> out = new ArrayList<>();
    for (JsonNode p : list) {
      out.add(new BrokerPosition(Symbol.of(text(p, "symbol")), decimal(p, "qty"), optionalDecimal(p, "avg_entry_price")
          .orElse(BigDecimal.ZERO)));
    }
    return out;
  }

  @Override
  public BrokerOrder submit(OrderRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("symbol", request.symbol().value());
    body.put("qty", request.quantity().toPlainString());
    body.put("side", request.side().code());
    body.put("type", request.type().code());
    body.put("time_in_force", request.timeInForce().code());
    request.limitPrice().ifPresent(p -> body.put("limit_price", p.toPlainString()));
    body.put("client_order_id", request.clientOrderId());
    Answer answer = send("POST", config.tradingUrl(), "/v2/orders", body.toString(), false);
    if (answer.status() == 200 || answer.status() == 201) {
      return order(answer.body());
    }
    throw refusal(answer);
  }

  @Override
  public Optional<BrokerOrder> findOrder(String clientOrderId) {
    return get(config.tradingUrl(), "/v2/orders:by_client_order_id?client_order_id=" + encode(clientOrderId))
        .map(AlpacaBroker::order);
  }

  @Override
  public List<BrokerOrder> openOrders() {
    JsonNode list = get(config.tradingUrl(), "/v2/orders?status=open&limit=500&direction=asc")
        .orElseThrow(() -> notFound("/v2/orders"));
    List<BrokerOrder> out = new ArrayList<>();
    list.forEach(o -> out.add(order(o)));
    return out;
  }

  @Override
  public void cancel(String orderId) {
    Answer answer = send("DELETE", config.tradingUrl(), "/v2/orders/" + encode(orderId), null, true);
    if (answer.status() != 204 && answer.status() != 200) {
      throw refusal(answer);
    }
  }

  @Override
  public List<BrokerFill> fills(Instant since) {
    List<BrokerFill> out = new ArrayList<>();
    String pageToken = null;
    while (true) {
      String path = "/v2/account/activities/FILL?direction=asc&page_size=100&after=" + encode(since.toString())
          + (pageToken == null ? "" : "&page_token=" + encode(pageToken));
      JsonNode list = get(config.tradingUrl(), path).orElseThrow(() -> notFound("/v2/account/activities/FILL"));
      for (JsonNode a : list) {
        out.add(new BrokerFill(text(a, "id"), text(a, "order_id"), Symbol.of(text(a, "symbol")),
            OrderSide.parse(text(a, "side")), decimal(a, "qty"), decimal(a, "price"), BigDecimal.ZERO,
            instant(a, "transaction_time")));
      }
      if (list.size() < 100) {
        return out;
      }
      pageToken = text(list.get(list.size() - 1), "id");
    }
  }

  @Override
  public Map<Symbol, BigDecimal> latestPrices(Collection<Symbol> symbols) {
    Map<Symbol, BigDecimal> out = new LinkedHashMap<>();
    latest(symbols).forEach((s, p) -> out.put(s, p.price()));
    return out;
  }

  /**
   * The latest trade of each symbol from the market data API ({@code GET /v2/stocks/trades/latest?symbols=},
   * answered as {@code {"trades": {"VTI": {"t": "2026-11-30T15:59:59.9Z", "x": "V", "p": 301.2, ...}}}}):
   * the price {@code p}, the time {@code t} and the exchange {@code x} (V is IEX, the free feed).
   */
  @Override
  public Map<Symbol, LatestPrice> latest(Collection<Symbol> symbols) {
    Map<Symbol, LatestPrice> out = new LinkedHashMap<>();
    if (symbols.isEmpty()) {
      return out;
    }
    String list = symbols.stream().map(Symbol::value).distinct().collect(Collectors.joining(","));
    JsonNode root = get(config.dataUrl(), "/v2/stocks/trades/latest?symbols=" + encode(list))
        .orElseThrow(() -> notFound("/v2/stocks/trades/latest"));
    JsonNode trades = root.path("trades");
    trades.fieldNames().forEachRemaining(s -> {
      JsonNode trade = trades.get(s);
      JsonNode p = trade.get("p");
      if (p == null || !p.isNumber() || p.decimalValue().signum() <= 0 || !trade.hasNonNull("t")) {
        return;
      }
      String exchange = trade.path("x").asText("");
      out.put(Symbol.of(s), LatestPrice.ofTrade(Symbol.of(s), p.decimalValue(), instant(trade, "t"),
          "alpaca latest trade" + (exchange.isEmpty() ? "" : " (exchange " + exchange + ")")));
    });
    return out;
  }

  @Override
  public String name() {
    return "alpaca";
  }

  @Override
  public Optional<AssetInfo> asset(Symbol symbol) {
    return get(config.tradingUrl(), "/v2/assets/" + encode(symbol.value())).map(a -> new AssetInfo(symbol,
        a.path("tradable").asBoolean(false), a.path("fractionable").asBoolean(false), a.path("status").asText("")));
  }

  // ---- HTTP ----

  private record Answer(int status, JsonNode body, String raw) {}

  /** A GET, retried on 429, 5xx and lost connections; empty on 404. */
  private Optional<JsonNode> get(URI base, String path) {
    Answer answer = send("GET", base, path, null, true);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (answer.status() / 100 == 2) {
      return Optional.of(answer.body());
    }
    throw refusal(answer);
  }

  private Answer send(String method, URI base, String path, String body, boolean idempotent) {
    int throttles = 0;
    int failures = 0;
    while (true) {
      try {
        pacer.acquire();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(config.requestTimeout())
            .header("APCA-API-KEY-ID", config.keyId())
            .header("APCA-API-SECRET-KEY", config.secret().reveal())
            .header("Accept", "application/json");
        if (body != null) {
          request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
          request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        OptionalLong remaining = header(response, "X-RateLimit-Remaining");
        OptionalLong reset = header(response, "X-RateLimit-Reset");
        pacer.observe(remaining, reset);
        int status = response.statusCode();
        LOG.debug("{} {} -> {}", method, pathOnly(path), status);
        if (status == 429) {
          // Refused before it was processed: safe to send again, orders included, after the reset.
          pacer.throttled(reset, BACKOFF.multipliedBy(1L << Math.min(throttles, 6)));
          if (++throttles < THROTTLE_ATTEMPTS) {
            LOG.info("{} {} rate limited (429); waiting for the reset", method, pathOnly(path));
            continue;
          }
          throw new BrokerException.Unknown(method + " " + pathOnly(path) + ": still rate limited after "
              + throttles + " waits", null);
        }
        if (status >= 500 && idempotent && ++failures < READ_ATTEMPTS) {
          LOG.info("{} {} -> {}; retrying", method, pathOnly(path), status);
          sleeper.sleep(BACKOFF.multipliedBy(1L << failures));
          continue;
        }
        if (status >= 500) {
          throw new BrokerException.Unknown(method + " " + pathOnly(path) + ": broker answered " + status
              + errorText(response.body()), null);
        }
        String raw = response.body() == null ? "" : response.body();
        JsonNode json = raw.isBlank() ? JSON.nullNode() : parse(raw);
        return new Answer(status, json, raw);
      } catch (IOException e) {
        if (idempotent && ++failures < READ_ATTEMPTS) {
          LOG.info("{} {} failed ({}); retrying", method, pathOnly(path), e.getClass().getSimpleName());
          sleepQuietly(BACKOFF.multipliedBy(1L << failures));
          continue;
        }
        throw new BrokerException.Unknown(method + " " + pathOnly(path) + ": no answer (" + e.getClass().getSimpleName()
            + ")", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException.Unknown(method + " " + pathOnly(path) + ": interrupted", e);
      }
    }
  }

  private void sleepQuietly(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException.Unknown("interrupted", e);
    }
  }

  private static JsonNode parse(String raw) {
    try {
      return JSON.readTree(raw);
    } catch (IOException e) {
      throw new BrokerException.Unknown("the broker's answer is not JSON", null);
    }
  }

  /** Alpaca's error body: {@code {"code": 40310000, "message": "insufficient buying power"}}. */
  private static BrokerException refusal(Answer answer) {
    JsonNode body = answer.body();
    Optional<Long> code = body.has("code") && body.get("code").canConvertToLong() ? Optional.of(body.get("code").asLong())
        : Optional.empty();
    String message = body.hasNonNull("message") ? body.get("message").asText()
        : answer.raw().isBlank() ? "HTTP " + answer.status() : answer.raw();
    return new BrokerException.Rejected(answer.status(), code, message);
  }

  private static String errorText(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    try {
      JsonNode body = JSON.readTree(raw);
      return body.hasNonNull("message") ? " (" + body.get("message").asText() + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static BrokerException notFound(String path) {
    return new BrokerException.Rejected(404, Optional.empty(), path + " not found");
  }

  private static OptionalLong header(HttpResponse<?> response, String name) {
    Optional<String> value = response.headers().firstValue(name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  // ---- JSON ----

  static BrokerOrder order(JsonNode o) {
    String type = o.hasNonNull("type") ? text(o, "type") : text(o, "order_type");
    Instant updated = o.hasNonNull("updated_at") ? instant(o, "updated_at") : instant(o, "created_at");
    return new BrokerOrder(text(o, "id"), text(o, "client_order_id"), Symbol.of(text(o, "symbol")),
        OrderSide.parse(text(o, "side")), optionalDecimal(o, "qty").orElse(BigDecimal.ZERO),
        optionalDecimal(o, "filled_qty").orElse(BigDecimal.ZERO), optionalDecimal(o, "filled_avg_price"),
        OrderType.parse(type), optionalDecimal(o, "limit_price"), OrderStatus.parse(text(o, "status")), updated);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new BrokerException.Unknown("the broker's answer has no " + field, null);
    }
    return value.asText();
  }

  /** Alpaca writes decimals as strings ("qty": "10.5"); a number is accepted too. */
  private static BigDecimal decimal(JsonNode node, String field) {
    return optionalDecimal(node, field)
        .orElseThrow(() -> new BrokerException.Unknown("the broker's answer has no " + field, null));
  }

  private static Optional<BigDecimal> optionalDecimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim()));
    } catch (NumberFormatException e) {
      throw new BrokerException.Unknown("the broker's " + field + " is not a number: " + value.asText(), null);
    }
  }

  private static Instant instant(JsonNode node, String field) {
    try {
      return java.time.OffsetDateTime.parse(text(node, field)).toInstant();
    } catch (DateTimeParseException e) {
      throw new BrokerException.Unknown("the broker's " + field + " is not a timestamp", null);
    }
  }
}
