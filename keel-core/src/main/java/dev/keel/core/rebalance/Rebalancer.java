package dev.keel.core.rebalance;

import dev.keel.core.drift.ClassDrift;
import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.WashSaleRule;
import dev.keel.core.policy.Policy;
import dev.keel.core.policy.RebalanceSettings;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfile;
import dev.keel.core.tax.estimate.TaxProfiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes the trades that bring the whole household back inside its IPS at the least tax.
 *
 * <p>The choice is one linear program (see {@link #model}): a variable per sellable lot (dollars
 * sold) and per account and buyable class (dollars bought), per-account cash balances, the tax
 * budget, and an objective of estimated tax + a penalty for drift left outside the zone the policy
 * asks for + transaction cost + location cost. Its weights are ordered so that fixing drift always
 * wins over tax (a dollar outside the zone costs 1.0, more than any tax on a dollar of sale), tax
 * wins over location and preferences, and small tie-breakers never pay for a trade by themselves
 * (so classes inside their bands are left alone). {@link ProposalAssembler} then rounds the answer
 * to tradable quantities, reconciles it exactly and explains each trade.
 *
 * <p>A proposal never harvests for its own sake: a class is either bought or sold, never both; it
 * is sold no further than its goal; a loss lot's tax saving counts only as a tie-breaker, so loss
 * lots come first when a class must be sold but are never sold just for the loss.
 */
public final class Rebalancer {

  public static final Rebalancer DEFAULT = new Rebalancer(OrToolsLpSolver.GLOP, TaxEstimator.DEFAULT);

  /** Per dollar of drift left outside the zone: more than any tax rate, so drift is fixed first. */
  static final double OUTSIDE_ZONE = 1.0;
  /** Per dollar of a withdrawal that could not be raised. */
  static final double SHORTFALL = 10.0;
  /**
   * Per dollar of a loss lot sold within 30 days of a purchase of its group, only to pay a
   * withdrawal: more than drift, less than leaving the withdrawal unpaid.
   */
  static final double WASHED_TO_PAY = 2.0;
  /** Per dollar of net gain beyond tax.max_net_gains, only to pay a withdrawal. */
  static final double OVER_BUDGET_TO_PAY = 5.0;
  /** Per dollar of a gain lot that turns long-term within tax.long_term_soon_days. */
  static final double SOON_LONG_TERM = 0.5;
  /** Per dollar of cash left above an account's reserve. */
  static final double IDLE_CASH = 0.01;
  /** Per dollar beyond half the band from target: steers cash to the most underweight classes. */
  static final double HALF_BAND = 0.0003;
  /** Per dollar away from target. */
  static final double FROM_TARGET = 0.0001;
  /** Per dollar sold in a taxable account: tax-advantaged accounts are sold first. */
  static final double TAXABLE_LAST = 0.0001;
  /** Per dollar per rank away from a class's preferred account type. */
  static final double LOCATION = 0.00005;
  /**
   * The most lots in tradable accounts a proposal is made for: the program has a variable per lot;
   * 20,000 lots take about a second (docs/benchmarks.md), and time and memory grow with the lots.
   */
  public static final int MAX_TRADABLE_LOTS = 50_000;
  /** Slack of the location program's caps on taxable gain and tax, in dollars. */
  static final double CAP_SLACK = 1e-6;
  /** Dollars below which a class is taken to be at its goal. */
  static final double DUST = 0.01;

  private final LpSolver solver;
  private final TaxEstimator estimator;

  private final int maxTradableLots;

  public Rebalancer(LpSolver solver, TaxEstimator estimator) {
    this(solver, estimator, MAX_TRADABLE_LOTS);
  }

  /** With another limit on lots in tradable accounts (tests). */
  Rebalancer(LpSolver solver, TaxEstimator estimator, int maxTradableLots) {
    this.solver = solver;
    this.estimator = estimator;
    this.maxTradableLots = maxTradableLots;
  }

  /**
   * @throws HouseholdTooLargeException when the household holds more than {@link
   *     #MAX_TRADABLE_LOTS} lots in tradable accounts
   */
  public Proposal propose(RebalanceRequest request) {
    int lots = 0;
    for (AccountPosition position : request.books().positions()) {
      lots += position.account().tradable() ? position.lots().size() : 0;
    }
    if (lots > maxTradableLots) {
      throw new HouseholdTooLargeException(lots, maxTradableLots);
    }
    Policy policy = request.data().policy();
    DriftReport before = DriftAnalyzer.DEFAULT.analyze(policy, request.books().positions(), request.data().prices(),
        request.asOf());
    boolean harvestOnly = request.mode() == RebalanceRequest.Mode.HARVEST_ONLY;
    boolean flows = !harvestOnly && request.cashFlows().values().stream().anyMatch(v -> v.signum() != 0);
    boolean correct = !harvestOnly && (before.rebalanceNeeded() || request.force());
    if (!harvestOnly) {
      Withdrawals.check(request);
    }
    if (!correct && !flows && !request.harvesting()) {
      String why = before.anyBreached()
          ? "no check is due until " + before.nextCheck().map(Object::toString).orElse("?") + " (use --force to act now)"
          : "every class is inside its band";
      return ProposalAssembler.nothing(request, before, "No rebalance proposed: " + why + ".", estimator);
    }
    Model model = model(request, before, correct, false);
    double[] x = solver.minimize(model.lp);
    // Asset location in a second program, which may not realize more taxable gain, nor more tax on
    // it, than the first (without location) did: location never pays for itself with a gain, not
    // even indirectly (a tax-advantaged account swapping one class for another while a taxable
    // account sells more of a class at a gain to make room).
    Model located = model(request, before, correct, true);
    if (located.locating) {
      capTaxableGains(located, model, x);
      model = located;
      x = solver.minimize(located.lp);
    }
    // Booked through the ledger before it is returned: a proposal that would wash a loss or break
    // the tax budget is a bug, reported as one, never handed to a person to act on.
    return ProposalGuard.DEFAULT.check(request, new ProposalAssembler(request, before, model, x, estimator).assemble());
  }

  /** Taxable gain sales of {@code located}: at most the gain and the tax of {@code plain}'s answer. */
  private static void capTaxableGains(Model located, Model plain, double[] x) {
    double gain = 0;
    double tax = 0;
    for (SellOption s : plain.sells) {
      if (s.account().taxable() && s.gainPerDollar() > 0) {
        gain += x[s.variable()] * s.gainPerDollar();
        tax += x[s.variable()] * s.tax();
      }
    }
    LinearProgram.RowBuilder gains = new LinearProgram.RowBuilder();
    LinearProgram.RowBuilder taxes = new LinearProgram.RowBuilder();
    for (SellOption s : located.sells) {
      if (s.account().taxable() && s.gainPerDollar() > 0) {
        gains.add(s.variable(), s.gainPerDollar());
        taxes.add(s.variable(), s.tax());
      }
    }
    // A millionth of a dollar of slack, so that the first answer (doubles, summed in another order)
    // stays feasible; a cent would let the program trade a few cents for location.
    gains.into(located.lp, Double.NEGATIVE_INFINITY, gain + CAP_SLACK, "location gain cap");
    taxes.into(located.lp, Double.NEGATIVE_INFINITY, tax + CAP_SLACK, "location tax cap");
  }

  /** A lot the proposal may not sell, and why. */
  record Blocked(AssetClass assetClass, String text) {}

  /** Everything the assembler needs to turn the program's answer into trades. */
  static final class Model {
    final LinearProgram lp = new LinearProgram();
    final Map<AssetClass, ClassPlan> plans = new LinkedHashMap<>();
    final List<SellOption> sells = new ArrayList<>();
    final List<BuyOption> buys = new ArrayList<>();
    final Map<AccountId, Integer> shortfall = new LinkedHashMap<>();
    final Map<AccountId, Double> keep = new LinkedHashMap<>();
    final List<Blocked> blocked = new ArrayList<>();
    final List<HarvestOption> harvests = new ArrayList<>();
    final List<String> harvestBlocked = new ArrayList<>();
    /** Sell variables that only pay a withdrawal: their class is not sold to rebalance. */
    final java.util.Set<Integer> funding = new java.util.HashSet<>();
    /** Loss lots whose loss a purchase scheduled outside Keel would wash. */
    final Map<dev.keel.core.ledger.LotId, ScheduledWash> scheduledWash = new LinkedHashMap<>();
    /** Loss-lot sales pinned to zero: a purchase of their group in this proposal would wash them. */
    final java.util.Set<Integer> pinned = new java.util.HashSet<>();
    /**
     * Lots a withdrawal may sell only as a last resort, and why: a loss a recent purchase washes,
     * a short-term gain the household does not allow.
     */
    final Map<dev.keel.core.ledger.LotId, String> washedToPay = new LinkedHashMap<>();
    boolean placingFlows;
    boolean correcting;
    /** Asset location is priced: some class costs more yearly tax in one account type than another. */
    boolean locating;
    LocationDrag drag;
    double total;
    double investable;
    Optional<Double> budgetLeft = Optional.empty();
    int budgetRow = -1;
    /** Net gain beyond the budget that withdrawals forced, a variable; -1 without withdrawals. */
    int budgetOverrun = -1;
  }

  Model model(RebalanceRequest request, DriftReport before, boolean correct) {
    return model(request, before, correct, true);
  }

  /** The program; with {@code location} false, asset location is not priced (no location trades). */
  Model model(RebalanceRequest request, DriftReport before, boolean correct, boolean location) {
    Model m = new Model();
    m.correcting = correct;
    Policy policy = request.data().policy();
    RebalanceSettings settings = policy.rebalance();
    TaxSettings tax = request.data().household().tax();
    LocalDate asOf = request.asOf();
    WashSaleRule wash = new WashSaleRule(request.books(), policy.securities());
    double eps = settings.transactionCost().doubleValue();

    // Cash the program may not spend: held-away accounts' cash and each account's reserve. A
    // withdrawal never eats into the reserve (it is paid by sales) unless the account cannot pay
    // it otherwise; a contribution may fill it.
    double netFlow = request.netFlow().doubleValue();
    double kept = 0;
    for (AccountPosition position : request.books().positions()) {
      Account account = position.account();
      double cash = position.cash().doubleValue();
      double flow = request.flow(account.id()).doubleValue();
      double available = cash + flow;
      double keep;
      if (account.tradable()) {
        double sellable = Withdrawals.sellableValue(request, position).doubleValue();
        keep = Math.min(account.reserve().doubleValue(), Math.min(Math.max(0, cash + Math.max(0, flow)),
            Math.max(0, available + sellable)));
      } else {
        keep = Math.max(0, available);
      }
      m.keep.put(account.id(), keep);
      kept += keep;
    }
    boolean harvestOnly = request.mode() == RebalanceRequest.Mode.HARVEST_ONLY;
    if (harvestOnly) {
      netFlow = 0;
    }
    m.placingFlows = !harvestOnly && request.cashFlows().values().stream().anyMatch(v -> v.signum() != 0);
    m.total = before.totalValue().doubleValue() + netFlow;
    m.investable = policy.targetsCash() ? m.total : m.total - kept;
    // With neither a rebalance due nor cash to place, only harvests trade.
    boolean trading = correct || m.placingFlows;
    boolean sellAllowed = correct || netFlow < 0;
    // A withdrawal may have to sell a class in one account and buy it back in another (an IRA
    // paying it holds bonds the household still needs): every class may then be bought.
    boolean withdrawals = !harvestOnly && request.cashFlows().values().stream().anyMatch(v -> v.signum() < 0);

    for (ClassDrift c : before.classes()) {
      double t = c.target().doubleValue();
      double tol = c.tolerance().doubleValue();
      double value = c.value().doubleValue();
      if (c.assetClass().equals(AssetClass.CASH)) {
        value = 0; // cash is counted from the accounts' balances below
      }
      // --force asks for a rebalance now: every class goes to its rebalance_to point, breached or not.
      double zone = correct && (c.breached() || request.force())
          ? settings.rebalanceTo().allowedDistance(c.tolerance()).doubleValue()
          : tol;
      double goal = t * m.investable;
      double bandLow = Math.max(0, t - tol) * m.investable;
      double bandHigh = Math.min(1, t + tol) * m.investable;
      boolean isCash = c.assetClass().equals(AssetClass.CASH);
      m.plans.put(c.assetClass(), new ClassPlan(c.assetClass(), t, value, goal,
          Math.max(0, t - zone) * m.investable, Math.min(1, t + zone) * m.investable, bandLow, bandHigh,
          Math.max(0, t - tol / 2) * m.investable, Math.min(1, t + tol / 2) * m.investable, c.breached(),
          trading && !isCash && sellAllowed && value > goal + DUST, trading && !isCash && (value < goal - DUST || withdrawals)));
    }

    // Asset location: with trades to make anyway, a class may also be sold in a tax-advantaged
    // account and bought in another account, so that each class ends where it costs least tax.
    m.drag = new LocationDrag(settings, dragRates(request));
    List<AssetClass> invested = m.plans.keySet().stream().filter(c -> !c.equals(AssetClass.CASH)).toList();
    java.util.Set<dev.keel.core.household.AccountType> types = java.util.EnumSet.noneOf(dev.keel.core.household.AccountType.class);
    request.books().positions().stream().filter(p -> p.account().tradable()).forEach(p -> types.add(p.account().type()));
    m.locating = location && trading && m.drag.matters(invested, types);

    // Variables are made in a canonical order (accounts by id, lots by id) so that when several
    // answers are equally good the solver picks the same one whatever the order of the files.
    List<AccountPosition> positions = new ArrayList<>(request.books().positions());
    positions.sort(java.util.Comparator.comparing(p -> p.account().id()));

    // Harvest candidates first: the identities they sell and buy constrain every other trade.
    java.util.Set<String> harvested = new java.util.HashSet<>();
    java.util.Set<String> substitutes = new java.util.HashSet<>();
    List<HarvestCandidates.Candidate> candidates = request.harvesting()
        ? HarvestCandidates.select(request, positions, wash, harvested, substitutes, m.harvestBlocked)
        : List.of();

    // Loss lots of a class that is also bought (only with a withdrawal), by identical group: the
    // purchases of the class then avoid their group, or, when they cannot, the lots are not sold.
    Map<String, List<Integer>> lossOfBought = new LinkedHashMap<>();
    Map<Integer, Blocked> lossNote = new LinkedHashMap<>();

    // Sell options: lots of sellable classes in tradable accounts.
    int soonDays = tax.longTermSoonDays();
    for (AccountPosition position : positions) {
      Account account = position.account();
      if (!account.tradable()) {
        continue;
      }
      // An account paying a withdrawal may sell any class to pay it, not only the classes the
      // household sells to rebalance.
      boolean withdrawing = !harvestOnly && request.flow(account.id()).signum() < 0;
      List<Lot> lots = new ArrayList<>(position.lots());
      lots.sort(java.util.Comparator.comparing(Lot::id));
      for (Lot lot : lots) {
        Optional<Security> security = policy.securities().find(lot.symbol());
        if (security.isEmpty()) {
          continue;
        }
        ClassPlan plan = m.plans.get(security.get().assetClass());
        if (plan == null || plan.assetClass().equals(AssetClass.CASH)) {
          continue;
        }
        // A class that need not be sold may still be sold: in an account paying a withdrawal, to pay
        // it; or for location, in tax-advantaged accounts only: there a sale realizes nothing, so
        // location never realizes a taxable gain or loss.
        boolean funding = !plan.sellable() && withdrawing;
        boolean forLocation = !plan.sellable() && !withdrawing && m.locating && account.type().taxAdvantaged();
        if (!plan.sellable() && !funding && !forLocation) {
          continue;
        }
        if (security.get().restricted() || settings.restrictedLots().contains(lot.id().value())) {
          if (forLocation) {
            continue;
          }
          m.blocked.add(new Blocked(plan.assetClass(), lot.symbol() + " lot " + lot.id() + " in " + account.id() + " is restricted"));
          continue;
        }
        Optional<BigDecimal> price = request.data().prices().find(lot.symbol(), asOf);
        if (price.isEmpty()) {
          continue;
        }
        double p = price.get().doubleValue();
        double basisPerShare = lot.costBasis().doubleValue() / lot.quantity().doubleValue();
        double gainPerDollar = (p - basisPerShare) / p;
        Term term = lot.term(asOf);
        double taxPerDollar = 0;
        double cost = eps;
        int rank = settings.locationRank(plan.assetClass(), account.type());
        cost -= LOCATION * rank; // selling from a poor location is welcome
        if (account.taxable()) {
          cost += TAXABLE_LAST;
          if (gainPerDollar > 0) {
            if (term == Term.SHORT && !tax.allowShortTermGains()) {
              String text = lot.symbol() + " lot " + lot.id() + " in " + account.id()
                  + " would realize a short-term gain (tax.allow_short_term_gains is false)";
              if (!withdrawing) {
                m.blocked.add(new Blocked(plan.assetClass(), text));
                continue;
              }
              // A withdrawal must be paid: the lot may go only if nothing else can pay.
              m.washedToPay.put(lot.id(), text);
              cost += WASHED_TO_PAY;
            }
            taxPerDollar = gainPerDollar * request.rates().rate(term).doubleValue();
            cost += taxPerDollar;
            long daysToLong = ChronoUnit.DAYS.between(asOf, lot.longTermFrom());
            if (term == Term.SHORT && daysToLong <= soonDays) {
              cost += SOON_LONG_TERM;
            }
          } else if (gainPerDollar < 0) {
            if (substitutes.contains(policy.securities().identityOf(lot.symbol()))) {
              m.blocked.add(new Blocked(plan.assetClass(), lot.symbol() + " lot " + lot.id() + " in " + account.id()
                  + " is at a loss and a harvest in this proposal buys " + lot.symbol() + "'s group: not sold"));
              continue;
            }
            boolean washedSale = false;
            if (wash.lossSaleWouldWash(lot, asOf)) {
              Lot replacement = wash.replacementFor(lot, asOf).orElseThrow();
              String text = lot.symbol() + " lot " + lot.id() + " in " + account.id() + " is at a loss and "
                  + replacement.symbol() + " was bought in " + replacement.account() + " on " + replacement.acquired()
                  + ": selling it before " + dev.keel.core.ledger.WashSaleWindow.firstDayAfter(replacement.acquired())
                  + " would be a wash sale";
              if (!withdrawing) {
                m.blocked.add(new Blocked(plan.assetClass(), text));
                continue;
              }
              // A withdrawal must be paid: the lot may go, its loss disallowed, only if nothing else can pay.
              m.washedToPay.put(lot.id(), text + " (the loss is disallowed"
                  + (request.data().household().findAccount(replacement.account()).map(a -> a.type().taxAdvantaged()).orElse(false)
                      ? " for good, Rev. Rul. 2008-5)" : " and added to the replacement's basis)"));
              washedSale = true;
            }
            taxPerDollar = gainPerDollar * request.rates().rate(term).doubleValue();
            Optional<ScheduledWash> scheduled = ScheduledWash.find(request, policy.securities().identityOf(lot.symbol()),
                policy.securities(), asOf);
            if (washedSale) {
              taxPerDollar = 0;
              cost += WASHED_TO_PAY;
            } else if (scheduled.isPresent()) {
              // A purchase that will happen washes the loss: deferred into the purchase's basis it
              // is worth nothing today; in a retirement account it is lost for good, a cost of the
              // tax it would have saved (Rev. Rul. 2008-5). Another lot is then preferred.
              m.scheduledWash.put(lot.id(), scheduled.get());
              taxPerDollar = scheduled.get().permanent() ? -taxPerDollar : 0;
              cost += taxPerDollar;
            } else if (!funding && correct && (plan.breached() || request.force())) {
              // The class must be sold: its loss lots come first, at their full value, before even a
              // tax-free sale in an IRA. The sell bound keeps this from going past the class's goal.
              cost += taxPerDollar;
            } else {
              // Sold only to place cash flows: a tie-breaker in proportion to the saving, always less
              // than the cost of trading, so that nothing is ever sold for the loss alone.
              cost -= 0.9 * eps * Math.min(1, -taxPerDollar);
            }
          }
        }
        if (m.locating && !funding && !(account.taxable() && (gainPerDollar >= 0 || taxPerDollar > 0))) {
          // Selling takes the class out of this account's drag. In a taxable account only a loss
          // lot of a class that must be sold anyway is credited: no gain is ever realized for location,
          // nor a loss that a scheduled purchase would wash for good (its sale costs the tax the loss
          // would have saved; credited, it would be sold before a lot with a small gain).
          // A sale that only pays a withdrawal is not credited either: the goal does not bound it, so
          // a credit would sell the class past what the withdrawal needs.
          cost -= m.drag.overHorizon(plan.assetClass(), account.type());
        }
        double value = lot.quantity().doubleValue() * p;
        int v = m.lp.variable(0, value, cost, "sell " + lot.id());
        if (funding) {
          m.funding.add(v);
        }
        if (account.taxable() && gainPerDollar < 0 && plan.buyable()) {
          // Only with a withdrawal is a class both sold and bought.
          lossOfBought.computeIfAbsent(policy.securities().identityOf(lot.symbol()), k -> new ArrayList<>()).add(v);
          lossNote.put(v, new Blocked(plan.assetClass(), lot.symbol() + " lot " + lot.id() + " in " + account.id()
              + " is at a loss and this proposal buys its group elsewhere: not sold, the purchase would wash the loss"));
        }
        m.sells.add(new SellOption(lot, account, plan, p, gainPerDollar, term, taxPerDollar, cost, v));
      }
    }

    // A withdrawal that cannot be paid without such loss lots keeps them: their group is then not
    // bought anywhere (the class may stay short, and the proposal says why).
    java.util.Set<Integer> lossVars = new java.util.HashSet<>();
    lossOfBought.values().forEach(lossVars::addAll);
    java.util.Set<String> mustSell = new java.util.HashSet<>();
    for (AccountPosition position : positions) {
      Account account = position.account();
      double flow = request.flow(account.id()).doubleValue();
      if (harvestOnly || !account.tradable() || flow >= 0) {
        continue;
      }
      double without = position.cash().doubleValue() + flow - m.keep.get(account.id());
      for (SellOption s : m.sells) {
        if (s.account().id().equals(account.id()) && !lossVars.contains(s.variable())) {
          without += s.lot().quantity().doubleValue() * s.price();
        }
      }
      if (without < 0) {
        for (SellOption s : m.sells) {
          if (s.account().id().equals(account.id()) && lossVars.contains(s.variable())) {
            mustSell.add(policy.securities().identityOf(s.lot().symbol()));
          }
        }
      }
    }

    // Buy options: per tradable account and buyable class, the first eligible security.
    for (AccountPosition position : positions) {
      Account account = position.account();
      if (!account.tradable()) {
        continue;
      }
      for (ClassPlan plan : m.plans.values()) {
        boolean forLocation = !plan.buyable();
        if (forLocation && !(m.locating && !plan.assetClass().equals(AssetClass.CASH))) {
          continue;
        }
        if (!offersClass(policy, account, plan.assetClass())) {
          continue; // the account's fund menu (available) has nothing of the class: never bought there
        }
        if (forLocation) {
          // A class that is sold may be bought elsewhere for location, but never a group whose
          // loss lots it may sell in a taxable account: that purchase would wash the loss.
          java.util.Set<String> avoid = new java.util.HashSet<>(harvested);
          m.sells.stream().filter(s -> s.plan() == plan && s.account().taxable() && s.gainPerDollar() < 0)
              .forEach(s -> avoid.add(policy.securities().identityOf(s.lot().symbol())));
          Optional<Choice> choice = chooseSecurity(policy, position, plan.assetClass(), request, wash, avoid);
          if (choice.isPresent()) {
            double p = request.data().prices().find(choice.get().security.symbol(), asOf).orElseThrow().doubleValue();
            double cost = eps + LOCATION * settings.locationRank(plan.assetClass(), account.type())
                + m.drag.overHorizon(plan.assetClass(), account.type());
            int v = m.lp.variable(0, Double.POSITIVE_INFINITY, cost, "buy " + choice.get().security.symbol() + " in " + account.id());
            m.buys.add(new BuyOption(account, choice.get().security, plan, p, cost, choice.get().note, v));
          }
          continue;
        }
        java.util.Set<String> avoid = new java.util.HashSet<>(harvested);
        avoid.addAll(lossOfBought.keySet());
        Optional<Choice> choice = chooseSecurity(policy, position, plan.assetClass(), request, wash, avoid);
        if (choice.isEmpty()) {
          choice = chooseSecurity(policy, position, plan.assetClass(), request, wash, harvested);
        }
        if (choice.isEmpty()) {
          Optional<Choice> any = chooseSecurity(policy, position, plan.assetClass(), request, wash, java.util.Set.of());
          if (any.isEmpty()) {
            m.blocked.add(new Blocked(plan.assetClass(), "nothing of " + plan.assetClass() + " can be bought: "
                + unbuyable(policy, account, plan.assetClass(), request, wash)));
            continue;
          }
          // The class's only buyable group is being harvested: buying it would wash the harvest.
          String identity = policy.securities().identityOf(any.get().security.symbol());
          candidates = candidates.stream().filter(c -> {
            boolean clash = policy.securities().identityOf(c.lot().symbol()).equals(identity);
            if (clash) {
              m.harvestBlocked.add(c.lot().symbol() + " lot " + c.lot().id() + " in " + c.account().id() + ": not harvested, "
                  + "because the rebalance must buy " + any.get().security.symbol() + " (the only buyable security of "
                  + plan.assetClass() + ") and that would wash the loss");
            }
            return !clash;
          }).toList();
          harvested.remove(identity);
          choice = any;
        }
        String chosen = policy.securities().identityOf(choice.get().security.symbol());
        if (mustSell.contains(chosen)) {
          m.blocked.add(new Blocked(plan.assetClass(), "not bought in " + account.id() + ": " + choice.get().security.symbol()
              + ", because a withdrawal is paid by selling its group at a loss and the purchase would wash that loss"));
          continue;
        }
        // The class can only be bought in a group sold at a loss elsewhere: those loss sales go.
        for (Integer lossVar : lossOfBought.getOrDefault(policy.securities().identityOf(choice.get().security.symbol()), List.of())) {
          if (m.pinned.add(lossVar)) {
            new LinearProgram.RowBuilder().add(lossVar, 1).into(m.lp, 0, 0, "no wash " + lossVar);
            m.blocked.add(lossNote.get(lossVar));
          }
        }
        double p = request.data().prices().find(choice.get().security.symbol(), asOf).orElseThrow().doubleValue();
        double cost = eps + LOCATION * settings.locationRank(plan.assetClass(), account.type())
            + (m.locating ? m.drag.overHorizon(plan.assetClass(), account.type()) : 0);
        int v = m.lp.variable(0, Double.POSITIVE_INFINITY, cost, "buy " + choice.get().security.symbol() + " in " + account.id());
        m.buys.add(new BuyOption(account, choice.get().security, plan, p, cost, choice.get().note, v));
      }
    }

    // Harvests: a loss lot sold and its substitute bought, dollar for dollar, in the same account.
    Map<dev.keel.core.ledger.LotId, List<SellOption>> sellsByLot = new java.util.HashMap<>();
    m.sells.forEach(s -> sellsByLot.computeIfAbsent(s.lot().id(), k -> new ArrayList<>()).add(s));
    for (HarvestCandidates.Candidate c : candidates) {
      double cost = 2 * eps + c.taxPerDollar();
      int v = m.lp.variable(0, c.value(), cost, "harvest " + c.lot().id());
      m.harvests.add(new HarvestOption(c.lot(), c.account(), c.substitute(), c.price(), c.substitutePrice(), c.gainPerDollar(),
          c.term(), c.taxPerDollar(), c.warnings(), v));
      for (SellOption s : sellsByLot.getOrDefault(c.lot().id(), List.of())) {
        new LinearProgram.RowBuilder().add(s.variable(), 1).add(v, 1).into(m.lp, 0, c.value(), "lot " + c.lot().id());
      }
    }

    // Per account: cash after trades and flows must not fall below what is kept.
    List<Integer> idle = new ArrayList<>();
    for (AccountPosition position : positions) {
      Account account = position.account();
      double start = position.cash().doubleValue() + request.flow(account.id()).doubleValue();
      int shortVar = m.lp.variable(0, Double.POSITIVE_INFINITY, SHORTFALL, "shortfall " + account.id());
      m.shortfall.put(account.id(), shortVar);
      LinearProgram.RowBuilder cash = new LinearProgram.RowBuilder();
      for (SellOption s : m.sells) {
        if (s.account().id().equals(account.id())) {
          cash.add(s.variable(), 1);
        }
      }
      for (BuyOption b : m.buys) {
        if (b.account().id().equals(account.id())) {
          cash.add(b.variable(), -1);
        }
      }
      cash.add(shortVar, 1);
      double keep = m.keep.get(account.id());
      cash.into(m.lp, keep - start, Double.POSITIVE_INFINITY, "cash " + account.id());
      if (account.tradable() && !policy.targetsCash()) {
        // idle ≥ final cash − reserve
        // Idle cash costs more than buying any class anywhere, location drag included: location
        // chooses where cash goes, never whether it is invested.
        double idleCost = IDLE_CASH + (m.locating ? m.drag.maxOverHorizon(invested) : 0);
        int idleVar = m.lp.variable(0, Double.POSITIVE_INFINITY, idleCost, "idle " + account.id());
        idle.add(idleVar);
        LinearProgram.RowBuilder row = new LinearProgram.RowBuilder();
        for (SellOption s : m.sells) {
          if (s.account().id().equals(account.id())) {
            row.add(s.variable(), 1);
          }
        }
        for (BuyOption b : m.buys) {
          if (b.account().id().equals(account.id())) {
            row.add(b.variable(), -1);
          }
        }
        row.add(idleVar, -1);
        row.into(m.lp, Double.NEGATIVE_INFINITY, keep - start, "idle " + account.id());
      }
    }

    // Per class: value after = value − sold + bought, measured against its zone and target.
    for (ClassPlan plan : m.plans.values()) {
      LinearProgram.RowBuilder after = new LinearProgram.RowBuilder();
      double constant = plan.value();
      if (plan.assetClass().equals(AssetClass.CASH)) {
        // Cash after = Σ accounts' start cash + sells − buys.
        for (AccountPosition position : request.books().positions()) {
          constant += position.cash().doubleValue() + request.flow(position.account().id()).doubleValue();
        }
        for (SellOption s : m.sells) {
          after.add(s.variable(), 1);
        }
        for (BuyOption b : m.buys) {
          after.add(b.variable(), -1);
        }
      } else {
        for (SellOption s : m.sells) {
          if (s.plan() == plan) {
            after.add(s.variable(), -1);
          }
        }
        for (BuyOption b : m.buys) {
          if (b.plan() == plan) {
            after.add(b.variable(), 1);
          }
        }
      }
      penalize(m.lp, after, constant, plan.low(), plan.high(), OUTSIDE_ZONE, plan.assetClass() + " zone");
      penalize(m.lp, after, constant, plan.halfLow(), plan.halfHigh(), HALF_BAND, plan.assetClass() + " half band");
      penalize(m.lp, after, constant, plan.goal(), plan.goal(), FROM_TARGET, plan.assetClass() + " target");
      // Never sell a class past its goal, never buy one past it: no harvesting for its own sake.
      // The bounds are on the net of sales and purchases: a class is both sold and bought with a
      // withdrawal (sold in the account paying it, bought back in another) or for location (sold in
      // one account, bought in another); the class as a whole moves only the way its goal asks, and
      // no further. Sales that only pay a withdrawal (their class is under its goal) are not bounded
      // by the goal; what they take from the class may be bought back elsewhere.
      if (plan.sellable() || plan.buyable() || m.locating) {
        LinearProgram.RowBuilder sold = new LinearProgram.RowBuilder();
        m.sells.stream().filter(s -> s.plan() == plan && !m.funding.contains(s.variable())).forEach(s -> sold.add(s.variable(), 1));
        m.buys.stream().filter(b -> b.plan() == plan).forEach(b -> sold.add(b.variable(), -1));
        double high = plan.sellable() ? Math.max(0, plan.value() - plan.goal()) : 0;
        sold.into(m.lp, Double.NEGATIVE_INFINITY, high, plan.assetClass() + " sell bound");
        LinearProgram.RowBuilder bought = new LinearProgram.RowBuilder();
        m.buys.stream().filter(b -> b.plan() == plan).forEach(b -> bought.add(b.variable(), 1));
        m.sells.stream().filter(s -> s.plan() == plan).forEach(s -> bought.add(s.variable(), -1));
        double low = plan.buyable() ? Math.max(0, plan.goal() - plan.value()) : 0;
        bought.into(m.lp, Double.NEGATIVE_INFINITY, low, plan.assetClass() + " buy bound");
      }
    }

    // Tax budget: net gains this calendar year, those already realized included.
    if (tax.maxNetGains().isPresent()) {
      double realized = ProposalAssembler.realizedThisYear(request.books(), asOf).doubleValue();
      double left = tax.maxNetGains().get().doubleValue() - realized;
      m.budgetLeft = Optional.of(left);
      LinearProgram.RowBuilder gains = new LinearProgram.RowBuilder();
      for (SellOption s : m.sells) {
        if (s.account().taxable()) {
          // A loss a scheduled purchase will wash does not count against the budget's gains.
          boolean washed = s.gainPerDollar() < 0
              && (m.scheduledWash.containsKey(s.lot().id()) || m.washedToPay.containsKey(s.lot().id()));
          gains.add(s.variable(), washed ? 0 : s.gainPerDollar());
        }
      }
      for (HarvestOption h : m.harvests) {
        gains.add(h.variable(), h.gainPerDollar());
      }
      if (withdrawals) {
        // A withdrawal must be paid: past the budget if nothing else can pay it.
        m.budgetOverrun = m.lp.variable(0, Double.POSITIVE_INFINITY, OVER_BUDGET_TO_PAY, "budget overrun");
        gains.add(m.budgetOverrun, -1);
      }
      m.budgetRow = m.lp.rows().size();
      gains.into(m.lp, Double.NEGATIVE_INFINITY, Math.max(0, left), "tax budget");
    }
    return m;
  }

  /**
   * The rates that tax a class's yearly distributions: the household's marginal rates, but without
   * this year's loss carryforward, which makes the next dollar of gain cost the ordinary rate only
   * until the carried loss is used up, not for the years location is counted over.
   */
  private MarginalRates dragRates(RebalanceRequest request) {
    TaxSettings tax = request.data().household().tax();
    if (tax.rates().isPresent() || tax.ordinaryIncome().isEmpty()) {
      return request.rates();
    }
    try {
      TaxProfile profile = TaxProfiles.from(tax, request.asOf().getYear(), estimator.tables())
          .withCarryforward(BigDecimal.ZERO, BigDecimal.ZERO);
      return estimator.marginalRates(profile);
    } catch (IllegalArgumentException e) {
      return request.rates(); // no table for the year: the rates the rest of the proposal uses
    }
  }

  /** Adds {@code over ≥ expr + constant − high} and {@code under ≥ low − expr − constant} with a penalty. */
  private static void penalize(LinearProgram lp, LinearProgram.RowBuilder expr, double constant, double low, double high,
      double weight, String name) {
    int over = lp.variable(0, Double.POSITIVE_INFINITY, weight, name + " over");
    int under = lp.variable(0, Double.POSITIVE_INFINITY, weight, name + " under");
    LinearProgram.RowBuilder up = copy(expr).add(over, -1);
    up.into(lp, Double.NEGATIVE_INFINITY, high - constant, name + " high");
    LinearProgram.RowBuilder down = copy(expr).add(under, 1);
    down.into(lp, low - constant, Double.POSITIVE_INFINITY, name + " low");
  }

  private static LinearProgram.RowBuilder copy(LinearProgram.RowBuilder source) {
    return source.copy();
  }

  private record Choice(Security security, String note) {}

  /** Whether the account's fund menu offers any security of the class. */
  private static boolean offersClass(Policy policy, Account account, AssetClass assetClass) {
    return policy.securities().all().stream()
        .anyMatch(s -> s.assetClass().equals(assetClass) && account.available().offers(s.symbol()));
  }

  /** Why no security of a class can be bought: each one's reason. */
  private static String unbuyable(Policy policy, Account account, AssetClass assetClass, RebalanceRequest request,
      WashSaleRule wash) {
    List<String> reasons = new ArrayList<>();
    for (Security s : policy.securities().all()) {
      if (!s.assetClass().equals(assetClass) || !account.available().offers(s.symbol())) {
        continue;
      }
      if (s.restricted()) {
        reasons.add(s.symbol() + " is restricted");
      } else if (request.data().prices().find(s.symbol(), request.asOf()).isEmpty()) {
        reasons.add(s.symbol() + " has no price");
      } else {
        wash.openLossWashedBy(s.symbol(), request.asOf()).ifPresent(d -> reasons.add("buying " + s.symbol()
            + " would wash the loss on " + d.symbol() + " sold " + d.sold() + " in " + d.account() + " (possible from "
            + dev.keel.core.ledger.WashSaleWindow.firstDayAfter(d.sold()) + ")"));
      }
    }
    return reasons.isEmpty() ? "no security of the class is listed" : String.join("; ", reasons);
  }

  /**
   * The security to buy for a class in an account: one the account already holds if it is
   * eligible, else the class's securities in policy order; never one outside the account's fund
   * menu ({@code available}), never restricted, never one whose
   * purchase would wash a recent loss anywhere in the household.
   */
  private static Optional<Choice> chooseSecurity(Policy policy, AccountPosition position, AssetClass assetClass,
      RebalanceRequest request, WashSaleRule wash, java.util.Set<String> avoid) {
    List<Security> candidates = new ArrayList<>();
    for (Lot lot : position.lots()) {
      policy.securities().find(lot.symbol()).filter(s -> s.assetClass().equals(assetClass)).ifPresent(s -> {
        if (!candidates.contains(s)) {
          candidates.add(s);
        }
      });
    }
    for (Security s : policy.securities().all()) {
      if (s.assetClass().equals(assetClass) && !candidates.contains(s)) {
        candidates.add(s);
      }
    }
    String note = "";
    for (Security s : candidates) {
      if (s.restricted() || !position.account().available().offers(s.symbol())
          || request.data().prices().find(s.symbol(), request.asOf()).isEmpty()
          || avoid.contains(policy.securities().identityOf(s.symbol()))) {
        continue;
      }
      Optional<dev.keel.core.ledger.Disposal> loss = wash.openLossWashedBy(s.symbol(), request.asOf());
      if (loss.isPresent()) {
        if (note.isEmpty()) {
          note = "not " + s.symbol() + ": buying it would wash the loss on " + loss.get().symbol() + " sold "
              + loss.get().sold() + " in " + loss.get().account() + " (until " + dev.keel.core.ledger.WashSaleWindow.closes(loss.get().sold())
              + ")";
        }
        continue;
      }
      return Optional.of(new Choice(s, note));
    }
    return Optional.empty();
  }
}
