package dev.keel.core.rebalance;

import dev.keel.core.drift.ClassDrift;
import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.LotId;
import dev.keel.core.ledger.LotRelief;
import dev.keel.core.money.Decimals;
import dev.keel.core.policy.Policy;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.FlatRateTax;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.estimate.CapitalGainsInput;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfile;
import dev.keel.core.tax.estimate.TaxProfiles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the program's answer (dollars per lot and per purchase, in doubles) into trades a broker
 * accepts: whole shares unless the policy allows fractions (4 decimals then), no trade below
 * {@code min_trade}, no account's cash below what it must keep. From there on everything is
 * BigDecimal: amounts are quantity × price to the cent, gains come from {@link LotRelief}, the
 * allocation after is measured with {@link DriftAnalyzer#measure}.
 */
final class ProposalAssembler {

  private static final int FRACTION_SCALE = 4;
  private static final double TINY = 1e-6;
  private static final String LOSS = "{loss}";
  /** Lines of lots not sold listed one by one; the rest are counted in one line. */
  private static final int MAX_NOT_SOLD_LINES = 30;
  /**
   * The order trades are listed, and booked: by account, sells before buys, by symbol. A lot sold
   * by two trades (a rebalance and a harvest) is relieved in this order, as the ledger will.
   */
  private static final Comparator<Draft> BOOKING_ORDER = Comparator.comparing((Draft d) -> d.account.value())
      .thenComparing(d -> d.side == Side.SELL ? 0 : 1).thenComparing(d -> d.symbol.value());

  private final RebalanceRequest request;
  private final DriftReport before;
  private final Rebalancer.Model model;
  private final double[] x;
  private final TaxEstimator estimator;
  private final Policy policy;

  ProposalAssembler(RebalanceRequest request, DriftReport before, Rebalancer.Model model, double[] x, TaxEstimator estimator) {
    this.request = request;
    this.before = before;
    this.model = model;
    this.x = x;
    this.estimator = estimator;
    this.policy = request.data().policy();
  }

  static Proposal nothing(RebalanceRequest request, DriftReport before, String summary, TaxEstimator estimator) {
    Map<AccountId, BigDecimal> cash = new LinkedHashMap<>();
    request.books().positions().forEach(p -> cash.put(p.account().id(), p.cash()));
    BigDecimal realized = realizedThisYear(request.books(), request.asOf());
    ProposalTax tax = new ProposalTax(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, realized,
        budgetLeft(request.data().household().tax(), realized)).withBasis(basis(request, estimator));
    return new Proposal(request.asOf(), false, summary, List.of(), before.classes(), before.classes(), tax, BigDecimal.ZERO,
        cash, List.of(), List.of(), List.of());
  }

  Proposal assemble() {
    boolean fractional = policy.rebalance().fractional();
    BigDecimal minTrade = policy.rebalance().minTrade();

    // Sells: per account and symbol, the shares the program chose, then lots cheapest first.
    Map<String, List<SellOption>> sellGroups = new LinkedHashMap<>();
    Map<String, Double> sellShares = new LinkedHashMap<>();
    for (SellOption s : model.sells) {
      double dollars = x[s.variable()];
      if (dollars <= TINY) {
        continue;
      }
      String key = s.account().id() + " " + s.lot().symbol();
      sellGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      sellShares.merge(key, Math.min(dollars / s.price(), s.lot().quantity().doubleValue()), Double::sum);
    }
    List<Draft> drafts = new ArrayList<>();
    for (Map.Entry<String, List<SellOption>> e : sellGroups.entrySet()) {
      List<SellOption> options = e.getValue();
      BigDecimal held = options.stream().map(o -> o.lot().quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal shares = shares(sellShares.get(e.getKey()), fractional).min(held);
      if (shares.signum() <= 0) {
        continue;
      }
      SellOption first = options.get(0);
      BigDecimal price = request.data().prices().get(first.lot().symbol(), request.asOf());
      drafts.add(Draft.sell(first, options, shares, price));
    }
    // Buys.
    for (BuyOption b : model.buys) {
      double dollars = x[b.variable()];
      if (dollars <= TINY) {
        continue;
      }
      BigDecimal price = request.data().prices().get(b.security().symbol(), request.asOf());
      BigDecimal shares = shares(dollars / b.price(), fractional);
      if (shares.signum() > 0) {
        drafts.add(Draft.buy(b, shares, price));
      }
    }
    drafts.removeIf(d -> d.amount().compareTo(minTrade) < 0);
    List<String> harvestBlocked = new ArrayList<>(model.harvestBlocked);
    List<Draft[]> harvestPairs = harvestDrafts(fractional, minTrade, harvestBlocked);
    List<Draft[]> swapBacks = swapBackDrafts(drafts, harvestPairs, fractional, harvestBlocked);
    for (Draft[] pair : harvestPairs) {
      drafts.add(pair[0]);
      drafts.add(pair[1]);
    }
    for (Draft[] pair : swapBacks) {
      drafts.add(pair[0]);
      drafts.add(pair[1]);
    }
    List<String> unresolved = new ArrayList<>();
    keepWithinBudget(drafts, swapBacks, fractional, minTrade, harvestBlocked, unresolved);
    Map<AccountId, BigDecimal> cash = repairCash(drafts, fractional, minTrade, unresolved);

    // Trades, lots, gains.
    List<Trade> trades = new ArrayList<>();
    BigDecimal st = BigDecimal.ZERO;
    BigDecimal lt = BigDecimal.ZERO;
    Map<AssetClass, BigDecimal> after = new LinkedHashMap<>();
    before.classes().forEach(c -> after.put(c.assetClass(), c.assetClass().equals(AssetClass.CASH) ? BigDecimal.ZERO : c.value()));
    BigDecimal traded = BigDecimal.ZERO;
    drafts.sort(BOOKING_ORDER);
    Map<Draft, List<LotSale>> relieved = new IdentityHashMap<>();
    Map<LotId, Optional<Lot>> lotsLeft = new LinkedHashMap<>();
    for (Draft d : drafts) {
      List<LotSale> lots = d.side == Side.SELL ? relieve(d, lotsLeft) : List.of();
      relieved.put(d, lots);
      if (d.taxable) {
        for (LotSale sale : lots) {
          if (sale.term() == Term.SHORT) {
            st = st.add(sale.reportableGain());
          } else {
            lt = lt.add(sale.reportableGain());
          }
        }
      }
      BigDecimal amount = d.amount();
      traded = traded.add(amount);
      after.merge(d.assetClass, d.side == Side.BUY ? amount : amount.negate(), BigDecimal::add);
      trades.add(new Trade(d.account, d.symbol, d.assetClass, d.side, d.quantity, d.price, amount, lots, reason(d, lots)));
    }
    BigDecimal cashAfter = cash.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (policy.targetsCash()) {
      after.merge(AssetClass.CASH, cashAfter, BigDecimal::add);
    }
    BigDecimal totalAfter = after.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .add(policy.targetsCash() ? BigDecimal.ZERO : cashAfter);
    List<ClassDrift> afterDrift = new ArrayList<>();
    for (Map.Entry<AssetClass, BigDecimal> e : after.entrySet()) {
      afterDrift.add(DriftAnalyzer.measure(policy, e.getKey(), e.getValue(), totalAfter));
    }
    if (request.mode() == RebalanceRequest.Mode.REBALANCE) {
      unresolved.addAll(unresolved(afterDrift));
    }

    BigDecimal realized = realizedThisYear(request.books(), request.asOf());
    Optional<BigDecimal> budget = budgetLeft(request.data().household().tax(), realized);
    ProposalTax tax = new ProposalTax(st, lt, estimatedTax(st, lt), realized, budget).withBasis(basis(request, estimator));
    BigDecimal turnover = before.totalValue().signum() == 0
        ? BigDecimal.ZERO
        : traded.divide(BigDecimal.valueOf(2), Decimals.RATIO).divide(before.totalValue(), Decimals.RATIO);
    // A lot this proposal sells anyway is not listed as "not harvested": its sale says why.
    Set<String> soldLots = new HashSet<>();
    trades.forEach(t -> t.lots().forEach(l -> soldLots.add(l.lotId().value())));
    harvestBlocked.removeIf(b -> soldLots.stream().anyMatch(id -> b.contains(" lot " + id + " in ")));
    List<HarvestValuer.Legs> legs = new ArrayList<>();
    for (Draft[] pair : harvestPairs) {
      legs.add(new HarvestValuer.Legs(harvestOf.get(pair[0]), pair[0].quantity, pair[1].quantity, pair[0].amount(),
          relieved.get(pair[0])));
    }
    List<Harvest> harvests = new HarvestValuer(request, estimator).value(legs, st, lt);
    return new Proposal(request.asOf(), true, summary(trades, afterDrift, harvests.size(), swapBacks.size()), trades,
        before.classes(), afterDrift, tax, turnover, cash, unresolved, harvests, harvestBlocked);
  }

  private BigDecimal shares(double value, boolean fractional) {
    BigDecimal exact = BigDecimal.valueOf(value + TINY);
    return fractional ? exact.setScale(FRACTION_SCALE, RoundingMode.DOWN) : exact.setScale(0, RoundingMode.DOWN);
  }

  /**
   * Rounding down sells can leave an account short of the cash its buys need: trims buys, largest
   * first, until every account keeps what it must. Returns each account's cash after the trades.
   */
  private Map<AccountId, BigDecimal> repairCash(List<Draft> drafts, boolean fractional, BigDecimal minTrade,
      List<String> unresolved) {
    Map<AccountId, BigDecimal> cash = new LinkedHashMap<>();
    for (AccountPosition position : request.books().positions()) {
      AccountId id = position.account().id();
      BigDecimal balance = position.cash().add(request.flow(id));
      for (Draft d : drafts) {
        if (d.account.equals(id)) {
          balance = d.side == Side.SELL ? balance.add(d.amount()) : balance.subtract(d.amount());
        }
      }
      BigDecimal keep = BigDecimal.valueOf(model.keep.get(id)).setScale(2, RoundingMode.HALF_UP);
      // A harvest or swap back pays for its own buy with its sale, so only rebalance buys are cut:
      // cutting a substitute would leave the harvest's class short and its record wrong.
      List<Draft> buys = drafts.stream().filter(d -> d.account.equals(id) && d.side == Side.BUY && d.kind == Kind.REBALANCE)
          .sorted(Comparator.comparing(Draft::amount).reversed()).toList();
      for (Draft buy : buys) {
        if (balance.compareTo(keep) >= 0) {
          break;
        }
        BigDecimal shortBy = keep.subtract(balance);
        BigDecimal cut = shortBy.divide(buy.price, FRACTION_SCALE, RoundingMode.UP);
        if (!fractional) {
          cut = cut.setScale(0, RoundingMode.UP);
        }
        BigDecimal before = buy.amount();
        buy.quantity = buy.quantity.subtract(cut.min(buy.quantity));
        balance = balance.add(before.subtract(buy.amount()));
      }
      drafts.removeIf(d -> d.account.equals(id) && d.side == Side.BUY && d.kind == Kind.REBALANCE
          && (d.quantity.signum() <= 0 || d.amount().compareTo(minTrade) < 0));
      balance = balanceAfter(position, drafts);
      if (balance.compareTo(keep) < 0) {
        // Sales rounded down, or dropped below min_trade, can leave a withdrawal unpaid: sell more
        // in the account, whole shares rounded up, from the lots the program preferred.
        topUp(drafts, id, keep.subtract(balance), fractional);
        balance = balanceAfter(position, drafts);
      }
      BigDecimal flow = request.flow(id);
      if (balance.signum() < 0) {
        BigDecimal sold = drafts.stream().filter(d -> d.account.equals(id) && d.side == Side.SELL).map(Draft::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        StringBuilder text = new StringBuilder("withdrawal of " + dollars(flow.negate()) + " from " + id + " is short by "
            + dollars(balance.negate()) + ": cash " + dollars(position.cash()) + " + sales " + dollars(sold));
        List<String> why = model.blocked.stream().map(Rebalancer.Blocked::text).filter(t -> t.contains(" in " + id + " "))
            .distinct().limit(3).toList();
        text.append(why.isEmpty() ? "; nothing else in the account may be sold" : "; not sold: " + String.join("; ", why));
        unresolved.add(text.toString());
      } else if (flow.signum() < 0 && balance.compareTo(position.account().reserve()) < 0) {
        unresolved.add(id + " ends with " + dollars(balance) + ", below its reserve " + dollars(position.account().reserve())
            + ": the withdrawal of " + dollars(flow.negate()) + " leaves too little to sell to keep it");
      }
      cash.put(id, balance);
    }
    return cash;
  }

  private BigDecimal balanceAfter(AccountPosition position, List<Draft> drafts) {
    BigDecimal balance = position.cash().add(request.flow(position.account().id()));
    for (Draft d : drafts) {
      if (d.account.equals(position.account().id())) {
        balance = d.side == Side.SELL ? balance.add(d.amount()) : balance.subtract(d.amount());
      }
    }
    return balance;
  }

  /**
   * Sells {@code needed} dollars more in an account: symbols the program already sold there first,
   * then the cheapest to sell; within a symbol the lots in {@link #relieve}'s order (losses, then the
   * least gain per dollar). Never more shares than the account's sellable lots hold.
   */
  private void topUp(List<Draft> drafts, AccountId account, BigDecimal needed, boolean fractional) {
    Map<Symbol, List<SellOption>> bySymbol = new LinkedHashMap<>();
    model.sells.stream().filter(s -> s.account().id().equals(account) && !model.pinned.contains(s.variable()))
        .sorted(Comparator.comparing((SellOption s) -> x[s.variable()] > TINY ? 0 : 1)
            .thenComparingDouble(SellOption::costPerDollar).thenComparing(s -> s.lot().id()))
        .forEach(s -> bySymbol.computeIfAbsent(s.lot().symbol(), k -> new ArrayList<>()).add(s));
    BigDecimal left = needed;
    for (Map.Entry<Symbol, List<SellOption>> e : bySymbol.entrySet()) {
      if (left.signum() <= 0) {
        return;
      }
      Symbol symbol = e.getKey();
      List<SellOption> options = e.getValue();
      BigDecimal held = options.stream().map(o -> o.lot().quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal selling = drafts.stream().filter(d -> d.account.equals(account) && d.symbol.equals(symbol) && d.side == Side.SELL)
          .map(d -> d.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal spare = held.subtract(selling);
      if (spare.signum() <= 0) {
        continue;
      }
      BigDecimal price = request.data().prices().get(symbol, request.asOf());
      BigDecimal more = left.divide(price, FRACTION_SCALE, RoundingMode.UP);
      if (!fractional) {
        more = more.setScale(0, RoundingMode.UP);
      }
      more = more.min(spare);
      Draft existing = drafts.stream().filter(d -> d.account.equals(account) && d.symbol.equals(symbol) && d.side == Side.SELL
          && d.kind == Kind.REBALANCE).findFirst().orElse(null);
      BigDecimal quantity = more.add(existing == null ? BigDecimal.ZERO : existing.quantity);
      // Every lot of the symbol may now be relieved, not only those the program chose.
      Draft topped = Draft.sell(options.get(0), options, quantity, price);
      if (existing != null) {
        drafts.set(drafts.indexOf(existing), topped);
      } else {
        drafts.add(topped);
      }
      left = left.subtract(Decimals.cents(more.multiply(price)));
    }
  }

  private static String dollars(BigDecimal amount) {
    return Dollars.of(amount);
  }

  /**
   * Lots relieved by a sale, as the program chose them: each lot first gets the whole part of the
   * shares the program sold from it, then what rounding left over goes to the lots in order of gain
   * per share, losses first. Shares a sale is short of the program's (rounding down, a trim to stay
   * in the tax budget) thus come off the lots with the most gain. Relief itself is {@link LotRelief}'s.
   */
  private List<LotSale> relieve(Draft d, Map<LotId, Optional<Lot>> lotsLeft) {
    List<SellOption> options = new ArrayList<>(d.options);
    options.sort(Comparator.comparingDouble(SellOption::gainPerDollar).thenComparing(o -> o.term() == Term.SHORT ? 0 : 1)
        .thenComparing(o -> o.lot().id()));
    int scale = policy.rebalance().fractional() ? FRACTION_SCALE : 0;
    Map<SellOption, BigDecimal> take = new IdentityHashMap<>();
    BigDecimal left = d.quantity;
    for (SellOption o : options) {
      BigDecimal held = held(o, lotsLeft);
      BigDecimal planned = planned(o);
      BigDecimal q = planned.compareTo(o.lot().quantity()) >= 0 ? held : planned.setScale(scale, RoundingMode.DOWN).min(held);
      q = q.min(left);
      take.put(o, q);
      left = left.subtract(q);
    }
    // What rounding left over: first up to what the program planned per lot (rounded up), so that a
    // later trade of the same lot keeps its shares; then wherever shares are left.
    for (boolean capped : new boolean[] {true, false}) {
      for (SellOption o : options) {
        if (left.signum() <= 0) {
          break;
        }
        BigDecimal room = held(o, lotsLeft).subtract(take.get(o));
        if (capped) {
          room = room.min(planned(o).setScale(scale, RoundingMode.UP).subtract(take.get(o)).max(BigDecimal.ZERO));
        }
        BigDecimal more = left.min(room);
        take.merge(o, more, BigDecimal::add);
        left = left.subtract(more);
      }
    }
    if (left.signum() > 0) {
      // The lots cannot cover the sale (only possible if an earlier trade took them): sell what they hold.
      d.quantity = d.quantity.subtract(left);
    }
    List<LotSale> sales = new ArrayList<>();
    BigDecimal proceedsLeft = d.amount();
    BigDecimal toGo = d.quantity;
    for (SellOption o : options) {
      BigDecimal q = take.get(o);
      if (q.signum() <= 0) {
        continue;
      }
      Lot lot = lotsLeft.getOrDefault(o.lot().id(), Optional.of(o.lot())).orElseThrow();
      toGo = toGo.subtract(q);
      BigDecimal proceeds = toGo.signum() == 0 ? proceedsLeft : LotRelief.share(d.amount(), q, d.quantity);
      proceedsLeft = proceedsLeft.subtract(proceeds);
      LotRelief.Relief relief = LotRelief.relieve(lot, q);
      lotsLeft.put(lot.id(), relief.remaining());
      BigDecimal gain = proceeds.subtract(relief.relievedBasis());
      boolean washed = scheduledWash(lot).isPresent() || model.washedToPay.containsKey(lot.id());
      BigDecimal disallowed = d.taxable && gain.signum() < 0 && washed ? gain.negate() : BigDecimal.ZERO;
      sales.add(new LotSale(lot.id(), lot.acquired(), q, relief.relievedBasis(), proceeds, gain, lot.term(request.asOf()),
          d.taxable, disallowed));
    }
    return sales;
  }

  /** A purchase scheduled outside Keel that would wash a loss sale of the lot today. */
  private Optional<ScheduledWash> scheduledWash(Lot lot) {
    return ScheduledWash.find(request, policy.securities().identityOf(lot.symbol()), policy.securities(), request.asOf());
  }

  /** Shares of an option's lot not yet relieved by trades before this one. */
  private static BigDecimal held(SellOption o, Map<LotId, Optional<Lot>> lotsLeft) {
    return lotsLeft.getOrDefault(o.lot().id(), Optional.of(o.lot())).map(Lot::quantity).orElse(BigDecimal.ZERO);
  }

  /** Shares the program sold from an option's lot; all of it for sales sized outside the program. */
  private BigDecimal planned(SellOption o) {
    if (o.variable() < 0) {
      return o.lot().quantity();
    }
    double shares = x[o.variable()] / o.price();
    if (shares >= o.lot().quantity().doubleValue() - TINY) {
      return o.lot().quantity();
    }
    return BigDecimal.valueOf(Math.max(0, shares + TINY)).setScale(FRACTION_SCALE, RoundingMode.DOWN);
  }

  /**
   * Whole shares, minimum trade sizes and harvests that could not be placed make the exact gains
   * differ from the program's doubles. When they exceed {@code tax.max_net_gains}, taxable sales
   * shrink, from the lot with the most gain per share, until the budget holds; swap backs that
   * realize a gain go first. Runs before the cash repair, which then trims the buys these sales paid for.
   */
  private void keepWithinBudget(List<Draft> drafts, List<Draft[]> swapBacks, boolean fractional, BigDecimal minTrade,
      List<String> blocked, List<String> unresolved) {
    Optional<BigDecimal> left = budgetLeft(request.data().household().tax(), realizedThisYear(request.books(), request.asOf()));
    if (left.isEmpty()) {
      return;
    }
    BigDecimal allowed = left.get().max(BigDecimal.ZERO);
    if (model.budgetOverrun >= 0 && x[model.budgetOverrun] > TINY) {
      // A withdrawal could not be paid within the budget: the program went over it, and says so.
      BigDecimal over = Decimals.cents(BigDecimal.valueOf(x[model.budgetOverrun]));
      allowed = allowed.add(over);
      unresolved.add("the withdrawals need about " + dollars(over) + " of net gains beyond tax.max_net_gains ("
          + dollars(left.get().max(BigDecimal.ZERO)) + " left this year): nothing else could pay them");
    }
    for (Draft[] pair : new ArrayList<>(swapBacks)) {
      BigDecimal net = netGain(drafts);
      BigDecimal gain = gain(relieve(pair[0], new LinkedHashMap<>()));
      if (net.compareTo(allowed) > 0 && gain.signum() > 0) {
        drafts.remove(pair[0]);
        drafts.remove(pair[1]);
        swapBacks.remove(pair);
        blocked.add(pair[0].symbol + " in " + pair[0].account + ": swap back to " + pair[1].symbol
            + " not proposed, its gain would exceed the tax budget (tax.max_net_gains)");
      }
    }
    BigDecimal step = fractional ? BigDecimal.ONE.movePointLeft(FRACTION_SCALE) : BigDecimal.ONE;
    Set<Draft> trimmed = Collections.newSetFromMap(new IdentityHashMap<>());
    while (true) {
      BigDecimal excess = netGain(drafts).subtract(allowed);
      if (excess.signum() <= 0) {
        dropSmallTrimmed(drafts, trimmed, minTrade, allowed, unresolved);
        return;
      }
      Draft worst = null;
      LotSale worstLot = null;
      for (Draft d : drafts) {
        if (d.side != Side.SELL || !d.taxable || d.kind != Kind.REBALANCE) {
          continue;
        }
        List<LotSale> lots = relieve(d, new LinkedHashMap<>());
        if (lots.isEmpty()) {
          continue;
        }
        LotSale last = lots.get(lots.size() - 1);
        if (last.gain().signum() > 0 && (worstLot == null || perShare(last).compareTo(perShare(worstLot)) > 0)) {
          worst = d;
          worstLot = last;
        }
      }
      if (worst == null) {
        return; // nothing left that realizes a gain; the program's budget row makes this unreachable in practice
      }
      BigDecimal cut = excess.divide(perShare(worstLot), FRACTION_SCALE, RoundingMode.UP);
      BigDecimal lotShares = worstLot.quantity().divide(step, 0, RoundingMode.UP).multiply(step);
      cut = cut.divide(step, 0, RoundingMode.UP).multiply(step).min(lotShares).min(worst.quantity);
      worst.quantity = worst.quantity.subtract(cut);
      trimmed.add(worst);
      if (worst.quantity.signum() <= 0) {
        drafts.remove(worst);
      }
    }
  }

  /**
   * A sale trimmed below {@code min_trade} goes, unless what is left of it is a loss the budget
   * needs: the budget is a hard limit, the minimum trade a convenience, and the proposal says so.
   */
  private void dropSmallTrimmed(List<Draft> drafts, Set<Draft> trimmed, BigDecimal minTrade, BigDecimal allowed,
      List<String> notes) {
    for (Draft d : trimmed) {
      if (!drafts.contains(d) || d.amount().compareTo(minTrade) >= 0) {
        continue;
      }
      List<Draft> without = new ArrayList<>(drafts);
      without.removeIf(x -> x == d);
      if (netGain(without).compareTo(allowed) <= 0) {
        drafts.removeIf(x -> x == d);
      } else {
        notes.add("sell " + qty(d.quantity) + " " + d.symbol + " in " + d.account + " is below rebalance.min_trade "
            + "(" + dollars(minTrade) + ") but stays: its loss keeps the proposal inside tax.max_net_gains");
      }
    }
  }

  private BigDecimal netGain(List<Draft> drafts) {
    List<Draft> ordered = new ArrayList<>(drafts);
    ordered.sort(BOOKING_ORDER);
    Map<LotId, Optional<Lot>> lotsLeft = new LinkedHashMap<>();
    BigDecimal net = BigDecimal.ZERO;
    for (Draft d : ordered) {
      if (d.side == Side.SELL && d.quantity.signum() > 0) {
        BigDecimal gain = gain(relieve(d, lotsLeft));
        net = d.taxable ? net.add(gain) : net;
      }
    }
    return net;
  }

  /** What the lots put on the return (see {@link LotSale#reportableGain}). */
  private static BigDecimal gain(List<LotSale> lots) {
    return lots.stream().map(LotSale::reportableGain).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal perShare(LotSale sale) {
    return sale.gain().divide(sale.quantity(), Decimals.RATIO);
  }

  private String reason(Draft d, List<LotSale> lots) {
    if (d.kind != Kind.REBALANCE) {
      BigDecimal loss = lots.stream().map(LotSale::gain).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
      return d.note.replace(LOSS, dollars(loss));
    }
    ClassDrift c = before.find(d.assetClass).orElseThrow();
    String drift = c.assetClass() + " " + pts(c.drift().abs()) + " pts " + (c.drift().signum() >= 0 ? "over" : "under") + " target"
        + (c.breached() ? " (outside its band)" : "");
    BigDecimal flow = request.flow(d.account);
    ClassPlan classPlan = model.plans.get(d.assetClass);
    boolean sellable = classPlan != null && classPlan.sellable();
    if (d.side == Side.SELL && sellable && c.drift().signum() < 0 && request.netFlow().signum() < 0) {
      // Under target before, yet sold: the withdrawals shrink the household and with it the class's goal.
      drift = c.assetClass() + " is above its goal once " + dollars(request.netFlow().negate()) + " of withdrawals leave the household";
    }
    if (d.side == Side.BUY && c.drift().signum() > 0 && model.sells.stream().anyMatch(s -> x[s.variable()] > TINY
        && s.plan().assetClass().equals(d.assetClass) && !s.account().id().equals(d.account))) {
      // Over target before, yet bought: the drift alone reads as a reason not to buy.
      drift = drift + "; bought here in place of " + d.assetClass + " sold in another account";
    }
    if (d.side == Side.SELL && flow.signum() < 0) {
      String pays = "pays the withdrawal of " + dollars(flow.negate()) + " from " + d.account;
      // A class under its goal is sold only to pay the withdrawal: its drift is no reason to sell.
      drift = sellable ? drift + "; " + pays : pays;
    }
    Account account = request.data().household().getAccount(d.account);
    StringBuilder out = new StringBuilder();
    out.append(d.side.code()).append(' ').append(qty(d.quantity)).append(' ').append(d.symbol).append(" in ").append(d.account)
        .append(": ").append(drift);
    if (d.side == Side.SELL) {
      if (!account.taxable()) {
        out.append("; no tax in a ").append(account.type().code()).append(" account");
      } else {
        // What the sale realizes after any wash, as the totals and the CSV say: a loss that a
        // purchase will wash is not realized, and saying so beside the warning would contradict them.
        BigDecimal gain = lots.stream().map(LotSale::reportableGain).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal washed = lots.stream().map(LotSale::disallowedLoss).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<LotSale> realized = lots.stream().filter(l -> l.reportableGain().signum() != 0).toList();
        boolean anyShort = (realized.isEmpty() ? lots : realized).stream().anyMatch(l -> l.term() == Term.SHORT);
        boolean anyLong = (realized.isEmpty() ? lots : realized).stream().anyMatch(l -> l.term() == Term.LONG);
        String term = anyShort && anyLong ? "mixed-term" : anyShort ? "short-term" : "long-term";
        if (washed.signum() > 0 && gain.signum() == 0) {
          out.append("; realizes no gain or loss: its loss of ").append(dollars(washed)).append(" is disallowed as a wash sale");
        } else {
          out.append("; realizes a ").append(term).append(gain.signum() < 0 ? " loss of " : " gain of ")
              .append(dollars(gain.abs()));
          if (washed.signum() > 0) {
            out.append(" once ").append(dollars(washed)).append(" of its loss is disallowed as a wash sale");
          }
        }
        out.append(" from ").append(lots.size() == 1 ? "lot " + lots.get(0).lotId() : lots.size() + " lots")
            .append(", the lots with the least tax per dollar");
        int taxAdvantaged = (int) model.sells.stream().filter(s -> !s.account().taxable() && s.plan().assetClass().equals(d.assetClass))
            .count();
        ClassPlan sold = model.plans.get(d.assetClass);
        if (taxAdvantaged == 0 && sold != null && sold.sellable()) {
          out.append("; no tax-advantaged account holds ").append(d.assetClass).append(" to sell instead");
        }
        // A loss sale the program could not avoid still carries the warning: the loss will be
        // washed by a purchase outside Keel unless it is switched off.
        lots.stream().filter(l -> l.gain().signum() < 0).map(l -> d.options.stream().filter(o -> o.lot().id().equals(l.lotId()))
            .findFirst().map(o -> scheduledWash(o.lot())).orElse(Optional.empty())).flatMap(Optional::stream).findFirst()
            .ifPresent(w -> out.append("; warning: ").append(w.describe(request.asOf()))
                .append(w.permanent() ? "; the loss is counted as lost" : "; the loss is counted as deferred"));
        lots.stream().map(l -> model.washedToPay.get(l.lotId())).filter(t -> t != null)
            .findFirst().ifPresent(t -> out.append("; sold only because nothing else can pay the withdrawal, although ").append(t));
      }
    } else {
      boolean funded = model.sells.stream().anyMatch(s -> s.account().id().equals(d.account) && x[s.variable()] > TINY);
      List<String> paid = new ArrayList<>();
      if (flow.signum() > 0) {
        paid.add("the contribution of " + dollars(flow));
      }
      if (funded) {
        paid.add("sales in the same account");
      }
      out.append("; paid for by ").append(paid.isEmpty() ? "cash on hand" : String.join(" and ", paid));
      int rank = policy.rebalance().locationRank(d.assetClass, account.type());
      if (policy.rebalance().location().containsKey(d.assetClass) && rank == 0) {
        out.append("; ").append(d.assetClass).append(" is best held in ").append(account.type().code()).append(" accounts");
      }
      if (!d.note.isEmpty()) {
        out.append("; ").append(d.note);
      }
    }
    if (model.locating) {
      // A sale of a class that need not be sold is for location, unless it pays a withdrawal.
      boolean forLocation = d.side == Side.BUY ? !classPlan.buyable() : !sellable && flow.signum() >= 0;
      out.append(model.drag.reasonNote(d.side, d.assetClass, account.type(), forLocation));
    }
    return out.toString();
  }

  private String summary(List<Trade> trades, List<ClassDrift> after, int harvests, int swapBacks) {
    String extra = (harvests > 0 ? " " + harvests + (harvests == 1 ? " harvest" : " harvests") + ";" : "")
        + (swapBacks > 0 ? " " + swapBacks + (swapBacks == 1 ? " swap back" : " swap backs") + " after the wash-sale window;" : "");
    if (trades.isEmpty()) {
      List<String> why = new ArrayList<>();
      if (request.mode() == RebalanceRequest.Mode.REBALANCE && !model.correcting && !model.placingFlows) {
        why.add(before.anyBreached()
            ? "no rebalance, because no check is due until " + before.nextCheck().map(Object::toString).orElse("?")
                + " (use --force to act now)"
            : "no rebalance, because every class is inside its band");
      }
      if (request.harvesting()) {
        why.add("no loss worth harvesting");
      }
      if (request.mode() == RebalanceRequest.Mode.HARVEST_ONLY && before.rebalanceNeeded()) {
        why.add("a rebalance is due (" + breached(before.classes()) + "): keel rebalance proposes it");
      }
      return "No trades: " + (why.isEmpty() ? "nothing could be improved within the constraints" : String.join("; ", why)) + ".";
    }
    long sells = trades.stream().filter(t -> t.side() == Side.SELL).count();
    long buys = trades.size() - sells;
    String why;
    if (model.correcting) {
      why = request.force() && !before.rebalanceNeeded() ? "Forced rebalance" : "Rebalance due: " + breached(before.classes());
    } else if (model.placingFlows) {
      why = "Cash flows only (no rebalance due): the new cash goes where it reduces drift most";
    } else if (request.mode() == RebalanceRequest.Mode.HARVEST_ONLY) {
      why = "Tax-loss harvesting only" + (before.rebalanceNeeded()
          ? " (a rebalance is due: " + breached(before.classes()) + "; keel rebalance proposes it)"
          // Outside a band but between checks: say so, not a bare "no rebalance due".
          : before.anyBreached() ? " (no rebalance due: " + breached(before.classes()) + ", but no check is due until "
              + before.nextCheck().map(Object::toString).orElse("?") + ")"
          : " (no rebalance due)");
    } else {
      why = "Tax-loss harvesting only (no rebalance due"
          + (before.anyBreached() ? ": no check is due until " + before.nextCheck().map(Object::toString).orElse("?") : "") + ")";
    }
    return why + ". " + sells + (sells == 1 ? " sell, " : " sells, ") + buys + (buys == 1 ? " buy;" : " buys;") + extra + " "
        + (after.stream().anyMatch(ClassDrift::breached) ? "some classes remain outside their bands." : "every class ends inside its band.");
  }

  private static String breached(List<ClassDrift> classes) {
    List<String> names = classes.stream().filter(ClassDrift::breached).map(c -> c.assetClass().value()).toList();
    return names.isEmpty() ? "no class outside its band" : String.join(", ", names) + " outside band";
  }

  private List<String> unresolved(List<ClassDrift> after) {
    List<String> out = new ArrayList<>();
    Set<String> named = new HashSet<>(); // blocked texts already given as a class's reasons
    for (ClassDrift c : after) {
      if (!c.breached()) {
        continue;
      }
      StringBuilder why = new StringBuilder();
      why.append(c.assetClass()).append(" ends at ").append(pct(c.actual())).append(", outside its band ")
          .append(pct(c.lower())).append(" - ").append(pct(c.upper()));
      List<String> reasons = new ArrayList<>();
      if (model.budgetRow >= 0 && model.budgetLeft.isPresent()) {
        double used = 0;
        for (SellOption s : model.sells) {
          if (s.account().taxable()) {
            used += x[s.variable()] * s.gainPerDollar();
          }
        }
        if (used >= Math.max(0, model.budgetLeft.get()) - 1) {
          reasons.add("the tax budget (tax.max_net_gains) leaves " + dollars(BigDecimal.valueOf(Math.max(0, model.budgetLeft.get())))
              + " of net gains this year and the proposal uses it");
        }
      }
      if (!model.correcting) {
        String notDue = before.anyBreached() && !before.checkDue()
            ? "no check is due until " + before.nextCheck().map(Object::toString).orElse("?") + " (use --force to act now)"
            : "no rebalance is due";
        reasons.add(model.placingFlows ? notDue + ", so only the cash flows were placed" : notDue);
      }
      model.blocked.stream().filter(b -> b.assetClass().equals(c.assetClass())).map(Rebalancer.Blocked::text).distinct()
          .limit(3).forEach(t -> {
            reasons.add(t);
            named.add(t);
          });
      if (reasons.isEmpty()) {
        reasons.add("nothing tradable in the household can move it further (held-away, restricted or rounding)");
      }
      why.append(": ").append(String.join("; ", reasons));
      out.add(why.toString());
    }
    // What could not be sold matters only when it left a class outside its band.
    // In sets, not by scanning the lines: a household of 20,000 lots can have thousands blocked.
    Set<String> listed = new HashSet<>(out);
    Set<String> notListed = new HashSet<>();
    int lotLines = 0;
    for (Rebalancer.Blocked b : out.isEmpty() ? List.<Rebalancer.Blocked>of() : model.blocked) {
      // Only a lot that could not be sold takes the prefix; a purchase not made keeps its own words.
      boolean lot = !b.text().startsWith("nothing of") && !b.text().startsWith("not bought in ");
      String text = (lot ? "not sold: " : "") + b.text();
      if (!named.contains(b.text()) && !listed.contains(text)) {
        if (lot && lotLines >= MAX_NOT_SOLD_LINES) {
          notListed.add(text);
          continue;
        }
        lotLines += lot ? 1 : 0;
        out.add(text);
        listed.add(text);
      }
    }
    if (!notListed.isEmpty()) {
      out.add("not sold: " + notListed.size() + " more lots, for reasons like those above");
    }
    return out;
  }

  private BigDecimal estimatedTax(BigDecimal st, BigDecimal lt) {
    TaxSettings tax = request.data().household().tax();
    int year = request.asOf().getYear();
    BigDecimal[] ytd = realizedByTerm(request.books(), request.asOf());
    if (tax.ordinaryIncome().isPresent()) {
      TaxProfile profile = TaxProfiles.from(tax, year, estimator.tables());
      // The year so far with its dividends and interest, which move where gains stack in the brackets.
      CapitalGainsInput base = dev.keel.core.report.YearInvestments.of(request.data().household(), request.books(), year,
          Optional.of(request.asOf())).input();
      CapitalGainsInput with = base.plusShortTerm(st).plusLongTerm(lt);
      return estimator.estimate(profile, with).total().subtract(estimator.estimate(profile, base).total());
    }
    BigDecimal before = FlatRateTax.of(ytd[0], ytd[1], tax.shortTermCarryforward(), tax.longTermCarryforward(), BigDecimal.ZERO,
        request.rates(), tax.filingStatus()).tax();
    BigDecimal after = FlatRateTax.of(ytd[0].add(st), ytd[1].add(lt), tax.shortTermCarryforward(), tax.longTermCarryforward(),
        BigDecimal.ZERO, request.rates(), tax.filingStatus()).tax();
    return Decimals.cents(after.subtract(before));
  }

  /** Net gains realized in taxable accounts in {@code asOf}'s calendar year up to {@code asOf}. */
  static BigDecimal realizedThisYear(LedgerResult books, LocalDate asOf) {
    BigDecimal[] byTerm = realizedByTerm(books, asOf);
    return byTerm[0].add(byTerm[1]);
  }

  static BigDecimal[] realizedByTerm(LedgerResult books, LocalDate asOf) {
    BigDecimal st = BigDecimal.ZERO;
    BigDecimal lt = BigDecimal.ZERO;
    for (Disposal d : books.disposals()) {
      if (d.taxable() && d.sold().getYear() == asOf.getYear() && !d.sold().isAfter(asOf)) {
        if (d.term() == Term.SHORT) {
          st = st.add(d.gain());
        } else {
          lt = lt.add(d.gain());
        }
      }
    }
    // Capital gain distributions are long-term gains whatever the holding period (Publication 550).
    for (dev.keel.core.ledger.Income i : books.income()) {
      if (i.action() == dev.keel.core.ledger.Action.CAP_GAIN_DISTRIBUTION && i.date().getYear() == asOf.getYear()
          && !i.date().isAfter(asOf) && books.accounts().containsKey(i.account())
          && books.account(i.account()).account().taxable()) {
        lt = lt.add(i.amount());
      }
    }
    return new BigDecimal[] {st, lt};
  }

  /** What the proposal's tax figures are priced with: its year's tables, rates and carry in. */
  static dev.keel.core.tax.estimate.TaxBasis basis(RebalanceRequest request, TaxEstimator estimator) {
    return dev.keel.core.tax.estimate.TaxBasis.of(request.asOf().getYear(), request.data().household().tax(),
        request.rates(), estimator.tables());
  }

  static Optional<BigDecimal> budgetLeft(TaxSettings tax, BigDecimal realized) {
    return tax.maxNetGains().map(max -> max.subtract(realized));
  }

  private static String pts(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static String pct(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  private static String qty(BigDecimal q) {
    return Decimals.normalize(q).toPlainString();
  }

  /** A trade being sized. */
  private static final class Draft {
    final AccountId account;
    final Symbol symbol;
    final AssetClass assetClass;
    final Side side;
    final BigDecimal price;
    final boolean taxable;
    final List<SellOption> options;
    final String note;
    Kind kind = Kind.REBALANCE;
    BigDecimal quantity;

    private Draft(AccountId account, Symbol symbol, AssetClass assetClass, Side side, BigDecimal quantity, BigDecimal price,
        boolean taxable, List<SellOption> options, String note) {
      this.account = account;
      this.symbol = symbol;
      this.assetClass = assetClass;
      this.side = side;
      this.quantity = quantity;
      this.price = price;
      this.taxable = taxable;
      this.options = options;
      this.note = note;
    }

    static Draft sell(SellOption first, List<SellOption> options, BigDecimal shares, BigDecimal price) {
      return new Draft(first.account().id(), first.lot().symbol(), first.plan().assetClass(), Side.SELL, shares, price,
          first.account().taxable(), options, "");
    }

    static Draft buy(BuyOption b, BigDecimal shares, BigDecimal price) {
      return new Draft(b.account().id(), b.security().symbol(), b.plan().assetClass(), Side.BUY, shares, price,
          b.account().taxable(), List.of(), b.note());
    }

    BigDecimal amount() {
      return Decimals.cents(quantity.multiply(price));
    }

    static Draft of(Kind kind, AccountId account, Symbol symbol, AssetClass assetClass, Side side, BigDecimal quantity,
        BigDecimal price, boolean taxable, List<SellOption> options, String note) {
      Draft d = new Draft(account, symbol, assetClass, side, quantity, price, taxable, options, note);
      d.kind = kind;
      return d;
    }
  }

  /** Why a trade is in the proposal. */
  enum Kind { REBALANCE, HARVEST, SWAP_BACK }

  /** Harvest sells and substitute buys, as pairs, sized from the program's answer. */
  private List<Draft[]> harvestDrafts(boolean fractional, BigDecimal minTrade, List<String> blocked) {
    List<Draft[]> out = new ArrayList<>();
    for (HarvestOption h : model.harvests) {
      double dollars = x[h.variable()];
      if (dollars <= TINY) {
        continue;
      }
      Lot lot = h.lot();
      BigDecimal shares = dollars >= lot.quantity().doubleValue() * h.price() - 0.01
          ? lot.quantity()
          : shares(dollars / h.price(), fractional).min(lot.quantity());
      if (shares.signum() <= 0) {
        continue;
      }
      BigDecimal price = request.data().prices().get(lot.symbol(), request.asOf());
      BigDecimal subPrice = request.data().prices().get(h.substitute().symbol(), request.asOf());
      BigDecimal proceeds = Decimals.cents(shares.multiply(price));
      BigDecimal subShares = proceeds.divide(subPrice, fractional ? FRACTION_SCALE : 0, RoundingMode.DOWN);
      if (subShares.signum() <= 0) {
        blocked.add(lot.symbol() + " lot " + lot.id() + " in " + h.account().id() + ": the sale is too small to buy one share of "
            + h.substitute().symbol());
        continue;
      }
      if (Decimals.cents(subShares.multiply(subPrice)).compareTo(minTrade) < 0) {
        blocked.add(lot.symbol() + " lot " + lot.id() + " in " + h.account().id() + ": buying " + qty(subShares) + " "
            + h.substitute().symbol() + " would be a trade below rebalance.min_trade (" + dollars(minTrade) + ")");
        continue;
      }
      AssetClass assetClass = h.substitute().assetClass();
      ClassPlan plan = model.plans.get(assetClass);
      SellOption option = new SellOption(lot, h.account(), plan, h.price(), h.gainPerDollar(), h.term(), h.taxPerDollar(), 0, -1);
      // The loss is filled in from the lot relief when the trade is made (see reason).
      String sellNote = "sell " + qty(shares) + " " + lot.symbol() + " in " + h.account().id() + ": harvests a " + h.term().code()
          + "-term loss of " + LOSS + " from lot " + lot.id() + "; " + h.substitute().symbol()
          + " bought the same day keeps " + assetClass + " where it was";
      String buyNote = "buy " + qty(subShares) + " " + h.substitute().symbol() + " in " + h.account().id() + ": substitute for the "
          + lot.symbol() + " harvested the same day, not substantially identical (a different identical group)";
      Draft sell = Draft.of(Kind.HARVEST, h.account().id(), lot.symbol(), assetClass, Side.SELL, shares, price, true,
          List.of(option), sellNote);
      Draft buy = Draft.of(Kind.HARVEST, h.account().id(), h.substitute().symbol(), assetClass, Side.BUY, subShares, subPrice,
          true, List.of(), buyNote);
      out.add(new Draft[] {sell, buy});
      harvestOf.put(sell, h);
    }
    return out;
  }

  private final Map<Draft, HarvestOption> harvestOf = new IdentityHashMap<>();

  /**
   * Swap backs: a substitute bought when a loss was harvested goes back to the original security
   * once 31 days have passed since the harvest, when that realizes no more than {@code
   * harvest.max_swap_back_gain} and neither leg would wash a loss.
   */
  private List<Draft[]> swapBackDrafts(List<Draft> drafts, List<Draft[]> harvests, boolean fractional, List<String> blocked) {
    List<Draft[]> out = new ArrayList<>();
    var settings = policy.harvest();
    if (!settings.swapBack() || !request.harvesting()) {
      return out;
    }
    var securities = policy.securities();
    var wash = new dev.keel.core.ledger.WashSaleRule(request.books(), securities);
    // What else this proposal trades: a swap back must neither touch it nor wash with it.
    Set<String> busy = new HashSet<>();
    Set<String> bought = new HashSet<>();
    Set<String> soldAtLoss = new HashSet<>();
    List<Draft> all = new ArrayList<>(drafts);
    for (Draft[] pair : harvests) {
      all.add(pair[0]);
      all.add(pair[1]);
      soldAtLoss.add(securities.identityOf(pair[0].symbol));
    }
    for (Draft d : all) {
      busy.add(d.account + " " + d.symbol);
      if (d.side == Side.BUY) {
        bought.add(securities.identityOf(d.symbol));
      } else if (d.options.stream().anyMatch(o -> o.gainPerDollar() < 0)) {
        soldAtLoss.add(securities.identityOf(d.symbol));
      }
    }
    for (AccountPosition position : request.books().positions()) {
      Account account = position.account();
      if (!account.taxable() || !account.tradable()) {
        continue;
      }
      for (Lot lot : position.lots()) {
        Optional<Disposal> harvest = request.books().disposals().stream()
            .filter(d -> d.account().equals(account.id()) && d.taxable() && d.sold().equals(lot.acquired())
                && d.economicGain().signum() < 0
                && securities.find(d.symbol()).map(s -> s.substitutes().contains(lot.symbol())).orElse(false))
            .findFirst();
        if (harvest.isEmpty() || busy.contains(account.id() + " " + lot.symbol())) {
          continue;
        }
        Symbol original = harvest.get().symbol();
        LocalDate safe = dev.keel.core.ledger.WashSaleWindow.firstDayAfter(harvest.get().sold());
        String what = "swap back of " + lot.symbol() + " lot " + lot.id() + " in " + account.id() + " to " + original;
        if (!account.available().offers(original)) {
          blocked.add(what + ": " + original + " is not available in " + account.id() + " (its fund menu)");
          continue;
        }
        if (request.asOf().isBefore(safe)) {
          blocked.add(what + ": not before " + safe + ", 31 days after the harvest");
          continue;
        }
        Optional<BigDecimal> price = request.data().prices().find(lot.symbol(), request.asOf());
        Optional<BigDecimal> originalPrice = request.data().prices().find(original, request.asOf());
        if (price.isEmpty() || originalPrice.isEmpty() || securities.find(original).map(s -> s.restricted()).orElse(true)) {
          continue;
        }
        BigDecimal proceeds = Decimals.cents(lot.quantity().multiply(price.get()));
        BigDecimal gain = proceeds.subtract(lot.costBasis());
        if (gain.compareTo(settings.maxSwapBackGain()) > 0) {
          blocked.add(what + ": would realize a gain of " + dollars(gain) + ", more than harvest.max_swap_back_gain "
              + "(" + dollars(settings.maxSwapBackGain()) + ")");
          continue;
        }
        if (gain.signum() < 0 && (wash.lossSaleWouldWash(lot, request.asOf()) || bought.contains(securities.identityOf(lot.symbol())))) {
          blocked.add(what + ": selling " + lot.symbol() + " at a loss now would be a wash sale");
          continue;
        }
        if (wash.purchaseWouldWash(original, request.asOf()) || soldAtLoss.contains(securities.identityOf(original))) {
          blocked.add(what + ": buying " + original + " now would wash a recent loss");
          continue;
        }
        BigDecimal shares = proceeds.divide(originalPrice.get(), fractional ? FRACTION_SCALE : 0, RoundingMode.DOWN);
        if (shares.signum() <= 0) {
          continue;
        }
        if (Decimals.cents(shares.multiply(originalPrice.get())).compareTo(policy.rebalance().minTrade()) < 0) {
          blocked.add(what + ": a trade below rebalance.min_trade (" + dollars(policy.rebalance().minTrade()) + ")");
          continue;
        }
        AssetClass assetClass = securities.get(original).assetClass();
        ClassPlan plan = model.plans.get(assetClass);
        double p = price.get().doubleValue();
        SellOption option = new SellOption(lot, account, plan, p, 0, lot.term(request.asOf()), 0, 0, -1);
        String sellNote = "sell " + qty(lot.quantity()) + " " + lot.symbol() + " in " + account.id() + ": swap back to " + original
            + ", harvested on " + harvest.get().sold() + "; the 30-day window ended " + safe.minusDays(1) + "; realizes "
            + (gain.signum() < 0 ? "a loss of " + dollars(gain.negate()) : "a gain of " + dollars(gain));
        if (gain.signum() < 0) {
          // A swap back at a loss is a loss sale like a harvest: purchases outside Keel can wash it.
          for (String warning : HarvestCandidates.warnings(request, securities.identityOf(lot.symbol()), securities)) {
            sellNote += "; warning: " + warning;
          }
        }
        String buyNote = "buy " + qty(shares) + " " + original + " in " + account.id() + ": swap back from " + lot.symbol();
        out.add(new Draft[] {
            Draft.of(Kind.SWAP_BACK, account.id(), lot.symbol(), assetClass, Side.SELL, lot.quantity(), price.get(), true,
                List.of(option), sellNote),
            Draft.of(Kind.SWAP_BACK, account.id(), original, assetClass, Side.BUY, shares, originalPrice.get(), true, List.of(),
                buyNote)});
        busy.add(account.id() + " " + lot.symbol());
        // Later swap backs must not wash with this one: two substitutes held from opposite harvests
        // (VXUS into IXUS, later IXUS into VXUS) would otherwise each buy what the other sells at a loss.
        bought.add(securities.identityOf(original));
        if (gain.signum() < 0) {
          soldAtLoss.add(securities.identityOf(lot.symbol()));
        }
      }
    }
    return out;
  }
}
