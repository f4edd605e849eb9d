package dev.keel.broker.file;

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
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.FillBooking;
import dev.keel.broker.execute.PlannedTrade;
import dev.keel.core.household.AccountId;
import dev.keel.core.security.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A custodian without an API, through files: each order placed is a row of an order file (the
 * "outbox") that a person keys in at the custodian, with the lots to choose; the fills the person
 * brings back ({@link FillsFileLoader}) are the broker's answers. The outbox is rewritten
 * atomically on each placement, and a client order id can be in it once only.
 *
 * <p>What a person decides is not checked here: every symbol counts as tradable and fractionable,
 * and there is no market data (the proposal's prices are used). Cash is the ledger's cash plus
 * what fills not yet booked brought in or took out, less what open purchases in the outbox need.
 */
public final class FileBroker implements Broker {

  static final String HEADER = "client_order_id,account,broker_account,symbol,side,quantity,order_type,limit_price,lots";
  private static final Pattern TRADE = Pattern.compile("-t(\\d+)-a\\d+$");
  /** Fills are dated at the close in New York, so they book on the date the person wrote. */
  private static final LocalTime CLOSE = LocalTime.of(16, 0);

  private final Path outbox;
  private final List<FillRow> fills;
  private final AccountId account;
  private final String brokerAccount;
  private final ExecutionPlan plan;
  private final BigDecimal ledgerCash;
  private final Set<String> booked;

  /**
   * @param booked ids of fills already in the ledger (their cash is in {@code ledgerCash})
   */
  public FileBroker(Path outbox, List<FillRow> fills, AccountId account, Optional<String> brokerAccount,
      ExecutionPlan plan, BigDecimal ledgerCash, Set<String> booked) {
    this.outbox = outbox;
    this.fills = List.copyOf(fills);
    this.account = account;
    this.brokerAccount = brokerAccount.orElse(account.value());
    this.plan = plan;
    this.ledgerCash = ledgerCash;
    this.booked = Set.copyOf(booked);
  }

  /**
   * Problems in a fills file against the order file: a fill of an order of this proposal that the
   * order file does not hold, or fills adding up to more than the order's quantity.
   */
  public static List<dev.keel.core.problem.Problem> check(String file, Path outbox, List<FillRow> fills,
      ExecutionPlan plan) {
    List<dev.keel.core.problem.Problem> problems = new ArrayList<>();
    Map<String, Outgoing> orders = new LinkedHashMap<>();
    new FileBroker(outbox, List.of(), AccountId.of("check"), Optional.empty(), plan, BigDecimal.ZERO, Set.of())
        .outgoing().forEach(o -> orders.put(o.clientOrderId(), o));
    Map<String, BigDecimal> filled = new LinkedHashMap<>();
    String mine = "keel-" + plan.id() + "-";
    for (FillRow r : fills) {
      if (!r.clientOrderId().startsWith(mine)) {
        continue;
      }
      Outgoing o = orders.get(r.clientOrderId());
      if (o == null) {
        problems.add(new dev.keel.core.problem.Problem(file, r.line(), "client_order_id", r.clientOrderId(),
            "is not an order of " + outbox.getFileName()));
        continue;
      }
      BigDecimal total = filled.merge(r.clientOrderId(), r.quantity(), BigDecimal::add);
      if (total.compareTo(o.quantity()) > 0) {
        problems.add(new dev.keel.core.problem.Problem(file, r.line(), "quantity", r.quantity().toPlainString(),
            "makes " + total.stripTrailingZeros().toPlainString() + " filled of an order for "
                + o.quantity().stripTrailingZeros().toPlainString()));
      }
    }
    return problems;
  }

  /** One order in the outbox. */
  private record Outgoing(String clientOrderId, String account, Symbol symbol, OrderSide side, BigDecimal quantity,
      OrderType type, Optional<BigDecimal> limit) {}

  @Override
  public BrokerAccount account() {
    BigDecimal cash = ledgerCash;
    for (BrokerFill f : fills(Instant.EPOCH)) {
      if (!booked.contains(f.id())) {
        BigDecimal gross = f.quantity().multiply(f.price()).setScale(2, RoundingMode.HALF_UP);
        cash = f.side() == OrderSide.SELL ? cash.add(gross).subtract(f.fees()) : cash.subtract(gross).subtract(f.fees());
      }
    }
    BigDecimal reserved = BigDecimal.ZERO;
    for (BrokerOrder o : openOrders()) {
      if (o.side() == OrderSide.BUY) {
        BigDecimal price = o.limitPrice().or(() -> plannedPrice(o.clientOrderId())).orElse(BigDecimal.ZERO);
        reserved = reserved.add(o.remaining().multiply(price));
      }
    }
    return new BrokerAccount(brokerAccount, cash, cash.subtract(reserved), "ACTIVE");
  }

  @Override
  public List<BrokerPosition> positions() {
    throw new BrokerException.Rejected(501, Optional.empty(), "an order file has no positions: reconcile with the "
        + "custodian's statement (keel reconcile)");
  }

  @Override
  public synchronized BrokerOrder submit(OrderRequest request) {
    List<Outgoing> orders = outgoing();
    if (orders.stream().anyMatch(o -> o.clientOrderId().equals(request.clientOrderId()))) {
      throw new BrokerException.Rejected(422, Optional.empty(), "client_order_id must be unique");
    }
    String content = read();
    StringBuilder out = new StringBuilder(content.isBlank() ? HEADER + "\n" : content);
    if (out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    out.append(String.join(",", request.clientOrderId(), account.value(), brokerAccount, request.symbol().value(),
        request.side().code(), request.quantity().toPlainString(), request.type().code(),
        request.limitPrice().map(BigDecimal::toPlainString).orElse(""), lots(request.clientOrderId()))).append('\n');
    write(out.toString());
    return order(new Outgoing(request.clientOrderId(), account.value(), request.symbol(), request.side(),
        request.quantity(), request.type(), request.limitPrice()));
  }

  @Override
  public Optional<BrokerOrder> findOrder(String clientOrderId) {
    return outgoing().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst().map(this::order);
  }

  @Override
  public List<BrokerOrder> openOrders() {
    return outgoing().stream().filter(o -> o.account().equals(account.value())).map(this::order)
        .filter(o -> !o.status().terminal()).toList();
  }

  @Override
  public void cancel(String orderId) {
    throw new BrokerException.Rejected(422, Optional.empty(), "order " + orderId + " is in an order file: cancel it at "
        + "the custodian and add a row with status canceled to the fills file");
  }

  @Override
  public List<BrokerFill> fills(Instant since) {
    Map<String, Outgoing> mine = outgoing().stream().filter(o -> o.account().equals(account.value()))
        .collect(Collectors.toMap(Outgoing::clientOrderId, o -> o, (a, b) -> a, LinkedHashMap::new));
    List<BrokerFill> out = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (FillRow r : fills) {
      Outgoing o = mine.get(r.clientOrderId());
      if (o == null || r.quantity().signum() == 0) {
        continue;
      }
      int n = counts.merge(r.clientOrderId(), 1, Integer::sum);
      out.add(new BrokerFill("file:" + r.clientOrderId() + ":" + n, r.clientOrderId(), o.symbol(), o.side(), r.quantity(),
          r.price(), r.fees(), r.date().atTime(CLOSE).atZone(FillBooking.MARKET_ZONE).toInstant(),
          r.lotId().map(dev.keel.core.ledger.LotId::of)));
    }
    return out;
  }

  @Override
  public Map<Symbol, BigDecimal> latestPrices(Collection<Symbol> symbols) {
    return Map.of();
  }

  @Override
  public Optional<AssetInfo> asset(Symbol symbol) {
    return Optional.of(new AssetInfo(symbol, true, true, "keyed in by a person"));
  }

  /** The order as the fills say it stands; its broker id is its client order id. */
  private BrokerOrder order(Outgoing o) {
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;
    OrderStatus ended = null;
    for (FillRow r : fills) {
      if (!r.clientOrderId().equals(o.clientOrderId())) {
        continue;
      }
      filled = filled.add(r.quantity());
      value = value.add(r.quantity().multiply(r.price()));
      if (r.ends()) {
        ended = OrderStatus.parse(r.status());
      }
    }
    OrderStatus status = ended != null ? ended
        : filled.compareTo(o.quantity()) >= 0 ? OrderStatus.FILLED
        : filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
    Optional<BigDecimal> average = filled.signum() == 0 ? Optional.empty()
        : Optional.of(value.divide(filled, 4, RoundingMode.HALF_UP));
    return new BrokerOrder(o.clientOrderId(), o.clientOrderId(), o.symbol(), o.side(), o.quantity(), filled, average,
        o.type(), o.limit(), status, Instant.EPOCH);
  }

  private Optional<BigDecimal> plannedPrice(String clientOrderId) {
    return trade(clientOrderId).flatMap(PlannedTrade::price);
  }

  private Optional<PlannedTrade> trade(String clientOrderId) {
    Matcher m = TRADE.matcher(clientOrderId);
    if (!m.find()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(m.group(1));
    return index >= 1 && index <= plan.trades().size() ? Optional.of(plan.trade(index)) : Optional.empty();
  }

  /** The lots a sale should relieve, {@code ID:QTY;ID:QTY}, for the person to choose at the custodian. */
  private String lots(String clientOrderId) {
    return trade(clientOrderId).map(t -> t.lots().stream()
        .map(l -> l.lotId().value() + ":" + l.quantity().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(";"))).orElse("");
  }

  private List<Outgoing> outgoing() {
    List<Outgoing> out = new ArrayList<>();
    String content = read();
    boolean header = true;
    for (String line : content.split("\r?\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] c = line.split(",", -1);
      out.add(new Outgoing(c[0], c[1], Symbol.of(c[3]), OrderSide.parse(c[4]), new BigDecimal(c[5]), OrderType.parse(c[6]),
          c[7].isBlank() ? Optional.empty() : Optional.of(new BigDecimal(c[7]))));
    }
    return out;
  }

  private String read() {
    try {
      return Files.exists(outbox) ? Files.readString(outbox, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + outbox, e);
    }
  }

  private void write(String content) {
    try {
      Path dir = outbox.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".orders-", ".tmp");
      try {
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, outbox, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new BrokerException.Unknown("cannot write the order file " + outbox, e);
    }
  }
}
