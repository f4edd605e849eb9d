package dev.keel.testkit.generate;

import dev.keel.testkit.generate.Universe.ClassSpec;
import dev.keel.testkit.generate.Universe.Family;
import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.LotId;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.money.Decimals;
import dev.keel.core.policy.Band;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.Policy;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * One run of {@link HouseholdGenerator}; not thread-safe, used once. Each part of the household
 * draws from its own split of the seed's stream, in a fixed order, so the same seed and settings
 * always give the same household.
 *
 * <p>The transactions are simulated as the ledger will replay them (by date, rows of a day in
 * order), keeping every account's cash and the shares sold: a sale never exceeds the shares
 * held, a sale naming a lot never names one that a wash sale could have split, and a purchase
 * never spends more cash than the account has at that row.
 */
final class Generation {

  /** Transactions are dated in the last 45 days up to and including the as-of date. */
  static final int WINDOW_DAYS = 45;
  /** The wash-sale window on either side of a loss sale. */
  private static final int WASH_DAYS = 30;
  private static final BigDecimal LOSS_MARGIN = new BigDecimal("1.02");
  private static final BigDecimal MIN_LOSS_SALE = new BigDecimal("50");
  private static final BigDecimal SELL_FEE = new BigDecimal("4.95");
  private static final BigDecimal MIN_BUY_CASH = new BigDecimal("25");

  private final GeneratorSettings settings;
  private final LocalDate asOf;
  private final LocalDate historyStart;
  private final LocalDate windowStart;
  private final Draw householdDraw;
  private final Draw securityDraw;
  private final Draw policyDraw;
  private final Draw priceDraw;
  private final Draw lotDraw;
  private final Draw transactionDraw;

  // The household as it is built, part by part.
  private final List<Plan> plans = new ArrayList<>();
  private final List<ClassModel> classes = new ArrayList<>();
  private final List<Listing> listings = new ArrayList<>();
  private final List<GenLot> lots = new ArrayList<>();
  private final List<Transaction> transactions = new ArrayList<>();
  private int[] familyClass;
  private double[] familyDrift;
  private double[] familyVolatility;
  private PricePaths paths;
  private double[][] preference;

  // The transaction simulation: cash per account, positions sold, losses sold, dividends paid.
  private BigDecimal[] cash;
  private final Set<Long> sold = new HashSet<>();
  private final Map<Long, List<GenLot>> positions = new LinkedHashMap<>();
  private final List<Loss> losses = new ArrayList<>();
  /** Positions that paid their (quarterly) dividend in the window, in cash or reinvested. */
  private final Set<Long> paid = new HashSet<>();

  Generation(long seed, GeneratorSettings settings, LocalDate asOf) {
    this.settings = settings;
    this.asOf = asOf;
    this.historyStart = asOf.minusYears(settings.historyYears());
    this.windowStart = asOf.minusDays(WINDOW_DAYS - 1L);
    Draw root = new Draw(new SplittableRandom(seed));
    this.householdDraw = root.split();
    this.securityDraw = root.split();
    this.policyDraw = root.split();
    this.priceDraw = root.split();
    this.lotDraw = root.split();
    this.transactionDraw = root.split();
  }

  HouseholdData run() {
    String[] members = members();
    planAccounts(members);
    chooseSecurities();
    Policy policy = policy();
    walkPrices();
    openLots();
    List<OpeningLot> openingLots = openingLots();
    simulateTransactions();
    Household household = new Household(
        householdDraw.pick(Universe.SURNAMES) + " household", List.of(members), taxSettings(members.length),
        plans.stream().map(Plan::account).toList(), SourceRef.NONE);
    return new HouseholdData(household, policy, openingLots, transactions, priceTable());
  }

  // ---------------------------------------------------------------- household and accounts

  private String[] members() {
    if (householdDraw.chance(0.75)) {
      return householdDraw.pick(Universe.COUPLES).clone();
    }
    return new String[] {householdDraw.pick(Universe.SINGLES)};
  }

  private enum Role {
    PRIMARY_TAXABLE(3.0), SPOUSE_TAXABLE(1.5), OTHER_TAXABLE(1.0), TRADITIONAL(2.0), ROTH(1.0), HSA(0.4),
    HELD_AWAY_STOCK(0.35), HELD_AWAY_PLAN(0.8);

    /** Relative number of lots an account of this role holds. */
    final double lotWeight;

    Role(double lotWeight) {
      this.lotWeight = lotWeight;
    }
  }

  /** An account being planned, and its share of lots. */
  private record Plan(Account account, Role role) {}

  private void planAccounts(String[] members) {
    Draw d = householdDraw;
    String a = members[0].toLowerCase(Locale.ROOT);
    List<String> owner = List.of(members[0]);
    List<Plan> order = new ArrayList<>();
    if (members.length == 2) {
      order.add(plan("joint", AccountType.TAXABLE, List.of(members), d.pick(Universe.BROKERS), true, Role.PRIMARY_TAXABLE));
    } else {
      order.add(plan(a + "-brokerage", AccountType.TAXABLE, owner, d.pick(Universe.BROKERS), true, Role.PRIMARY_TAXABLE));
    }
    order.addAll(d.shuffled(List.of(
        plan(a + "-401k", AccountType.TRADITIONAL, owner, d.pick(Universe.PLAN_ADMINISTRATORS), true, Role.TRADITIONAL),
        plan(a + "-roth", AccountType.ROTH, owner, d.pick(Universe.BROKERS), true, Role.ROTH),
        plan(members.length == 2 ? "family-hsa" : a + "-hsa", AccountType.HSA, owner, d.pick(Universe.HSA_CUSTODIANS), true,
            Role.HSA))));
    if (members.length == 2) {
      String b = members[1].toLowerCase(Locale.ROOT);
      List<String> spouse = List.of(members[1]);
      order.add(plan(b + "-taxable", AccountType.TAXABLE, spouse, d.pick(Universe.BROKERS), true, Role.SPOUSE_TAXABLE));
      order.addAll(d.shuffled(List.of(
          plan(b + "-ira", AccountType.TRADITIONAL, spouse, d.pick(Universe.BROKERS), true, Role.TRADITIONAL),
          plan(b + "-roth", AccountType.ROTH, spouse, d.pick(Universe.BROKERS), true, Role.ROTH),
          plan(b + "-401k", AccountType.TRADITIONAL, spouse, d.pick(Universe.PLAN_ADMINISTRATORS), true, Role.TRADITIONAL))));
    } else {
      order.addAll(d.shuffled(List.of(
          plan(a + "-ira", AccountType.TRADITIONAL, owner, d.pick(Universe.BROKERS), true, Role.TRADITIONAL),
          plan(a + "-robo", AccountType.TAXABLE, owner, d.pick(Universe.BROKERS), true, Role.OTHER_TAXABLE),
          plan(a + "-roth-401k", AccountType.ROTH, owner, d.pick(Universe.PLAN_ADMINISTRATORS), true, Role.ROTH),
          plan(a + "-sep", AccountType.TRADITIONAL, owner, d.pick(Universe.BROKERS), true, Role.TRADITIONAL))));
    }
    int n = settings.accounts();
    plans.addAll(order.subList(0, n));
    boolean heldAway = n >= 5 && d.chance(0.35);
    if (heldAway) {
      // Company stock takes a security of its own, so it needs one more security than classes.
      boolean stock = settings.securities() > settings.assetClasses() && d.chance(0.6);
      Plan away = stock
          ? plan(a + "-rsu", AccountType.TAXABLE, owner, "Morgan Stanley at Work", false, Role.HELD_AWAY_STOCK)
          : plan(a + "-old-401k", AccountType.TRADITIONAL, owner, d.pick(Universe.PLAN_ADMINISTRATORS), false,
              Role.HELD_AWAY_PLAN);
      plans.set(n - 1, away);
    }
  }

  private Plan plan(String id, AccountType type, List<String> owners, String custodian, boolean tradable, Role role) {
    Draw d = householdDraw;
    LotMethod method = LotMethod.FIFO;
    if (type == AccountType.TAXABLE && tradable) {
      method = List.of(LotMethod.MIN_TAX, LotMethod.FIFO, LotMethod.HIFO, LotMethod.SPECIFIC)
          .get(d.weighted(new double[] {0.35, 0.30, 0.20, 0.15}));
    } else if (tradable && d.chance(0.15)) {
      method = LotMethod.HIFO;
    }
    BigDecimal cash = switch (role) {
      case PRIMARY_TAXABLE, SPOUSE_TAXABLE, OTHER_TAXABLE -> dollars(d.logUniform(300, 20_000));
      case TRADITIONAL, ROTH -> d.chance(0.4) ? BigDecimal.ZERO.setScale(2) : dollars(d.logUniform(20, 2_500));
      case HSA -> dollars(d.logUniform(200, 4_000));
      case HELD_AWAY_STOCK, HELD_AWAY_PLAN -> BigDecimal.ZERO.setScale(2);
    };
    BigDecimal reserve = type == AccountType.TAXABLE && tradable && d.chance(0.5)
        ? BigDecimal.valueOf(d.pick(List.of(500, 1_000, 2_000, 5_000))).setScale(2)
        : BigDecimal.ZERO;
    Account account = new Account(AccountId.of(id), type, owners, custodian, method, tradable, cash, reserve, SourceRef.NONE);
    return new Plan(account, role);
  }

  private TaxSettings taxSettings(int memberCount) {
    Draw d = householdDraw;
    FilingStatus status = memberCount == 2
        ? (d.chance(0.92) ? FilingStatus.MARRIED_JOINT : FilingStatus.MARRIED_SEPARATE)
        : (d.chance(0.8) ? FilingStatus.SINGLE : FilingStatus.HEAD_OF_HOUSEHOLD);
    Optional<MarginalRates> rates = Optional.empty();
    Optional<BigDecimal> income = Optional.empty();
    BigDecimal stateRate = BigDecimal.ZERO;
    double mode = d.uniform();
    if (mode < 0.3) {
      BigDecimal shortTerm = BigDecimal.valueOf(d.between(24, 46), 2);
      BigDecimal longTerm = BigDecimal.valueOf(d.between(15, 28), 2).min(shortTerm);
      rates = Optional.of(new MarginalRates(shortTerm, longTerm));
    } else if (mode < 0.8) {
      income = Optional.of(BigDecimal.valueOf(Math.round(d.logUniform(60_000, 750_000) / 1_000) * 1_000));
      stateRate = d.chance(0.2) ? BigDecimal.ZERO : BigDecimal.valueOf(d.between(30, 99), 3);
    }
    BigDecimal shortCarry = d.chance(0.05) ? dollars(d.logUniform(200, 5_000)) : BigDecimal.ZERO;
    BigDecimal longCarry = d.chance(0.2) ? dollars(d.logUniform(500, 25_000)) : BigDecimal.ZERO;
    boolean allowShortTerm = d.chance(0.15);
    int soonDays = d.pick(List.of(30, 30, 30, 45, 60));
    Optional<BigDecimal> maxNetGains = d.chance(0.4)
        ? Optional.of(BigDecimal.valueOf(d.between(5, 50) * 1_000L))
        : Optional.empty();
    return new TaxSettings(status, rates, income, Optional.empty(), stateRate, shortCarry, longCarry, allowShortTerm,
        soonDays, maxNetGains);
  }

  // ---------------------------------------------------------------- securities and policy

  /** An asset class of the household with its target in units of {@code 10^-scale}. */
  private static final class ClassModel {
    final ClassSpec spec;
    final AssetClass assetClass;
    final List<Listing> listings = new ArrayList<>();
    BigDecimal target;
    double correction;

    ClassModel(ClassSpec spec) {
      this.spec = spec;
      this.assetClass = AssetClass.of(spec.name());
    }
  }

  /** A security of the policy, with what the generator needs to price it. */
  private record Listing(int index, Security security, ClassModel model, int rank, int family, double level, double yield) {

    Symbol symbol() {
      return security.symbol();
    }
  }

  private boolean hasCompanyStock() {
    return plans.stream().anyMatch(p -> p.role() == Role.HELD_AWAY_STOCK);
  }

  private void chooseSecurities() {
    Draw d = securityDraw;
    List<ClassSpec> specs = new ArrayList<>(Universe.CORE);
    specs.addAll(d.shuffled(Universe.OPTIONAL).subList(0, settings.assetClasses() - Universe.CORE.size()));
    specs.forEach(s -> classes.add(new ClassModel(s)));

    int company = hasCompanyStock() ? 1 : 0;
    int funds = settings.securities() - company;
    int[] counts = new int[classes.size()];
    Arrays.fill(counts, 1);
    for (int left = funds - classes.size(); left > 0; left--) {
      double[] weights = new double[classes.size()];
      for (int i = 0; i < weights.length; i++) {
        ClassSpec spec = classes.get(i).spec;
        weights[i] = counts[i] < spec.capacity() ? spec.weight() : 0;
      }
      counts[d.weighted(weights)]++;
    }

    int familyIndex = 0;
    List<Double> familyDrift = new ArrayList<>();
    List<Double> familyVolatility = new ArrayList<>();
    List<Integer> familyClass = new ArrayList<>();
    List<PendingListing> pending = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      ClassModel model = classes.get(c);
      List<Family> families = d.shuffled(model.spec.families());
      if (d.chance(0.6)) {
        // Most households hold the class's flagship fund.
        families.remove(model.spec.families().get(0));
        families.add(0, model.spec.families().get(0));
      }
      Map<Family, List<String>> chosen = new LinkedHashMap<>();
      int want = counts[c];
      for (Family family : families) {
        if (want == 0) {
          break;
        }
        int take = Math.min(want, d.chance(0.35) ? d.between(1, family.symbols().size()) : 1);
        chosen.put(family, new ArrayList<>(family.symbols().subList(0, take)));
        want -= take;
      }
      for (Family family : families) {
        List<String> taken = chosen.computeIfAbsent(family, f -> new ArrayList<>());
        for (String symbol : family.symbols()) {
          if (want > 0 && !taken.contains(symbol)) {
            taken.add(symbol);
            want--;
          }
        }
      }
      for (Map.Entry<Family, List<String>> e : chosen.entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        String group = e.getValue().size() > 1 ? e.getKey().group() : "";
        for (String symbol : e.getValue()) {
          pending.add(new PendingListing(symbol, model, group, familyIndex, false));
        }
        familyClass.add(c);
        familyDrift.add(model.spec.drift());
        familyVolatility.add(model.spec.volatility());
        familyIndex++;
      }
      if (company == 1 && c == 0) {
        pending.add(new PendingListing(d.pick(Universe.COMPANY_STOCKS), model, "", familyIndex, true));
        familyClass.add(c);
        familyDrift.add(0.10);
        familyVolatility.add(0.32);
        familyIndex++;
      }
    }

    for (PendingListing p : pending) {
      List<Symbol> substitutes = new ArrayList<>();
      if (!p.restricted) {
        List<PendingListing> peers = pending.stream().filter(o -> o.model == p.model && !o.restricted).toList();
        int self = peers.indexOf(p);
        for (int k = 1; k < peers.size() && substitutes.size() < 3; k++) {
          PendingListing other = peers.get((self + k) % peers.size());
          if (other.family != p.family) {
            substitutes.add(Symbol.of(other.symbol));
          }
        }
      }
      Security security = new Security(Symbol.of(p.symbol), p.model.assetClass, p.group, substitutes, p.restricted,
          SourceRef.NONE);
      double level = p.restricted ? d.logUniform(15, 250) : d.logUniform(20, 300);
      Listing listing = new Listing(listings.size(), security, p.model, p.model.listings.size(), p.family, level,
          p.restricted ? 0.01 : p.model.spec.yield());
      p.model.listings.add(listing);
      listings.add(listing);
    }
    this.familyClass = familyClass.stream().mapToInt(Integer::intValue).toArray();
    this.familyDrift = familyDrift.stream().mapToDouble(Double::doubleValue).toArray();
    this.familyVolatility = familyVolatility.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private record PendingListing(String symbol, ClassModel model, String group, int family, boolean restricted) {}

  private Policy policy() {
    Draw d = policyDraw;
    int scale = d.weighted(new double[] {0.6, 0.25, 0.15}) + 2;
    int total = (int) Math.pow(10, scale);
    int grain = scale == 2 && d.chance(0.7) ? 5 : (scale == 2 ? 1 : d.pick(List.of(1, 5, 25)));
    int minimum = Math.max(grain, 2 * total / 100 / grain * grain);
    int k = classes.size();
    double[] raw = new double[k];
    double sum = 0;
    for (int i = 0; i < k; i++) {
      raw[i] = classes.get(i).spec.weight() * d.uniform(0.7, 1.3);
      sum += raw[i];
    }
    // Largest remainders: each class gets its whole grains, the grains left over go to the largest
    // fractions; the last class is then fixed so that the targets sum to exactly 1.
    int spare = (total - k * minimum) / grain;
    int[] grains = new int[k];
    double[] fraction = new double[k];
    int given = 0;
    for (int i = 0; i < k; i++) {
      double quota = spare * raw[i] / sum;
      grains[i] = (int) Math.floor(quota);
      fraction[i] = quota - grains[i];
      given += grains[i];
    }
    for (int left = spare - given; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < k; i++) {
        if (fraction[i] > fraction[best]) {
          best = i;
        }
      }
      grains[best]++;
      fraction[best] = -1;
    }
    int used = 0;
    Map<AssetClass, BigDecimal> targets = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) {
      int units = i < k - 1 ? minimum + grain * grains[i] : total - used;
      used += units;
      ClassModel model = classes.get(i);
      model.target = BigDecimal.valueOf(units, scale);
      targets.put(model.assetClass, model.target);
    }

    Map<AssetClass, Band> overrides = new HashMap<>();
    if (d.chance(0.5)) {
      ClassModel smallest = classes.stream().min(Comparator.comparing((ClassModel m) -> m.target)).orElseThrow();
      Band band = List.of(Band.absolute("0.02"), Band.of("0.03", "0.5"), Band.of(null, "0.5")).get(d.between(0, 2));
      overrides.put(smallest.assetClass, band);
    }
    LocalDate lastChecked = asOf.minusMonths(3).minusDays(d.between(0, 45));
    SecurityMaster master = SecurityMaster.of(listings.stream().map(Listing::security).toList());
    return new Policy(targets, Band.of("0.05", "0.25"), overrides, CheckCadence.QUARTERLY, Optional.of(lastChecked), master);
  }

  // ---------------------------------------------------------------- prices

  private void walkPrices() {
    Draw d = priceDraw;
    double[] correction = new double[classes.size()];
    for (int c = 0; c < classes.size(); c++) {
      ClassModel model = classes.get(c);
      boolean equity = model.spec.volatility() > 0.1;
      model.correction = equity && d.chance(0.5) ? d.uniform(0.06, 0.16) : 0;
      correction[c] = model.correction;
    }
    paths = new PricePaths(d, historyStart, asOf, familyClass, familyDrift, familyVolatility, correction);
  }

  private BigDecimal price(Listing listing, LocalDate date) {
    return paths.price(listing.family(), listing.level(), date);
  }

  private PriceTable priceTable() {
    PriceTable.Builder builder = PriceTable.builder().source("prices.csv");
    for (Listing listing : listings) {
      builder.put(listing.symbol(), asOf, price(listing, asOf));
    }
    return builder.build();
  }

  // ---------------------------------------------------------------- opening lots

  /** An opening lot as the generator tracks it. */
  private static final class GenLot {
    final int account;
    final Listing listing;
    final BigDecimal quantity;
    final BigDecimal basis;
    final LocalDate acquired;
    final boolean inherited;
    final int order;
    LotId id;

    GenLot(int account, Listing listing, BigDecimal quantity, BigDecimal basis, LocalDate acquired, boolean inherited,
        int order) {
      this.account = account;
      this.listing = listing;
      this.quantity = quantity;
      this.basis = basis;
      this.acquired = acquired;
      this.inherited = inherited;
      this.order = order;
    }
  }

  /** How much more (or less) of a class an account of this type holds: bonds in IRAs, growth in Roths. */
  private static double location(AccountType type, String assetClass) {
    return switch (type) {
      case TAXABLE -> switch (assetClass) {
        case "bonds", "tips" -> 0.5;
        case "reits" -> 0.3;
        case "intl_stocks" -> 1.2;
        default -> 1.0;
      };
      case TRADITIONAL -> switch (assetClass) {
        case "bonds", "tips" -> 2.0;
        case "reits" -> 1.5;
        default -> 1.0;
      };
      case ROTH -> switch (assetClass) {
        case "small_cap", "emerging", "reits" -> 1.5;
        default -> 1.0;
      };
      case HSA -> 1.0;
    };
  }

  /**
   * How likely each account is to hold each security: the class's target, times the account type's
   * lean towards the class relative to the household's average lean (so that, over all accounts,
   * classes are bought in proportion to their targets), times the fund's share of its class (the
   * first funds listed are held most). A held-away stock account holds its company's stock only.
   */
  private double[][] preferences(double[] accountWeights) {
    double[] classLean = new double[classes.size()];
    double totalWeight = 0;
    for (int a = 0; a < plans.size(); a++) {
      if (plans.get(a).role() == Role.HELD_AWAY_STOCK) {
        continue;
      }
      totalWeight += accountWeights[a];
      for (int c = 0; c < classes.size(); c++) {
        classLean[c] += accountWeights[a] * location(plans.get(a).account().type(), classes.get(c).spec.name());
      }
    }
    for (int c = 0; c < classLean.length; c++) {
      classLean[c] /= totalWeight;
    }
    double[] rankShare = new double[listings.size()];
    for (ClassModel model : classes) {
      double sum = 0;
      for (Listing listing : model.listings) {
        if (!listing.security().restricted()) {
          sum += StrictMath.pow(0.65, listing.rank());
        }
      }
      for (Listing listing : model.listings) {
        rankShare[listing.index()] = listing.security().restricted() ? 0 : StrictMath.pow(0.65, listing.rank()) / sum;
      }
    }
    double[][] out = new double[plans.size()][listings.size()];
    for (int a = 0; a < plans.size(); a++) {
      Plan plan = plans.get(a);
      for (Listing listing : listings) {
        int c = classes.indexOf(listing.model());
        if (plan.role() == Role.HELD_AWAY_STOCK) {
          out[a][listing.index()] = listing.security().restricted() ? 1 : 0;
        } else {
          out[a][listing.index()] = listing.model().target.doubleValue()
              * location(plan.account().type(), listing.model().spec.name()) / classLean[c] * rankShare[listing.index()];
        }
      }
    }
    return out;
  }

  private void openLots() {
    Draw d = lotDraw;
    double[] accountWeights = plans.stream().mapToDouble(p -> p.role().lotWeight).toArray();
    preference = preferences(accountWeights);
    double[][] securityWeights = preference;
    LocalDate lastOpening = windowStart.minusDays(1);
    LocalDate yearAgo = asOf.minusYears(1);
    double[] weights = new double[listings.size()];
    for (int i = 0; i < settings.lots(); i++) {
      int a = d.weighted(accountWeights);
      Plan plan = plans.get(a);
      double when = d.uniform();
      LocalDate acquired;
      if (when < 0.12) {
        // Turns long-term within the next 30 days.
        acquired = d.weekday(yearAgo, yearAgo.plusDays(29));
      } else if (when < 0.30) {
        acquired = d.weekday(yearAgo.plusDays(30), lastOpening);
      } else {
        acquired = d.weekday(historyStart, lastOpening);
      }
      // A household that bought to its targets: what it bought then is worth today in proportion to
      // the targets, give or take the luck of each purchase.
      for (int s = 0; s < weights.length; s++) {
        double w = securityWeights[a][s];
        weights[s] = w == 0 ? 0 : w / paths.growth(listings.get(s).family(), acquired, asOf);
      }
      Listing listing = listings.get(d.weighted(weights));
      BigDecimal price = price(listing, acquired);
      double value = plan.role() == Role.HELD_AWAY_STOCK ? d.logUniform(3_000, 40_000) : d.logUniform(500, 40_000);
      double shares = value / price.doubleValue();
      BigDecimal quantity;
      if (shares < 1 || d.chance(0.25)) {
        quantity = BigDecimal.valueOf(shares).setScale(3, RoundingMode.HALF_UP).max(new BigDecimal("0.001"));
      } else {
        quantity = BigDecimal.valueOf(Math.round(shares));
      }
      BigDecimal basis = Decimals.cents(quantity.multiply(price));
      boolean inherited = plan.account().taxable() && plan.account().tradable() && d.chance(0.03);
      lots.add(new GenLot(a, listing, quantity, basis, acquired, inherited, i));
    }
    lots.sort(Comparator.comparingInt((GenLot l) -> l.account)
        .thenComparingInt(l -> l.listing.index())
        .thenComparing(l -> l.acquired)
        .thenComparingInt(l -> l.order));
    Map<String, Integer> counters = new HashMap<>();
    for (GenLot lot : lots) {
      String prefix = plans.get(lot.account).account().id().value() + "/" + lot.listing.symbol().value() + "/";
      lot.id = LotId.of(prefix + counters.merge(prefix, 1, Integer::sum));
    }
  }

  private List<OpeningLot> openingLots() {
    List<OpeningLot> out = new ArrayList<>(lots.size());
    for (GenLot lot : lots) {
      out.add(new OpeningLot(plans.get(lot.account).account().id(), lot.listing.symbol(), lot.quantity, lot.basis,
          Optional.of(lot.acquired), lot.inherited, Optional.of(lot.id), SourceRef.NONE));
    }
    return out;
  }

  // ---------------------------------------------------------------- recent transactions

  /** In replay order within a day: cash comes in first, purchases go last. */
  private enum Kind {
    DEPOSIT(0.04), INTEREST(0.03), DIVIDEND(0.06), LOSS_SALE(0.24), SALE(0.10), REINVEST(0.23), BUY(0.30);

    final double share;

    Kind(double share) {
      this.share = share;
    }
  }

  private record Event(LocalDate date, Kind kind, int order) {}

  /** A loss sold in the window, for purchases that replace it. */
  private record Loss(int account, Listing listing) {}

  private static long key(int account, Listing listing) {
    return (long) account * 1_000 + listing.index();
  }

  private void simulateTransactions() {
    Draw d = transactionDraw;
    cash = plans.stream().map(p -> p.account().cash()).toArray(BigDecimal[]::new);
    for (GenLot lot : lots) {
      positions.computeIfAbsent(key(lot.account, lot.listing), k -> new ArrayList<>()).add(lot);
    }
    Kind[] kinds = Kind.values();
    double[] shares = new double[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      shares[i] = kinds[i].share;
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < settings.transactions(); i++) {
      events.add(new Event(d.weekday(windowStart, asOf), kinds[d.weighted(shares)], i));
    }
    events.sort(Comparator.comparing(Event::date).thenComparing(Event::kind).thenComparingInt(Event::order));
    for (Event event : events) {
      transactions.add(realize(event.kind(), event.date()));
    }
  }

  private Transaction realize(Kind kind, LocalDate date) {
    return switch (kind) {
      case LOSS_SALE -> lossSale(date).orElseGet(() -> realize(Kind.SALE, date));
      case SALE -> sale(date).orElseGet(() -> realize(Kind.DIVIDEND, date));
      case REINVEST -> reinvest(date).orElseGet(() -> realize(Kind.DIVIDEND, date));
      case DIVIDEND -> dividend(date).orElseGet(() -> realize(Kind.DEPOSIT, date));
      case INTEREST -> interest(date);
      case DEPOSIT -> deposit(date);
      case BUY -> buy(date).orElseGet(() -> realize(Kind.DEPOSIT, date));
    };
  }

  private boolean tradable(int account) {
    return plans.get(account).account().tradable();
  }

  /**
   * Whether a sale in the window may name this lot: acquired more than 30 days before the window,
   * it can never be replacement shares of a loss sold in the window, so no wash sale splits it
   * before it is sold.
   */
  private boolean nameable(GenLot lot) {
    return lot.acquired.isBefore(windowStart.minusDays(WASH_DAYS));
  }

  /** A taxable lot sold by specific identification at a loss of at least 2% (tax-loss harvesting). */
  private Optional<Transaction> lossSale(LocalDate date) {
    Draw d = transactionDraw;
    List<GenLot> candidates = new ArrayList<>();
    for (GenLot lot : lots) {
      Plan plan = plans.get(lot.account);
      if (!plan.account().taxable() || !plan.account().tradable() || sold.contains(key(lot.account, lot.listing))
          || !nameable(lot)) {
        continue;
      }
      BigDecimal price = price(lot.listing, date);
      if (lot.basis.compareTo(lot.quantity.multiply(price).multiply(LOSS_MARGIN)) > 0
          && lot.quantity.multiply(price).compareTo(MIN_LOSS_SALE) >= 0) {
        candidates.add(lot);
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    GenLot lot = d.pick(candidates);
    BigDecimal price = price(lot.listing, date);
    BigDecimal quantity = d.chance(0.55) ? lot.quantity : part(lot.quantity, d);
    if (quantity.multiply(price).compareTo(MIN_LOSS_SALE) < 0) {
      quantity = lot.quantity;
    }
    losses.add(new Loss(lot.account, lot.listing));
    return Optional.of(sell(date, lot.account, lot.listing, quantity, price, Optional.of(lot.id), d));
  }

  /** Part of a holding: whole shares when it has at least two, else a fraction to three decimals. */
  private static BigDecimal part(BigDecimal held, Draw d) {
    BigDecimal wanted = held.multiply(BigDecimal.valueOf(d.uniform(0.1, 0.6)));
    BigDecimal q = held.compareTo(BigDecimal.valueOf(2)) >= 0
        ? wanted.setScale(0, RoundingMode.FLOOR).max(BigDecimal.ONE)
        : wanted.setScale(3, RoundingMode.FLOOR);
    return q.signum() > 0 && q.compareTo(held) <= 0 ? q : held;
  }

  /** A sale of part of an opening position, by the account's lot method (or a named lot where it must). */
  private Optional<Transaction> sale(LocalDate date) {
    Draw d = transactionDraw;
    List<Long> candidates = new ArrayList<>();
    for (Map.Entry<Long, List<GenLot>> e : positions.entrySet()) {
      GenLot first = e.getValue().get(0);
      Plan plan = plans.get(first.account);
      if (!plan.account().tradable() || sold.contains(e.getKey())) {
        continue;
      }
      if (plan.account().lotMethod() == LotMethod.SPECIFIC && e.getValue().stream().noneMatch(this::nameable)) {
        continue;
      }
      candidates.add(e.getKey());
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<GenLot> position = positions.get(d.pick(candidates));
    GenLot first = position.get(0);
    BigDecimal price = price(first.listing, date);
    Optional<LotId> named = Optional.empty();
    BigDecimal held;
    if (plans.get(first.account).account().lotMethod() == LotMethod.SPECIFIC) {
      GenLot lot = d.pick(position.stream().filter(this::nameable).toList());
      named = Optional.of(lot.id);
      held = lot.quantity;
    } else {
      held = position.stream().map(l -> l.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
    BigDecimal quantity = part(held, d);
    if (Decimals.cents(quantity.multiply(price)).compareTo(BigDecimal.ONE) < 0) {
      return Optional.empty();
    }
    return Optional.of(sell(date, first.account, first.listing, quantity, price, named, d));
  }

  private Transaction sell(LocalDate date, int account, Listing listing, BigDecimal quantity, BigDecimal price,
      Optional<LotId> lot, Draw d) {
    BigDecimal gross = Decimals.cents(quantity.multiply(price));
    BigDecimal fees = plans.get(account).account().taxable() && gross.compareTo(BigDecimal.valueOf(500)) > 0 && d.chance(0.2)
        ? SELL_FEE
        : BigDecimal.ZERO;
    sold.add(key(account, listing));
    cash[account] = cash[account].add(gross.subtract(fees));
    return new Transaction(date, plans.get(account).account().id(), Action.SELL, Optional.of(listing.symbol()),
        Optional.of(quantity), Optional.of(price), Optional.empty(), fees, lot, SourceRef.NONE);
  }

  /** Tradable positions, not sold in the window, that have not yet paid their dividend in it. */
  private List<List<GenLot>> unpaidPositions(boolean taxAdvantagedOnly) {
    List<List<GenLot>> out = new ArrayList<>();
    for (List<GenLot> position : positions.values()) {
      Account account = plans.get(position.get(0).account).account();
      long key = key(position.get(0).account, position.get(0).listing);
      if (account.tradable() && (!taxAdvantagedOnly || account.type().taxAdvantaged()) && !paid.contains(key)
          && !sold.contains(key)) {
        out.add(position);
      }
    }
    return out;
  }

  private static BigDecimal quantityOf(List<GenLot> position) {
    return position.stream().map(l -> l.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** A quarterly dividend reinvested in an IRA, Roth, 401(k) or HSA: a purchase, no cash. */
  private Optional<Transaction> reinvest(LocalDate date) {
    Draw d = transactionDraw;
    List<List<GenLot>> candidates = unpaidPositions(true);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<GenLot> position = d.pick(candidates);
    paid.add(key(position.get(0).account, position.get(0).listing));
    GenLot first = position.get(0);
    BigDecimal price = price(first.listing, date);
    double dividend = Math.max(0.5, quantityOf(position).doubleValue() * price.doubleValue() * first.listing.yield() / 4
        * d.uniform(0.8, 1.2));
    BigDecimal quantity = BigDecimal.valueOf(dividend / price.doubleValue()).setScale(4, RoundingMode.HALF_UP)
        .max(new BigDecimal("0.0001"));
    return Optional.of(new Transaction(date, plans.get(first.account).account().id(), Action.REINVEST,
        Optional.of(first.listing.symbol()), Optional.of(quantity), Optional.of(price), Optional.empty(), BigDecimal.ZERO,
        Optional.empty(), SourceRef.NONE));
  }

  private Optional<Transaction> dividend(LocalDate date) {
    Draw d = transactionDraw;
    List<List<GenLot>> candidates = unpaidPositions(false);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<GenLot> position = d.pick(candidates);
    paid.add(key(position.get(0).account, position.get(0).listing));
    GenLot first = position.get(0);
    BigDecimal price = price(first.listing, date);
    BigDecimal amount = dollars(quantityOf(position).doubleValue() * price.doubleValue() * first.listing.yield() / 4)
        .max(new BigDecimal("0.01"));
    cash[first.account] = cash[first.account].add(amount);
    return Optional.of(new Transaction(date, plans.get(first.account).account().id(), Action.DIVIDEND,
        Optional.of(first.listing.symbol()), Optional.empty(), Optional.empty(), Optional.of(amount), BigDecimal.ZERO,
        Optional.empty(), SourceRef.NONE));
  }

  private List<Integer> tradableAccounts() {
    List<Integer> out = new ArrayList<>();
    for (int a = 0; a < plans.size(); a++) {
      if (tradable(a)) {
        out.add(a);
      }
    }
    return out;
  }

  private Transaction interest(LocalDate date) {
    int account = transactionDraw.pick(tradableAccounts());
    BigDecimal amount = Decimals.cents(cash[account].multiply(new BigDecimal("0.0035"))).max(new BigDecimal("0.01"));
    cash[account] = cash[account].add(amount);
    return cashRow(date, account, Action.INTEREST, amount);
  }

  private Transaction deposit(LocalDate date) {
    Draw d = transactionDraw;
    List<Integer> accounts = tradableAccounts();
    int account = d.chance(0.5) ? accounts.get(0) : d.pick(accounts);
    BigDecimal amount = BigDecimal.valueOf(Math.round(d.logUniform(500, 15_000))).setScale(2);
    cash[account] = cash[account].add(amount);
    return cashRow(date, account, Action.DEPOSIT, amount);
  }

  private Transaction cashRow(LocalDate date, int account, Action action, BigDecimal amount) {
    return new Transaction(date, plans.get(account).account().id(), action, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(amount), BigDecimal.ZERO, Optional.empty(), SourceRef.NONE);
  }

  /**
   * A purchase paid from the account's cash: often the replacement of a loss sold earlier in the
   * window (a substitute in the same account, or the same security in another account, which
   * washes the loss), otherwise a fund the account would hold anyway.
   */
  private Optional<Transaction> buy(LocalDate date) {
    Draw d = transactionDraw;
    List<Integer> funded = new ArrayList<>();
    for (int a : tradableAccounts()) {
      if (cash[a].compareTo(MIN_BUY_CASH) >= 0) {
        funded.add(a);
      }
    }
    if (funded.isEmpty()) {
      return Optional.empty();
    }
    int account = d.pick(funded);
    Listing listing = null;
    if (!losses.isEmpty() && d.chance(0.6)) {
      Loss loss = d.pick(losses);
      List<Symbol> substitutes = loss.listing().security().substitutes();
      if (d.chance(0.5) && !substitutes.isEmpty() && funded.contains(loss.account())) {
        account = loss.account();
        listing = listingOf(substitutes.get(0));
      } else {
        listing = loss.listing();
      }
    }
    if (listing == null) {
      listing = ordinaryPurchase(account, d);
    }
    BigDecimal price = price(listing, date);
    double budget = Math.min(cash[account].doubleValue() * d.uniform(0.3, 1.0), d.logUniform(500, 25_000));
    double shares = budget / price.doubleValue();
    BigDecimal quantity = shares >= 1 && d.chance(0.75)
        ? BigDecimal.valueOf((long) Math.floor(shares))
        : BigDecimal.valueOf(shares).setScale(3, RoundingMode.FLOOR);
    if (quantity.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal gross = Decimals.cents(quantity.multiply(price));
    if (gross.signum() <= 0 || gross.compareTo(cash[account]) > 0) {
      return Optional.empty();
    }
    cash[account] = cash[account].subtract(gross);
    return Optional.of(new Transaction(date, plans.get(account).account().id(), Action.BUY, Optional.of(listing.symbol()),
        Optional.of(quantity), Optional.of(price), Optional.empty(), BigDecimal.ZERO, Optional.empty(), SourceRef.NONE));
  }

  private Listing listingOf(Symbol symbol) {
    return listings.stream().filter(l -> l.symbol().equals(symbol)).findFirst().orElseThrow();
  }

  private Listing ordinaryPurchase(int account, Draw d) {
    return listings.get(d.weighted(preference[account]));
  }

  private static BigDecimal dollars(double amount) {
    return BigDecimal.valueOf(Math.round(amount * 100), 2);
  }
}
