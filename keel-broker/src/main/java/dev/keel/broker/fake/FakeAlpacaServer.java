package dev.keel.broker.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process Alpaca (Trading API v2 and the latest-trades endpoint of the market data API) on
 * an ephemeral loopback port. Each API key is one account with its own cash, positions, orders,
 * fill activities and rate-limit window. Prices and assets are shared by every account.
 *
 * <p>What it checks, as Alpaca does: the key headers (401), a unique {@code client_order_id} (422),
 * a limit price on a limit order (422), fractional quantities only on fractionable assets in
 * market orders with time in force {@code day} (422), tradable assets (422), shares available to
 * sell and buying power to buy (403 {@code 40310000}), and a purchase while a sale of the same
 * symbol is open (403 "potential wash trade detected"). Marketable orders fill at once at the
 * symbol's price (in full, or the part set with {@link #fillFraction}); a limit order that is not
 * marketable stays {@code new}.
 */
public final class FakeAlpacaServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
  private static final DateTimeFormatter ACTIVITY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
      .withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, FakeAccount> accounts = new ConcurrentHashMap<>();
  private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();
  private final Map<String, boolean[]> assets = new ConcurrentHashMap<>();
  private final Map<String, Double> fillFractions = new ConcurrentHashMap<>();
  private final Map<String, Rejection> rejections = new ConcurrentHashMap<>();
  private final AtomicLong clockMillis = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private volatile int rateLimit = 200;
  private volatile Duration latency = Duration.ZERO;
  private final Faults faults = new Faults();

  /** A rejection the fake answers for every order of a symbol. */
  public record Rejection(int status, long code, String message) {}

  /** Faults on demand, shared by all accounts: each counter is consumed by the next requests. */
  static final class Faults {
    int throttle;
    int failBefore;
    int failAfterOrder;
    int slowAfterOrder;
    Duration slow = Duration.ZERO;
    int dropFills;
  }

  private FakeAlpacaServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Starts a fake on an ephemeral loopback port. */
  public static FakeAlpacaServer start() {
    // Without TCP_NODELAY the JDK server's header and body segments meet the client's delayed ACK:
    // about 40 ms per answer on loopback, which would swamp every figure measured against the fake.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
      ExecutorService threads = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "fake-alpaca");
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(threads);
      FakeAlpacaServer fake = new FakeAlpacaServer(server, threads);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  // ---- set-up ----

  /** Opens an account for an API key pair, with cash and no positions. */
  public FakeAccount account(String keyId, String secret, String accountNumber, BigDecimal cash) {
    FakeAccount a = new FakeAccount(keyId, secret, accountNumber, cash);
    accounts.put(keyId, a);
    return a;
  }

  public FakeAccount account(String keyId) {
    return accounts.get(keyId);
  }

  /** The last trade price of a symbol; also makes it a tradable, fractionable asset unless set otherwise. */
  public void price(String symbol, String price) {
    prices.put(symbol, new BigDecimal(price));
    assets.putIfAbsent(symbol, new boolean[] {true, true});
  }

  public void asset(String symbol, boolean tradable, boolean fractionable) {
    assets.put(symbol, new boolean[] {tradable, fractionable});
  }

  /** Fills only this fraction of each new order of the symbol (0: none, the order stays open). */
  public void fillFraction(String symbol, double fraction) {
    fillFractions.put(symbol, fraction);
  }

  /** Refuses every order of the symbol with this answer. */
  public void reject(String symbol, int status, long code, String message) {
    rejections.put(symbol, new Rejection(status, code, message));
  }

  public void clearRejection(String symbol) {
    rejections.remove(symbol);
  }

  /** Requests per minute per account before 429 (Alpaca: 200). */
  public void rateLimit(int perMinute) {
    this.rateLimit = perMinute;
  }

  /** A delay added to every answer, as a remote broker's latency. */
  public void latency(Duration value) {
    this.latency = value;
  }

  /** The next {@code n} requests are answered 429 before anything is done. */
  public synchronized void throttleNext(int n) {
    faults.throttle = n;
  }

  /** The next {@code n} requests are answered 500 before anything is done. */
  public synchronized void failNext(int n) {
    faults.failBefore = n;
  }

  /** The next {@code n} order placements are carried out and then answered 500 (an error that went through). */
  public synchronized void failAfterPlacingNext(int n) {
    faults.failAfterOrder = n;
  }

  /** The next {@code n} order placements are carried out and answered only after {@code delay} (a timeout). */
  public synchronized void slowAfterPlacingNext(int n, Duration delay) {
    faults.slowAfterOrder = n;
    faults.slow = delay;
  }

  /** How many requests were answered 429 so far. */
  public long throttled() {
    return throttled.get();
  }

  /** Moves the fake's clock (activity and order times) forward; it starts at the real time. */
  public void advance(Duration d) {
    clockMillis.addAndGet(d.toMillis());
  }

  Instant now() {
    return Instant.now().plusMillis(clockMillis.get());
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!latency.isZero()) {
        sleep(latency);
      }
      String key = exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID");
      String secret = exchange.getRequestHeaders().getFirst("APCA-API-SECRET-KEY");
      FakeAccount account = key == null ? null : accounts.get(key);
      if (account == null || !account.secret.equals(secret)) {
        send(exchange, 401, error(40110000, "request is not authorized"), null);
        return;
      }
      boolean throttle;
      boolean fail;
      synchronized (this) {
        throttle = faults.throttle > 0 && faults.throttle-- > 0;
        fail = !throttle && faults.failBefore > 0 && faults.failBefore-- > 0;
      }
      long[] window = account.count(now(), rateLimit);
      if (throttle || window[0] < 0) {
        throttled.incrementAndGet();
        // A throttle on demand clears within a second; a real excess when the window resets.
        long reset = throttle ? now().getEpochSecond() + 1 : window[1];
        send(exchange, 429, error(42910000, "rate limit exceeded"), new long[] {0, reset, window[2]});
        return;
      }
      if (fail) {
        send(exchange, 500, error(50010000, "internal server error"), window);
        return;
      }
      Answer answer = route(exchange, account);
      if (answer.placed) {
        boolean after;
        boolean slow;
        Duration delay;
        synchronized (this) {
          after = faults.failAfterOrder > 0 && faults.failAfterOrder-- > 0;
          slow = !after && faults.slowAfterOrder > 0 && faults.slowAfterOrder-- > 0;
          delay = faults.slow;
        }
        if (after) {
          send(exchange, 500, error(50010000, "internal server error"), window);
          return;
        }
        if (slow) {
          sleep(delay);
        }
      }
      send(exchange, answer.status, answer.body, window);
    } catch (RuntimeException e) {
      send(exchange, 500, error(50010000, "internal server error"), null);
    }
  }

  private record Answer(int status, JsonNode body, boolean placed) {
    static Answer of(int status, JsonNode body) {
      return new Answer(status, body, false);
    }
  }

  private Answer route(HttpExchange exchange, FakeAccount account) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    if (method.equals("GET") && path.equals("/v2/account")) {
      return Answer.of(200, account.json());
    }
    if (method.equals("GET") && path.equals("/v2/positions")) {
      return Answer.of(200, account.positionsJson());
    }
    if (method.equals("POST") && path.equals("/v2/orders")) {
      JsonNode body;
      try (InputStream in = exchange.getRequestBody()) {
        body = JSON.readTree(in);
      } catch (IOException e) {
        return Answer.of(400, error(40010000, "request body format is invalid"));
      }
      Answer a = account.place(body);
      return new Answer(a.status, a.body, a.status == 200);
    }
    if (method.equals("GET") && path.equals("/v2/orders:by_client_order_id")) {
      return account.byClientId(query.getOrDefault("client_order_id", ""))
          .map(o -> Answer.of(200, o.json()))
          .orElse(Answer.of(404, error(40410000, "order not found")));
    }
    if (method.equals("GET") && path.equals("/v2/orders")) {
      return Answer.of(200, account.ordersJson(query.getOrDefault("status", "open")));
    }
    if (method.equals("DELETE") && path.startsWith("/v2/orders/")) {
      return account.cancel(path.substring("/v2/orders/".length()));
    }
    if (method.equals("GET") && path.startsWith("/v2/assets/")) {
      String symbol = URLDecoder.decode(path.substring("/v2/assets/".length()), StandardCharsets.UTF_8);
      boolean[] a = assets.get(symbol);
      if (a == null) {
        return Answer.of(404, error(40410000, "asset not found for " + symbol));
      }
      ObjectNode asset = JSON.createObjectNode();
      asset.put("id", UUID.nameUUIDFromBytes(symbol.getBytes(StandardCharsets.UTF_8)).toString());
      asset.put("class", "us_equity");
      asset.put("exchange", "ARCA");
      asset.put("symbol", symbol);
      asset.put("name", symbol);
      asset.put("status", a[0] ? "active" : "inactive");
      asset.put("tradable", a[0]);
      asset.put("marginable", true);
      asset.put("shortable", false);
      asset.put("easy_to_borrow", false);
      asset.put("fractionable", a[1]);
      return Answer.of(200, asset);
    }
    if (method.equals("GET") && path.equals("/v2/account/activities/FILL")) {
      return Answer.of(200, account.activitiesJson(query));
    }
    if (method.equals("GET") && path.equals("/v2/stocks/trades/latest")) {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode trades = root.putObject("trades");
      for (String s : query.getOrDefault("symbols", "").split(",")) {
        BigDecimal p = prices.get(s);
        if (p != null) {
          ObjectNode t = trades.putObject(s);
          t.put("t", TIME.format(now()));
          t.put("x", "V");
          t.put("p", p);
          t.put("s", 100);
          t.putArray("c").add("@");
          t.put("i", 1);
          t.put("z", "B");
        }
      }
      return Answer.of(200, root);
    }
    return Answer.of(404, error(40410000, "endpoint not found"));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static ObjectNode error(long code, String message) {
    ObjectNode e = JSON.createObjectNode();
    e.put("code", code);
    e.put("message", message);
    return e;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body, long[] window) throws IOException {
    if (window != null) {
      exchange.getResponseHeaders().add("X-RateLimit-Limit", String.valueOf(window.length > 2 ? window[2] : 200));
      exchange.getResponseHeaders().add("X-RateLimit-Remaining", String.valueOf(Math.max(0, window[0])));
      exchange.getResponseHeaders().add("X-RateLimit-Reset", String.valueOf(window[1]));
    }
    if (status == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final java.time.ZoneId MARKET = java.time.ZoneId.of("America/New_York");

  /** T+1: the next weekday (no holiday calendar). */
  private static java.time.LocalDate settles(java.time.LocalDate tradeDate) {
    java.time.LocalDate d = tradeDate.plusDays(1);
    while (d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- one account ----

  /** One account's books at the fake broker. */
  public final class FakeAccount {
    private final String keyId;
    private final String secret;
    private final String number;
    private BigDecimal cash;
    private final Map<String, BigDecimal> positions = new LinkedHashMap<>();
    private final Map<String, BigDecimal> costs = new LinkedHashMap<>();
    private final Map<String, FakeOrder> orders = new LinkedHashMap<>();
    private final Map<String, FakeOrder> byClient = new LinkedHashMap<>();
    private final List<ObjectNode> activities = new ArrayList<>();
    private final List<String> placements = new ArrayList<>();
    private long windowStart;
    private int windowCount;
    /** Whether purchases may spend settled cash only (a cash account at a custodian that requires it). */
    private boolean settledCashOnly;
    /** Sale proceeds not yet settled: amount and the New York date they settle on. */
    private final List<Map.Entry<BigDecimal, java.time.LocalDate>> unsettled = new ArrayList<>();

    FakeAccount(String keyId, String secret, String number, BigDecimal cash) {
      this.keyId = keyId;
      this.secret = secret;
      this.number = number;
      this.cash = cash;
    }

    public synchronized FakeAccount position(String symbol, String quantity, String averagePrice) {
      positions.put(symbol, new BigDecimal(quantity));
      costs.put(symbol, new BigDecimal(quantity).multiply(new BigDecimal(averagePrice)));
      return this;
    }

    public synchronized BigDecimal cash() {
      return cash;
    }

    /** Sets the account's cash (a deposit or withdrawal outside the test's orders). */
    public synchronized FakeAccount cashForTest(BigDecimal value) {
      cash = value;
      return this;
    }

    /**
     * Makes the account buy with settled cash only: sale proceeds count toward buying power from
     * their settlement date (T+1 weekdays in New York time). Alpaca's own accounts are margin
     * accounts that may spend unsettled proceeds; this models a custodian's cash account behind the
     * same API. {@code cash} still includes unsettled proceeds, as Alpaca's {@code cash} does.
     */
    public synchronized FakeAccount settledCashOnly(boolean value) {
      settledCashOnly = value;
      return this;
    }

    /** Sale proceeds of the account not settled on the fake's current date. */
    public synchronized BigDecimal unsettledProceeds() {
      java.time.LocalDate today = now().atZone(MARKET).toLocalDate();
      BigDecimal sum = BigDecimal.ZERO;
      for (Map.Entry<BigDecimal, java.time.LocalDate> e : unsettled) {
        if (e.getValue().isAfter(today)) {
          sum = sum.add(e.getKey());
        }
      }
      return sum;
    }

    /** Shares held per symbol (positions of zero are gone). */
    public synchronized Map<String, BigDecimal> positions() {
      return new LinkedHashMap<>(positions);
    }

    /** Every client order id an order was accepted under, in order (each at most once, by construction). */
    public synchronized List<String> placements() {
      return List.copyOf(placements);
    }

    /** Orders accepted, by client order id. */
    public synchronized int orderCount() {
      return orders.size();
    }

    public synchronized Optional<String> status(String clientOrderId) {
      return Optional.ofNullable(byClient.get(clientOrderId)).map(o -> o.status);
    }

    /** Fills what is open of every working order at the current price (the market moved through the limits). */
    public synchronized void fillOpenOrders() {
      for (FakeOrder o : orders.values()) {
        if (o.open()) {
          fill(o, o.qty.subtract(o.filled));
        }
      }
    }

    /** The end of the day: every working day order expires. */
    public synchronized void expireOpenOrders() {
      for (FakeOrder o : orders.values()) {
        if (o.open()) {
          o.status = "expired";
          o.updated = now();
        }
      }
    }

    /** Counts a request in the account's one-minute window: {remaining (negative: over), reset epoch second, limit}. */
    synchronized long[] count(Instant now, int limit) {
      long second = now.getEpochSecond();
      if (second - windowStart >= 60) {
        windowStart = second;
        windowCount = 0;
      }
      windowCount++;
      return new long[] {limit - windowCount, windowStart + 60, limit};
    }

    synchronized ObjectNode json() {
      ObjectNode a = JSON.createObjectNode();
      a.put("id", UUID.nameUUIDFromBytes(keyId.getBytes(StandardCharsets.UTF_8)).toString());
      a.put("account_number", number);
      a.put("status", "ACTIVE");
      a.put("currency", "USD");
      a.put("cash", cash.toPlainString());
      a.put("buying_power", buyingPower().toPlainString());
      a.put("regt_buying_power", buyingPower().toPlainString());
      a.put("non_marginable_buying_power", buyingPower().toPlainString());
      a.put("equity", cash.add(marketValue()).toPlainString());
      a.put("long_market_value", marketValue().toPlainString());
      a.put("portfolio_value", cash.add(marketValue()).toPlainString());
      a.put("pattern_day_trader", false);
      a.put("trading_blocked", false);
      a.put("transfers_blocked", false);
      a.put("account_blocked", false);
      a.put("shorting_enabled", false);
      a.put("multiplier", "1");
      return a;
    }

    private BigDecimal marketValue() {
      BigDecimal v = BigDecimal.ZERO;
      for (Map.Entry<String, BigDecimal> p : positions.entrySet()) {
        v = v.add(p.getValue().multiply(prices.getOrDefault(p.getKey(), BigDecimal.ZERO)));
      }
      return v.setScale(2, RoundingMode.HALF_UP);
    }

    /** Cash less what open purchases may spend (a cash account: no margin). */
    private BigDecimal buyingPower() {
      BigDecimal reserved = BigDecimal.ZERO;
      for (FakeOrder o : orders.values()) {
        if (o.open() && o.side.equals("buy")) {
          reserved = reserved.add(o.qty.subtract(o.filled).multiply(o.reference()));
        }
      }
      BigDecimal base = settledCashOnly ? cash.subtract(unsettledProceeds()) : cash;
      return base.subtract(reserved).max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
    }

    synchronized ArrayNode positionsJson() {
      ArrayNode list = JSON.createArrayNode();
      for (Map.Entry<String, BigDecimal> p : positions.entrySet()) {
        String s = p.getKey();
        BigDecimal q = p.getValue();
        BigDecimal price = prices.getOrDefault(s, BigDecimal.ZERO);
        ObjectNode n = list.addObject();
        n.put("asset_id", UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8)).toString());
        n.put("symbol", s);
        n.put("exchange", "ARCA");
        n.put("asset_class", "us_equity");
        n.put("qty", q.toPlainString());
        n.put("avg_entry_price", costs.get(s).divide(q, 4, RoundingMode.HALF_UP).toPlainString());
        n.put("side", "long");
        n.put("market_value", q.multiply(price).setScale(2, RoundingMode.HALF_UP).toPlainString());
        n.put("cost_basis", costs.get(s).setScale(2, RoundingMode.HALF_UP).toPlainString());
        n.put("current_price", price.toPlainString());
        n.put("qty_available", q.subtract(openSales(s)).toPlainString());
      }
      return list;
    }

    private BigDecimal openSales(String symbol) {
      BigDecimal q = BigDecimal.ZERO;
      for (FakeOrder o : orders.values()) {
        if (o.open() && o.side.equals("sell") && o.symbol.equals(symbol)) {
          q = q.add(o.qty.subtract(o.filled));
        }
      }
      return q;
    }

    synchronized Answer place(JsonNode body) {
      String symbol = body.path("symbol").asText("");
      String side = body.path("side").asText("");
      String type = body.path("type").asText("");
      String tif = body.path("time_in_force").asText("");
      String clientId = body.path("client_order_id").asText("");
      if (symbol.isEmpty() || !(side.equals("buy") || side.equals("sell")) || !(type.equals("market") || type.equals("limit"))
          || tif.isEmpty()) {
        return Answer.of(422, error(40010001, "invalid order: symbol, side, type and time_in_force are required"));
      }
      if (clientId.length() > 128) {
        return Answer.of(422, error(40010001, "client_order_id must be no more than 128 characters"));
      }
      if (!clientId.isEmpty() && byClient.containsKey(clientId)) {
        return Answer.of(422, error(40010001, "client_order_id must be unique"));
      }
      if (!body.hasNonNull("qty") || body.hasNonNull("notional")) {
        return Answer.of(422, error(40010001, "qty is required"));
      }
      BigDecimal qty;
      try {
        qty = new BigDecimal(body.get("qty").asText());
      } catch (NumberFormatException e) {
        return Answer.of(422, error(40010001, "qty must be a number"));
      }
      if (qty.signum() <= 0) {
        return Answer.of(422, error(40010001, "qty must be > 0"));
      }
      Optional<BigDecimal> limit = Optional.empty();
      if (type.equals("limit")) {
        if (!body.hasNonNull("limit_price")) {
          return Answer.of(422, error(40010001, "limit_price is required for limit orders"));
        }
        limit = Optional.of(new BigDecimal(body.get("limit_price").asText()));
      }
      boolean[] asset = assets.get(symbol);
      if (asset == null) {
        return Answer.of(422, error(40010001, "asset \"" + symbol + "\" not found"));
      }
      if (!asset[0]) {
        return Answer.of(422, error(42210000, "asset " + symbol + " is not tradable"));
      }
      boolean fractional = qty.stripTrailingZeros().scale() > 0;
      if (fractional && !asset[1]) {
        return Answer.of(422, error(42210000, "requested asset is not fractionable"));
      }
      if (fractional && (!type.equals("market") || !tif.equals("day"))) {
        return Answer.of(422, error(42210000, "fractional orders must be market orders with time_in_force day"));
      }
      Rejection rejection = rejections.get(symbol);
      if (rejection != null) {
        return Answer.of(rejection.status(), error(rejection.code(), rejection.message()));
      }
      BigDecimal price = prices.get(symbol);
      if (side.equals("sell")) {
        BigDecimal available = positions.getOrDefault(symbol, BigDecimal.ZERO).subtract(openSales(symbol));
        if (qty.compareTo(available) > 0) {
          return Answer.of(403, error(40310000, "insufficient qty available for order (requested: " + qty.toPlainString()
              + ", available: " + available.toPlainString() + ")"));
        }
      } else {
        if (openSales(symbol).signum() > 0) {
          return Answer.of(403, error(40310000, "potential wash trade detected. use complex orders"));
        }
        BigDecimal cost = qty.multiply(limit.orElse(price));
        if (cost.compareTo(buyingPower()) > 0) {
          return Answer.of(403, error(40310000, "insufficient buying power"));
        }
      }
      FakeOrder o = new FakeOrder(UUID.randomUUID().toString(), clientId.isEmpty() ? UUID.randomUUID().toString() : clientId,
          symbol, side, type, tif, qty, limit);
      orders.put(o.id, o);
      byClient.put(o.clientId, o);
      placements.add(o.clientId);
      boolean marketable = limit.isEmpty()
          || (side.equals("buy") ? limit.get().compareTo(price) >= 0 : limit.get().compareTo(price) <= 0);
      if (marketable) {
        double fraction = fillFractions.getOrDefault(symbol, 1.0);
        BigDecimal part = qty.multiply(BigDecimal.valueOf(fraction));
        part = fractional ? part.setScale(9, RoundingMode.DOWN) : part.setScale(0, RoundingMode.DOWN);
        if (part.signum() > 0) {
          fill(o, part.min(qty));
        }
      }
      return Answer.of(200, o.json());
    }

    private void fill(FakeOrder o, BigDecimal quantity) {
      BigDecimal price = prices.get(o.symbol);
      Instant at = now();
      o.filled = o.filled.add(quantity);
      o.value = o.value.add(quantity.multiply(price));
      o.status = o.filled.compareTo(o.qty) >= 0 ? "filled" : "partially_filled";
      o.updated = at;
      BigDecimal gross = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
      BigDecimal held = positions.getOrDefault(o.symbol, BigDecimal.ZERO);
      if (o.side.equals("buy")) {
        cash = cash.subtract(gross);
        positions.put(o.symbol, held.add(quantity));
        costs.merge(o.symbol, quantity.multiply(price), BigDecimal::add);
      } else {
        cash = cash.add(gross);
        unsettled.add(Map.entry(gross, settles(at.atZone(MARKET).toLocalDate())));
        BigDecimal left = held.subtract(quantity);
        if (left.signum() == 0) {
          positions.remove(o.symbol);
          costs.remove(o.symbol);
        } else {
          costs.put(o.symbol, costs.get(o.symbol).multiply(left).divide(held, 10, RoundingMode.HALF_UP));
          positions.put(o.symbol, left);
        }
      }
      ObjectNode a = JSON.createObjectNode();
      a.put("id", ACTIVITY_TIME.format(at) + "::" + UUID.randomUUID());
      a.put("activity_type", "FILL");
      a.put("transaction_time", TIME.format(at));
      a.put("type", o.filled.compareTo(o.qty) >= 0 ? "fill" : "partial_fill");
      a.put("price", price.toPlainString());
      a.put("qty", quantity.toPlainString());
      a.put("side", o.side);
      a.put("symbol", o.symbol);
      a.put("leaves_qty", o.qty.subtract(o.filled).toPlainString());
      a.put("order_id", o.id);
      a.put("cum_qty", o.filled.toPlainString());
      a.put("order_status", o.status);
      activities.add(a);
    }

    synchronized Optional<FakeOrder> byClientId(String clientId) {
      return Optional.ofNullable(byClient.get(clientId));
    }

    synchronized ArrayNode ordersJson(String status) {
      ArrayNode list = JSON.createArrayNode();
      for (FakeOrder o : orders.values()) {
        if (status.equals("all") || (status.equals("open") == o.open())) {
          list.add(o.json());
        }
      }
      return list;
    }

    synchronized Answer cancel(String id) {
      FakeOrder o = orders.get(id);
      if (o == null) {
        return Answer.of(404, error(40410000, "order not found"));
      }
      if (!o.open()) {
        return Answer.of(422, error(42210000, "order is not cancelable"));
      }
      o.status = "canceled";
      o.updated = now();
      return Answer.of(204, null);
    }

    synchronized ArrayNode activitiesJson(Map<String, String> query) {
      Instant after = query.containsKey("after") ? Instant.parse(query.get("after")) : Instant.EPOCH;
      String token = query.get("page_token");
      int size = Integer.parseInt(query.getOrDefault("page_size", "100"));
      ArrayNode list = JSON.createArrayNode();
      boolean past = token == null;
      for (ObjectNode a : activities) {
        if (!past) {
          past = a.get("id").asText().equals(token);
          continue;
        }
        if (Instant.parse(a.get("transaction_time").asText()).isAfter(after) && list.size() < size) {
          list.add(a);
        }
      }
      return list;
    }
  }

  /** One order at the fake. */
  final class FakeOrder {
    final String id;
    final String clientId;
    final String symbol;
    final String side;
    final String type;
    final String tif;
    final BigDecimal qty;
    final Optional<BigDecimal> limit;
    final Instant created;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;
    String status = "new";
    Instant updated;

    FakeOrder(String id, String clientId, String symbol, String side, String type, String tif, BigDecimal qty,
        Optional<BigDecimal> limit) {
      this.id = id;
      this.clientId = clientId;
      this.symbol = symbol;
      this.side = side;
      this.type = type;
      this.tif = tif;
      this.qty = qty;
      this.limit = limit;
      this.created = now();
      this.updated = created;
    }

    boolean open() {
      return status.equals("new") || status.equals("accepted") || status.equals("partially_filled");
    }

    BigDecimal reference() {
      return limit.orElse(prices.getOrDefault(symbol, BigDecimal.ZERO));
    }

    ObjectNode json() {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", id);
      o.put("client_order_id", clientId);
      o.put("created_at", TIME.format(created));
      o.put("updated_at", TIME.format(updated));
      o.put("submitted_at", TIME.format(created));
      o.putNull("filled_at");
      if (status.equals("filled")) {
        o.put("filled_at", TIME.format(updated));
      }
      o.putNull("expired_at");
      o.putNull("canceled_at");
      o.putNull("failed_at");
      o.put("asset_id", UUID.nameUUIDFromBytes(symbol.getBytes(StandardCharsets.UTF_8)).toString());
      o.put("symbol", symbol);
      o.put("asset_class", "us_equity");
      o.putNull("notional");
      o.put("qty", qty.toPlainString());
      o.put("filled_qty", filled.toPlainString());
      if (filled.signum() > 0) {
        o.put("filled_avg_price", value.divide(filled, 4, RoundingMode.HALF_UP).toPlainString());
      } else {
        o.putNull("filled_avg_price");
      }
      o.put("order_class", "");
      o.put("order_type", type);
      o.put("type", type);
      o.put("side", side);
      o.put("time_in_force", tif);
      if (limit.isPresent()) {
        o.put("limit_price", limit.get().toPlainString());
      } else {
        o.putNull("limit_price");
      }
      o.putNull("stop_price");
      o.put("status", status);
      o.put("extended_hours", false);
      o.putNull("legs");
      return o;
    }
  }

  /** Waits until the server has stopped (for orderly shutdown in benchmarks). */
  public void awaitStop(Duration d) throws InterruptedException {
    threads.awaitTermination(d.toMillis(), TimeUnit.MILLISECONDS);
  }
}
