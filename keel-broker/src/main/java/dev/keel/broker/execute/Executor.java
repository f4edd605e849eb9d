package dev.keel.broker.execute;

import dev.keel.broker.AssetInfo;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.Broker;
import dev.keel.broker.BrokerException;
import dev.keel.broker.BrokerFill;
import dev.keel.broker.BrokerOrder;
import dev.keel.broker.OrderRequest;
import dev.keel.broker.OrderSide;
import dev.keel.broker.OrderType;
import dev.keel.broker.TimeInForce;
import dev.keel.broker.alpaca.RatePacer;
import dev.keel.broker.execute.ExecutionState.Attempt;
import dev.keel.broker.price.LatestPrice;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LotId;
import dev.keel.core.rebalance.Side;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trades an {@link ExecutionPlan} exactly once, however often it is run and wherever a run stops.
 *
 * <p>Exactly once: every order carries a client order id made of the proposal, the trade and the
 * attempt ({@link ClientOrderIds}). The intent to place it is journaled before the request goes
 * out. An answer that is not a clear refusal (a timeout, a 5xx, a crash before the answer was
 * journaled) is resolved by looking the id up at the broker; only when the broker does not have it
 * is the same request sent again under the same id, which the broker refuses to accept twice. A
 * refused or ended order is never placed again blindly: what it left undone is re-planned (or,
 * with {@link ExecutionPolicy#retryUnfilled}, placed under the next attempt's id).
 *
 * <p>Order of trades, per account: every sale first; purchases once the cash they need is there
 * and no sale of the same symbol is still open (Alpaca refuses such a buy as a potential wash
 * trade); an account whose prices moved beyond the tolerance since the proposal places nothing
 * more. Fills are journaled, then booked through the {@link LedgerSink} exactly once.
 *
 * <p>Stateless: one instance may run many plans, one plan per call.
 */
public final class Executor {

  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
  private static final int RESOLVE_ATTEMPTS = 3;

  private final ExecutionStore store;
  private final LedgerSink sink;
  private final ExecutionPolicy policy;
  private final Clock clock;
  private final RatePacer.Sleeper sleeper;

  public Executor(ExecutionStore store, LedgerSink sink, ExecutionPolicy policy, Clock clock, RatePacer.Sleeper sleeper) {
    this.store = store;
    this.sink = sink;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Runs the plan as far as it goes now: resolves what a previous run left in doubt, follows up
   * working orders, places what may be placed, waits up to the policy's wait, and books every
   * fill reported.
   *
   * @param routes the broker of each account; an account without one places nothing
   */
  public ExecutionResult execute(ExecutionPlan plan, Map<AccountId, BrokerRoute> routes) {
    return new Run(plan, routes).go();
  }

  /** The journal of a plan as the store holds it (the audit trail). */
  public List<ExecutionEvent> journal(ProposalId id) {
    return store.events(id);
  }

  /** Sale proceeds not settled yet, in dollars, and the date the last of them settles. */
  private record Unsettled(BigDecimal amount, java.time.LocalDate last) {}

  /** Thrown inside a run to stop placing orders in one account (an answer still in doubt). */
  private static final class AccountStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccountStopped(String message) {
      super(message, null, false, false);
    }
  }

  private final class Run {
    private final ExecutionPlan plan;
    private final Map<AccountId, BrokerRoute> routes;
    private final ExecutionState state;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Map<Symbol, Optional<AssetInfo>> assets = new HashMap<>();
    /** Where a latest price came from when it was not the broker's. */
    private final Map<Symbol, String> origins = new HashMap<>();
    private int bookedNow;

    Run(ExecutionPlan plan, Map<AccountId, BrokerRoute> routes) {
      this.plan = plan;
      this.routes = routes;
      this.state = ExecutionState.replay(store.events(plan.id()));
    }

    private void record(ExecutionEvent event) {
      store.append(plan.id(), event);
      state.apply(event);
    }

    private ExecutionEvent.Builder event(EventType type) {
      return ExecutionEvent.of(type, clock.instant());
    }

    ExecutionResult go() {
      if (!state.planned()) {
        // The plan itself goes into the journal, so the audit trail says what was approved.
        record(event(EventType.PLANNED).reason(plan.canonical()).build());
      }
      for (AccountId account : plan.accounts()) {
        BrokerRoute route = routes.get(account);
        if (route == null) {
          for (PlannedTrade t : plan.tradesOf(account)) {
            if (state.attempts(t.index()).isEmpty() && state.skipped(t.index()).isEmpty()) {
              record(event(EventType.SKIPPED).trade(t).reason("no broker for account " + account).build());
            }
          }
          continue;
        }
        try {
          runAccount(account, route);
        } catch (AccountStopped e) {
          warnings.add(account + ": " + e.getMessage());
        } catch (BrokerException e) {
          warnings.add(account + ": the broker did not answer as expected (" + e.getMessage()
              + "); nothing was lost: run again to continue");
        }
        try {
          collectFills(account, route.broker());
        } catch (BrokerException e) {
          warnings.add(account + ": fills could not be read (" + e.getMessage() + "); run again to book them");
        }
      }
      book();
      return result();
    }

    // ---- one account ----

    private void runAccount(AccountId account, BrokerRoute route) {
      Broker broker = route.broker();
      List<PlannedTrade> trades = plan.tradesOf(account);
      for (PlannedTrade t : trades) {
        Optional<Attempt> last = state.last(t.index());
        if (last.isPresent() && last.get().unresolved()) {
          resolve(broker, t, last.get());
        }
      }
      refresh(broker, trades);
      List<PlannedTrade> pending = trades.stream().filter(this::needsPlacement).toList();
      if (!pending.isEmpty()) {
        Map<Symbol, BigDecimal> prices = latestPrices(route, pending);
        if (!checkPrices(account, pending, prices)) {
          awaitWorking(broker, trades);
          return;
        }
        for (PlannedTrade t : pending) {
          if (t.side() == Side.SELL) {
            place(broker, t, prices, orderPrice(t, prices));
          }
        }
        awaitWorking(broker, trades.stream().filter(t -> t.side() == Side.SELL).toList());
        placeBuys(account, route, pending, prices);
      }
      awaitWorking(broker, trades);
      if (policy.cancelUnfilled()) {
        cancelWorking(broker, trades);
      }
    }

    private boolean needsPlacement(PlannedTrade t) {
      if (state.halted(t.account().value()).isPresent()) {
        return false;
      }
      Optional<Attempt> last = state.last(t.index());
      if (last.isEmpty()) {
        return true;
      }
      Attempt a = last.get();
      if (!a.finished() || a.rejected) {
        return false;
      }
      return policy.retryUnfilled() && t.quantity().subtract(state.filled(t.index())).signum() > 0;
    }

    /**
     * The latest price of each pending symbol: the broker's, else the route's price source (an
     * order file's account: prices.csv as {@code keel prices} refreshed it).
     */
    private Map<Symbol, BigDecimal> latestPrices(BrokerRoute route, List<PlannedTrade> pending) {
      Set<Symbol> symbols = new LinkedHashSet<>();
      pending.forEach(t -> symbols.add(t.symbol()));
      Map<Symbol, BigDecimal> prices = new LinkedHashMap<>(route.broker().latestPrices(symbols));
      if (route.prices().isPresent()) {
        Set<Symbol> missing = new LinkedHashSet<>(symbols);
        missing.removeAll(prices.keySet());
        if (!missing.isEmpty()) {
          for (LatestPrice p : route.prices().get().latest(missing).values()) {
            prices.put(p.symbol(), p.price());
            origins.put(p.symbol(), p.origin() + " of " + p.date());
          }
        }
      }
      if (prices.isEmpty()) {
        warnings.add("the broker gives no latest prices (an order file): prices were not checked against the proposal's, "
            + "and limits are set around the proposal's prices");
        return prices;
      }
      for (Symbol s : symbols) {
        if (!prices.containsKey(s)) {
          warnings.add("no latest price for " + s + " at the broker: its price move since the proposal was not checked");
        }
      }
      return prices;
    }

    /** False (and the account halted) when a price moved beyond the tolerance since the proposal. */
    private boolean checkPrices(AccountId account, List<PlannedTrade> pending, Map<Symbol, BigDecimal> prices) {
      for (PlannedTrade t : pending) {
        BigDecimal last = prices.get(t.symbol());
        if (last == null || t.price().isEmpty() || t.price().get().signum() == 0) {
          continue;
        }
        BigDecimal planned = t.price().get();
        BigDecimal move = last.subtract(planned).abs().divide(planned, MathContext.DECIMAL64);
        if (move.compareTo(policy.priceTolerance()) > 0) {
          String reason = t.symbol() + " last traded at " + last.toPlainString()
              + Optional.ofNullable(origins.get(t.symbol())).map(o -> " (" + o + ")").orElse("") + ", "
              + move.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString()
              + "% from the proposal's " + planned.toPlainString() + " (tolerance "
              + policy.priceTolerance().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString()
              + "%): the account's remaining trades stop; re-plan them";
          record(event(EventType.HALTED).account(account.value()).symbol(t.symbol().value()).price(last).reason(reason)
              .build());
          for (PlannedTrade p : pending) {
            record(event(EventType.SKIPPED).trade(p).reason("account halted: " + reason).build());
          }
          return false;
        }
      }
      return true;
    }

    private void placeBuys(AccountId account, BrokerRoute route, List<PlannedTrade> pending,
        Map<Symbol, BigDecimal> prices) {
      Broker broker = route.broker();
      List<PlannedTrade> buys = pending.stream().filter(t -> t.side() == Side.BUY).toList();
      if (buys.isEmpty()) {
        return;
      }
      Set<Symbol> openSales = new HashSet<>();
      boolean salesWorking = false;
      for (PlannedTrade t : plan.tradesOf(account)) {
        Optional<Attempt> last = state.last(t.index());
        if (t.side() == Side.SELL && last.isPresent() && (last.get().working() || last.get().unresolved())) {
          openSales.add(t.symbol());
          salesWorking = true;
        }
      }
      for (BrokerOrder o : broker.openOrders()) {
        if (o.side() == OrderSide.SELL) {
          openSales.add(o.symbol());
        }
      }
      BrokerAccount at = broker.account();
      final BigDecimal available = at.spendable();
      BigDecimal spendable = available;
      // A cash account buys with settled cash only: the broker's cash less this proposal's sale
      // proceeds that have not settled yet (T+1, see Settlement).
      if (route.settledCashOnly()) {
        // The sales' fills are needed now (their dates say when their proceeds settle), not only at the end.
        collectFills(account, broker);
      }
      Optional<Unsettled> unsettled = route.settledCashOnly() ? Optional.of(unsettled(account)) : Optional.empty();
      BigDecimal settled = unsettled.map(u -> available.min(at.cash().subtract(u.amount()).max(BigDecimal.ZERO)))
          .orElse(spendable);
      for (PlannedTrade t : buys) {
        if (openSales.contains(t.symbol())) {
          waitFor(t, "waiting: a sale of " + t.symbol() + " is still open (the broker refuses a purchase of a symbol "
              + "while its sale is open); run again once it has ended");
          continue;
        }
        BigDecimal quantity = t.quantity().subtract(state.filled(t.index()));
        Optional<BigDecimal> reference = Optional.ofNullable(prices.get(t.symbol())).or(t::price);
        Optional<BigDecimal> limit = orderPrice(t, prices);
        Optional<BigDecimal> unit = limit.or(() -> reference);
        if (unit.isEmpty()) {
          // No price at all (an order file without prices): the cost is unknown, so wait for the sales.
          if (salesWorking) {
            waitFor(t, "waiting for sales to fill: the purchase's cost is not known without a price");
            continue;
          }
          place(broker, t, prices, Optional.empty(), quantity);
          continue;
        }
        BigDecimal cost = quantity.multiply(unit.get()).setScale(2, RoundingMode.UP);
        if (cost.compareTo(spendable) > 0 && limit.isPresent() && reference.isPresent()) {
          // The collar may ask for more than the cash: lower the limit to what the cash pays, while
          // it is still at or above the latest price (a limit below it would not fill).
          BigDecimal capped = spendable.divide(quantity, 2, RoundingMode.DOWN);
          if (capped.compareTo(reference.get()) >= 0) {
            limit = Optional.of(capped);
            cost = quantity.multiply(capped).setScale(2, RoundingMode.UP);
          }
        }
        if (unsettled.isPresent() && cost.compareTo(settled) > 0
            && cost.compareTo(settled.add(unsettled.get().amount())) <= 0) {
          Unsettled u = unsettled.get();
          waitFor(t, "waiting for settlement: needs about $" + cost.toPlainString() + ", $"
              + settled.setScale(2, RoundingMode.DOWN).toPlainString() + " of the cash is settled and $"
              + u.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " of sale proceeds settle by " + u.last()
              + " (T+1; the account buys with settled cash only); run again on or after " + u.last());
          continue;
        }
        if (cost.compareTo(spendable) > 0) {
          String need = "needs about $" + cost.toPlainString() + ", the broker reports $"
              + spendable.setScale(2, RoundingMode.DOWN).toPlainString() + " available";
          if (salesWorking) {
            waitFor(t, "waiting for sales to fill: " + need);
            continue;
          }
          // The sales are done and their cash is short of the planned cost (they filled a little
          // below the proposal's price): buy what the cash pays rather than nothing, and leave the
          // shortfall to re-plan. A cash account spends settled cash only; the account's reserve is kept.
          BigDecimal budget = (unsettled.isPresent() ? spendable.min(settled) : spendable).subtract(route.reserve());
          BigDecimal affordable = affordable(broker, t, unit.get(), limit.isPresent(), budget);
          if (affordable.signum() <= 0) {
            skip(t, "not enough cash: " + need);
            continue;
          }
          BigDecimal partCost = affordable.multiply(unit.get()).setScale(2, RoundingMode.UP);
          if (place(broker, t, prices, limit, affordable)) {
            spendable = spendable.subtract(partCost);
            settled = settled.subtract(partCost);
            skip(t, "placed " + affordable.toPlainString() + " of " + quantity.toPlainString()
                + " shares: the cash after the sales pays no more (" + need + "); re-plan the other "
                + quantity.subtract(affordable).toPlainString());
          }
          continue;
        }
        if (place(broker, t, prices, limit, quantity)) {
          spendable = spendable.subtract(cost);
          settled = settled.subtract(cost);
        }
      }
    }

    /** Sale proceeds of this account's fills not settled on the run's date, and the last settlement date among them. */
    private Unsettled unsettled(AccountId account) {
      java.time.LocalDate today = clock.instant().atZone(FillBooking.MARKET_ZONE).toLocalDate();
      BigDecimal amount = BigDecimal.ZERO;
      java.time.LocalDate last = today;
      for (ExecutionEvent f : state.fills().values()) {
        PlannedTrade t = plan.trade(f.trade());
        if (!t.account().equals(account) || t.side() != Side.SELL) {
          continue;
        }
        java.time.LocalDate settles = Settlement.date(f.fillTime().atZone(FillBooking.MARKET_ZONE).toLocalDate());
        if (settles.isAfter(today)) {
          BigDecimal fees = f.fees() == null ? BigDecimal.ZERO : f.fees();
          amount = amount.add(f.quantity().multiply(f.price()).subtract(fees));
          last = settles.isAfter(last) ? settles : last;
        }
      }
      return new Unsettled(amount, last);
    }

    /** A trade not placed in this run for a reason that ends (a sale still open, cash not there yet). */
    private void waitFor(PlannedTrade t, String reason) {
      if (!reason.equals(state.skipped(t.index()).orElse(null))) {
        record(event(EventType.SKIPPED).trade(t).status(ExecutionState.WAITING).reason(reason).build());
      }
    }

    /** A trade not placed for a reason a rerun does not change: it is left to re-plan. */
    private void skip(PlannedTrade t, String reason) {
      if (!reason.equals(state.skipped(t.index()).orElse(null))) {
        record(event(EventType.SKIPPED).trade(t).reason(reason).build());
      }
    }

    /** The limit price of the trade's order under the policy, empty for a market order. */
    private Optional<BigDecimal> orderPrice(PlannedTrade t, Map<Symbol, BigDecimal> prices) {
      if (policy.orderType() == OrderType.MARKET) {
        return Optional.empty();
      }
      Optional<BigDecimal> reference = Optional.ofNullable(prices.get(t.symbol())).or(t::price);
      return reference.map(p -> Collars.limit(p, policy.collar(), t.side()));
    }

    /**
     * Places a new attempt of the trade; false when it was not placed (and why is journaled).
     *
     * @param limit the limit price under the policy (empty: a market order)
     */
    private boolean place(Broker broker, PlannedTrade t, Map<Symbol, BigDecimal> prices, Optional<BigDecimal> policyLimit) {
      return place(broker, t, prices, policyLimit, t.quantity().subtract(state.filled(t.index())));
    }

    /**
     * Shares of a purchase the budget pays at the unit price (the limit, or the latest price for a
     * market order), never more than the trade still needs. Whole shares, rounded down, so the
     * order never asks for more cash than there is; a market order of a fractionable asset may
     * take a fraction (the broker trades fractions only as market orders good for the day), to
     * 6 decimals, rounded down.
     */
    private BigDecimal affordable(Broker broker, PlannedTrade t, BigDecimal unit, boolean limitOrder, BigDecimal budget) {
      BigDecimal wanted = t.quantity().subtract(state.filled(t.index()));
      if (budget.signum() <= 0 || unit.signum() <= 0) {
        return BigDecimal.ZERO;
      }
      boolean fractions = !limitOrder && assets.computeIfAbsent(t.symbol(), broker::asset)
          .map(AssetInfo::fractionable).orElse(false);
      BigDecimal shares = budget.divide(unit, fractions ? 6 : 0, RoundingMode.DOWN);
      BigDecimal out = shares.min(wanted).stripTrailingZeros();
      return out.scale() < 0 ? out.setScale(0) : out;
    }

    /** Places a new attempt of the trade for the given shares (at most what the trade still needs). */
    private boolean place(Broker broker, PlannedTrade t, Map<Symbol, BigDecimal> prices, Optional<BigDecimal> policyLimit,
        BigDecimal shares) {
      Optional<BigDecimal> limit = policyLimit;
      BigDecimal quantity = shares.min(t.quantity().subtract(state.filled(t.index())));
      if (quantity.signum() <= 0) {
        return false;
      }
      Optional<AssetInfo> asset = assets.computeIfAbsent(t.symbol(), broker::asset);
      if (asset.isEmpty()) {
        skip(t, t.symbol() + " is not an asset the broker knows");
        return false;
      }
      if (!asset.get().tradable()) {
        skip(t, t.symbol() + " is not tradable at the broker now (status " + asset.get().status() + ")");
        return false;
      }
      OrderType type = policy.orderType();
      boolean fractional = quantity.stripTrailingZeros().scale() > 0;
      if (fractional) {
        if (!asset.get().fractionable()) {
          skip(t, "fractional quantity " + quantity.toPlainString() + ": the broker does not trade fractional shares of "
              + t.symbol() + "; re-plan in whole shares");
          return false;
        }
        // The broker takes fractional quantities only as market orders good for the day.
        type = OrderType.MARKET;
      }
      if (type == OrderType.MARKET || limit.isEmpty()) {
        type = OrderType.MARKET;
        limit = Optional.empty();
      }
      int attempt = state.attempts(t.index()).size() + 1;
      String id = ClientOrderIds.of(plan.id(), t.index(), attempt);
      OrderRequest request = new OrderRequest(id, t.symbol(), OrderSide.of(t.side()), quantity, type, limit,
          TimeInForce.DAY);
      record(event(EventType.SUBMITTING).trade(t).clientOrderId(id).quantity(quantity).orderType(type.code())
          .price(limit.orElse(null)).build());
      LOG.info("placing {} ({})", id, t.describe());
      Attempt placed = state.last(t.index()).orElseThrow();
      return send(broker, t, placed, request);
    }

    /** Sends a placement; resolves an unclear answer by looking the id up. */
    private boolean send(Broker broker, PlannedTrade t, Attempt attempt, OrderRequest request) {
      try {
        BrokerOrder order = broker.submit(request);
        acknowledge(t, attempt, order, EventType.ACKNOWLEDGED);
        return true;
      } catch (BrokerException.Rejected r) {
        if (duplicateId(r)) {
          return resolve(broker, t, attempt);
        }
        record(event(EventType.REJECTED).trade(t).clientOrderId(attempt.clientOrderId).httpStatus(r.status())
            .reason(r.reason()).build());
        LOG.info("{} rejected: {} {}", attempt.clientOrderId, r.status(), r.reason());
        return false;
      } catch (BrokerException.Unknown u) {
        return resolve(broker, t, attempt);
      }
    }

    private boolean duplicateId(BrokerException.Rejected r) {
      String reason = r.reason().toLowerCase(java.util.Locale.ROOT);
      return reason.contains("client_order_id") && reason.contains("unique");
    }

    /**
     * The outcome of a placement that gave no clear answer: the broker is asked for the id first;
     * only when it has no such order is the same request sent again under the same id.
     */
    private boolean resolve(Broker broker, PlannedTrade t, Attempt attempt) {
      String last = "no answer";
      for (int i = 0; i < RESOLVE_ATTEMPTS; i++) {
        try {
          Optional<BrokerOrder> found = broker.findOrder(attempt.clientOrderId);
          if (found.isPresent()) {
            acknowledge(t, attempt, found.get(), EventType.ACKNOWLEDGED);
            return true;
          }
          LOG.info("{} not at the broker; sending it again under the same id", attempt.clientOrderId);
          BrokerOrder order = broker.submit(request(attempt));
          acknowledge(t, attempt, order, EventType.ACKNOWLEDGED);
          return true;
        } catch (BrokerException.Rejected r) {
          if (!duplicateId(r)) {
            record(event(EventType.REJECTED).trade(t).clientOrderId(attempt.clientOrderId).httpStatus(r.status())
                .reason(r.reason()).build());
            return false;
          }
          last = r.reason();
        } catch (BrokerException.Unknown u) {
          last = u.getMessage();
        }
        pause(policy.pollInterval());
      }
      record(event(EventType.IN_DOUBT).trade(t).clientOrderId(attempt.clientOrderId).reason(last).build());
      throw new AccountStopped("the outcome of order " + attempt.clientOrderId + " (" + t.describe()
          + ") is not known yet (" + last + "); nothing more is placed in this account until a later run finds it");
    }

    private OrderRequest request(Attempt attempt) {
      ExecutionEvent s = attempt.submitted;
      OrderType type = OrderType.parse(s.orderType());
      return new OrderRequest(s.clientOrderId(), Symbol.of(s.symbol()), OrderSide.parse(s.side()), s.quantity(), type,
          Optional.ofNullable(s.price()), TimeInForce.DAY);
    }

    private void acknowledge(PlannedTrade t, Attempt attempt, BrokerOrder order, EventType type) {
      record(event(type).trade(t).clientOrderId(attempt.clientOrderId).orderId(order.id()).status(order.status().code())
          .filledQuantity(order.filledQuantity()).build());
    }

    /** Asks the broker about every working order of the trades; journals what changed. */
    private void refresh(Broker broker, List<PlannedTrade> trades) {
      for (PlannedTrade t : trades) {
        for (Attempt a : state.attempts(t.index())) {
          if (!a.working()) {
            continue;
          }
          Optional<BrokerOrder> order = broker.findOrder(a.clientOrderId);
          if (order.isEmpty()) {
            warnings.add("order " + a.clientOrderId + " is no longer found at the broker");
            continue;
          }
          BrokerOrder o = order.get();
          if (o.status() != a.status || o.filledQuantity().compareTo(a.filled) != 0) {
            acknowledge(t, a, o, EventType.ORDER_STATE);
          }
        }
      }
    }

    private boolean anyWorking(List<PlannedTrade> trades) {
      return trades.stream().anyMatch(t -> state.attempts(t.index()).stream().anyMatch(Attempt::working));
    }

    private void awaitWorking(Broker broker, List<PlannedTrade> trades) {
      Instant deadline = clock.instant().plus(policy.fillWait());
      while (anyWorking(trades)) {
        refresh(broker, trades);
        if (!anyWorking(trades) || !clock.instant().isBefore(deadline)) {
          return;
        }
        pause(policy.pollInterval());
      }
    }

    private void cancelWorking(Broker broker, List<PlannedTrade> trades) {
      for (PlannedTrade t : trades) {
        for (Attempt a : state.attempts(t.index())) {
          if (a.working()) {
            record(event(EventType.CANCEL_REQUESTED).trade(t).clientOrderId(a.clientOrderId).orderId(a.orderId).build());
            try {
              broker.cancel(a.orderId);
            } catch (BrokerException.Rejected r) {
              // Not cancelable any more (it filled meanwhile): the refresh below records what it became.
              LOG.info("cancel of {} refused: {}", a.clientOrderId, r.reason());
            }
          }
        }
      }
      awaitWorking(broker, trades);
    }

    private void pause(Duration d) {
      try {
        sleeper.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AccountStopped("interrupted");
      }
    }

    // ---- fills and booking ----

    private void collectFills(AccountId account, Broker broker) {
      Map<String, Attempt> byOrder = new LinkedHashMap<>();
      for (PlannedTrade t : plan.tradesOf(account)) {
        for (Attempt a : state.attempts(t.index())) {
          if (a.orderId != null && a.filled.signum() > 0) {
            byOrder.put(a.orderId, a);
          }
        }
      }
      if (byOrder.isEmpty()) {
        return;
      }
      boolean missing = byOrder.values().stream().anyMatch(a -> reported(a).compareTo(a.filled) < 0);
      if (!missing) {
        return;
      }
      for (BrokerFill f : broker.fills(state.started().minus(Duration.ofHours(1)))) {
        Attempt a = byOrder.get(f.orderId());
        if (a == null || state.hasFill(f.id())) {
          continue;
        }
        int trade = state.tradeOf(a.clientOrderId).orElseThrow();
        record(event(EventType.FILL).trade(plan.trade(trade)).clientOrderId(a.clientOrderId).orderId(f.orderId())
            .quantity(f.quantity()).price(f.price()).fees(f.fees()).fill(f.id(), f.time())
            .lot(f.lotId().map(dev.keel.core.ledger.LotId::value).orElse(null)).build());
      }
      for (Attempt a : byOrder.values()) {
        BigDecimal seen = reported(a);
        if (seen.compareTo(a.filled) < 0) {
          warnings.add("order " + a.clientOrderId + ": the broker reports " + a.filled.toPlainString()
              + " shares filled but only " + seen.toPlainString() + " in its fills so far; run again to book the rest");
        }
      }
    }

    private BigDecimal reported(Attempt a) {
      return state.fills().values().stream().filter(f -> a.clientOrderId.equals(f.clientOrderId()))
          .map(ExecutionEvent::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void book() {
      if (state.fills().isEmpty()) {
        return;
      }
      Set<String> inLedger = sink.bookedFillIds();
      List<String> recovered = new ArrayList<>();
      for (String id : state.fills().keySet()) {
        if (inLedger.contains(id) && !state.booked().contains(id)) {
          recovered.add(id);
        }
      }
      if (!recovered.isEmpty()) {
        record(event(EventType.BOOKED).reason("found in the ledger after an interruption").fills(recovered).build());
      }
      List<BookedFill> batch = new ArrayList<>();
      Map<AccountId, BrokerLots.Tracker> brokerLots = new HashMap<>();
      Map<Integer, BigDecimal> relieved = new HashMap<>();
      Map<String, Integer> fillNumber = new HashMap<>();
      for (ExecutionEvent f : state.fills().values()) {
        PlannedTrade t = plan.trade(f.trade());
        BigDecimal before = relieved.getOrDefault(t.index(), BigDecimal.ZERO);
        relieved.put(t.index(), before.add(f.quantity()));
        int n = fillNumber.merge(f.clientOrderId(), 1, Integer::sum);
        if (inLedger.contains(f.fillId())) {
          continue;
        }
        Optional<BrokerRoute> route = Optional.ofNullable(routes.get(t.account()));
        boolean honours = route.map(BrokerRoute::honoursLots).orElse(false);
        PlannedTrade booked = t;
        BigDecimal skip = before;
        if (t.side() == Side.SELL && f.lotId() != null) {
          // The broker says which lot it relieved: the books follow it, and a lot other than the
          // proposal's is reported (the realized gain differs from the one approved).
          LotId lot = LotId.of(f.lotId());
          if (!t.lots().isEmpty() && t.lots().stream().noneMatch(l -> l.lotId().equals(lot))) {
            warnings.add("trade " + t.index() + " (" + t.describe() + "): the broker relieved lot " + lot
                + ", not the proposal's " + String.join(", ", t.lots().stream().map(l -> l.lotId().value()).toList())
                + "; booked as the broker reported (check the gain against the proposal's)");
          }
          booked = withLots(t, List.of(new PlannedLot(lot, f.quantity())));
          skip = BigDecimal.ZERO;
          honours = true;
        } else if (t.side() == Side.SELL && !honours && route.flatMap(BrokerRoute::brokerLots).isPresent()) {
          // The broker relieves by its own method: book the lots that method takes, not the household's.
          BrokerLots.Tracker tracker = brokerLots.computeIfAbsent(t.account(),
              a -> route.get().brokerLots().get().tracker());
          booked = withLots(t, tracker.relieve(t.symbol(), f.quantity(), f.price(),
              f.fillTime().atZone(FillBooking.MARKET_ZONE).toLocalDate()));
          skip = BigDecimal.ZERO;
          honours = true;
        }
        batch.add(new BookedFill(f.fillId(), FillBooking.transactions(booked, f.quantity(), f.price(),
            f.fees() == null ? BigDecimal.ZERO : f.fees(), f.fillTime(), skip, honours, f.clientOrderId() + "-f" + n)));
      }
      if (batch.isEmpty()) {
        return;
      }
      sink.book(batch);
      bookedNow += batch.size();
      record(event(EventType.BOOKED).fills(batch.stream().map(BookedFill::fillId).toList()).build());
    }

    private PlannedTrade withLots(PlannedTrade t, List<PlannedLot> lots) {
      return new PlannedTrade(t.index(), t.account(), t.symbol(), t.side(), t.quantity(), t.price(), lots, t.harvest());
    }

    // ---- result ----

    private ExecutionResult result() {
      List<TradeOutcome> outcomes = new ArrayList<>();
      for (PlannedTrade t : plan.trades()) {
        outcomes.add(outcome(t));
      }
      List<String> halted = new ArrayList<>();
      for (AccountId a : plan.accounts()) {
        state.halted(a.value()).ifPresent(r -> halted.add(a + ": " + r));
      }
      harvestWarnings(outcomes);
      return new ExecutionResult(plan.id(), outcomes, bookedNow, halted, List.copyOf(warnings));
    }

    private TradeOutcome outcome(PlannedTrade t) {
      List<Attempt> attempts = state.attempts(t.index());
      BigDecimal filled = state.filled(t.index());
      List<String> ids = attempts.stream().map(a -> a.clientOrderId).toList();
      BigDecimal qty = BigDecimal.ZERO;
      BigDecimal value = BigDecimal.ZERO;
      for (ExecutionEvent f : state.fills().values()) {
        if (f.trade() == t.index()) {
          qty = qty.add(f.quantity());
          value = value.add(f.quantity().multiply(f.price()));
        }
      }
      Optional<BigDecimal> average = qty.signum() == 0 ? Optional.empty()
          : Optional.of(value.divide(qty, 4, RoundingMode.HALF_UP));
      if (attempts.isEmpty()) {
        Optional<String> reason = state.skipped(t.index()).or(() -> state.halted(t.account().value()));
        TradeOutcome.Status status = state.waiting(t.index()) && state.halted(t.account().value()).isEmpty()
            ? TradeOutcome.Status.WAITING : TradeOutcome.Status.NOT_PLACED;
        return new TradeOutcome(t, status, filled, average, Optional.of(reason.orElse("not placed")), ids);
      }
      Attempt last = attempts.get(attempts.size() - 1);
      TradeOutcome.Status status;
      Optional<String> reason = Optional.empty();
      if (filled.compareTo(t.quantity()) >= 0) {
        status = TradeOutcome.Status.FILLED;
      } else if (last.unresolved()) {
        status = TradeOutcome.Status.IN_DOUBT;
        reason = Optional.ofNullable(last.reason);
      } else if (last.working()) {
        status = TradeOutcome.Status.OPEN;
      } else if (last.rejected) {
        status = filled.signum() > 0 ? TradeOutcome.Status.PARTLY_FILLED : TradeOutcome.Status.REJECTED;
        reason = Optional.ofNullable(last.reason);
      } else {
        status = filled.signum() > 0 ? TradeOutcome.Status.PARTLY_FILLED : TradeOutcome.Status.ENDED;
        reason = Optional.of("order " + last.status.code());
      }
      if (state.skipped(t.index()).isPresent() && status != TradeOutcome.Status.FILLED) {
        reason = state.skipped(t.index());
      }
      return new TradeOutcome(t, status, filled, average, reason, ids);
    }

    private void harvestWarnings(List<TradeOutcome> outcomes) {
      for (AccountId a : plan.accounts()) {
        List<TradeOutcome> legs = outcomes.stream().filter(o -> o.trade().harvest() && o.trade().account().equals(a))
            .toList();
        boolean soldLoss = legs.stream().anyMatch(o -> o.trade().side() == Side.SELL && o.filled().signum() > 0);
        boolean boughtAll = legs.stream().filter(o -> o.trade().side() == Side.BUY)
            .allMatch(o -> o.status() == TradeOutcome.Status.FILLED);
        if (soldLoss && !boughtAll) {
          warnings.add(a + ": a harvest sale executed but its substitute was not bought in full; buy it today "
              + "(re-plan) so the allocation is not out of the market");
        }
      }
    }
  }
}
