package dev.keel.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.Lot;
import dev.keel.core.policy.Band;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.Policy;
import dev.keel.core.price.PriceTable;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link DriftAnalyzer} over random households: one to five asset classes (cash
 * targeted or not), one to four accounts of every type, fractional quantities, random bands and
 * cadences, some households worth nothing at all.
 */
class DriftAnalyzerProperties {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  private static final BigDecimal EPSILON = new BigDecimal("1E-30");
  private static final String[] CLASSES = {"us_stocks", "intl_stocks", "bonds", "reits", "gold"};
  private static final AccountType[] TYPES = AccountType.values();

  /** A household to analyse. */
  record Case(Policy policy, List<AccountPosition> positions, PriceTable prices) {
    DriftReport analyze() {
      return DriftAnalyzer.DEFAULT.analyze(policy, positions, prices, AS_OF);
    }
  }

  @Property(tries = 200)
  void classWeightsAndCashSumToOne(@ForAll("households") Case household) {
    DriftReport report = household.analyze();

    BigDecimal sum = report.classes().stream().map(ClassDrift::actual).reduce(report.cashWeight(), BigDecimal::add);
    if (report.totalValue().signum() > 0) {
      assertThat(sum.subtract(BigDecimal.ONE).abs()).isLessThanOrEqualTo(EPSILON);
    } else {
      assertThat(sum).isEqualByComparingTo("0");
    }
  }

  @Property(tries = 200)
  void valuesAddUpExactly(@ForAll("households") Case household) {
    DriftReport report = household.analyze();

    BigDecimal classes = report.classes().stream().map(ClassDrift::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal cash = report.cashTargeted() ? BigDecimal.ZERO : report.cash();
    assertThat(classes.add(cash)).isEqualByComparingTo(report.totalValue());
    for (ClassDrift c : report.classes()) {
      BigDecimal held = report.holdings().stream().filter(h -> h.assetClass().equals(c.assetClass()))
          .map(Holding::value).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (c.assetClass().equals(AssetClass.CASH)) {
        held = held.add(report.cash());
      }
      assertThat(c.value()).isEqualByComparingTo(held);
    }
  }

  @Property(tries = 200)
  void breachedExactlyWhenDriftExceedsTolerance(@ForAll("households") Case household) {
    DriftReport report = household.analyze();
    Policy policy = household.policy();

    assertThat(report.classes()).extracting(ClassDrift::assetClass)
        .containsExactlyElementsOf(policy.targets().keySet());
    for (ClassDrift c : report.classes()) {
      BigDecimal target = policy.targetOf(c.assetClass());
      BigDecimal tolerance = policy.bandFor(c.assetClass()).tolerance(target);
      assertThat(c.target()).isEqualByComparingTo(target);
      assertThat(c.tolerance()).isEqualByComparingTo(tolerance);
      assertThat(c.drift()).isEqualByComparingTo(c.actual().subtract(target));
      boolean outside = c.actual().subtract(target).abs().compareTo(tolerance) > 0;
      assertThat(c.breached()).as("%s", c).isEqualTo(report.totalValue().signum() > 0 && outside);
      assertThat(c.lower()).isEqualByComparingTo(target.subtract(tolerance).max(BigDecimal.ZERO));
      assertThat(c.upper()).isEqualByComparingTo(target.add(tolerance).min(BigDecimal.ONE));
    }
    assertThat(report.rebalanceNeeded()).isEqualTo(report.checkDue() && report.anyBreached());
  }

  @Property(tries = 200)
  void independentOfAccountAndLotOrder(@ForAll("households") Case household, @ForAll long seed) {
    Random random = new Random(seed);
    List<AccountPosition> shuffled = new ArrayList<>();
    for (AccountPosition p : household.positions()) {
      List<Lot> lots = new ArrayList<>(p.lots());
      Collections.shuffle(lots, random);
      shuffled.add(new AccountPosition(p.account(), lots, p.cash()));
    }
    Collections.shuffle(shuffled, random);

    DriftReport original = household.analyze();
    DriftReport reordered = new Case(household.policy(), shuffled, household.prices()).analyze();

    assertThat(DriftFixtures.canonical(reordered)).isEqualTo(DriftFixtures.canonical(original));
    assertThat(holdings(reordered)).containsExactlyInAnyOrderElementsOf(holdings(original));
  }

  @Property(tries = 200)
  void invariantToSplittingALot(@ForAll("households") Case household, @ForAll long seed) {
    Random random = new Random(seed);
    List<AccountPosition> positions = new ArrayList<>(household.positions());
    List<Integer> withLots = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      if (!positions.get(i).lots().isEmpty()) {
        withLots.add(i);
      }
    }
    if (withLots.isEmpty()) {
      return;
    }
    int index = withLots.get(random.nextInt(withLots.size()));
    AccountPosition p = positions.get(index);
    List<Lot> lots = new ArrayList<>(p.lots());
    int which = random.nextInt(lots.size());
    Lot lot = lots.remove(which);
    // q = q × k/10 + q × (10 − k)/10, both parts positive and exact
    BigDecimal part = lot.quantity().multiply(BigDecimal.valueOf(1 + random.nextInt(9))).movePointLeft(1);
    lots.add(which, DriftFixtures.lot(lot.account().value(), lot.symbol().value(), part));
    lots.add(DriftFixtures.lot(lot.account().value(), lot.symbol().value(), lot.quantity().subtract(part)));
    positions.set(index, new AccountPosition(p.account(), lots, p.cash()));

    DriftReport whole = household.analyze();
    DriftReport split = new Case(household.policy(), positions, household.prices()).analyze();

    assertThat(DriftFixtures.canonical(split)).isEqualTo(DriftFixtures.canonical(whole));
    assertThat(holdings(split)).isEqualTo(holdings(whole));
  }

  private static List<String> holdings(DriftReport report) {
    return report.holdings().stream()
        .map(h -> h.account() + " " + h.symbol() + " " + h.assetClass() + " " + DriftFixtures.plain(h.quantity()) + " × "
            + DriftFixtures.plain(h.price()) + " = " + DriftFixtures.plain(h.value()))
        .toList();
  }

  @Provide
  Arbitrary<Case> households() {
    return Arbitraries.randomValue(DriftAnalyzerProperties::household);
  }

  static Case household(Random random) {
    int classCount = 1 + random.nextInt(CLASSES.length);
    boolean cashTargeted = random.nextInt(3) == 0;
    List<AssetClass> classes = new ArrayList<>();
    for (int i = 0; i < classCount; i++) {
      classes.add(AssetClass.of(CLASSES[i]));
    }
    if (cashTargeted) {
      classes.add(random.nextInt(classes.size() + 1), AssetClass.CASH);
    }
    Map<AssetClass, BigDecimal> targets = weights(random, classes);

    List<Security> securities = new ArrayList<>();
    for (int i = 0; i < classCount; i++) {
      securities.add(Security.of("X" + i + "A", CLASSES[i]));
      if (random.nextBoolean()) {
        securities.add(Security.of("X" + i + "B", CLASSES[i]));
      }
    }
    PriceTable.Builder prices = PriceTable.builder();
    for (Security s : securities) {
      prices.put(s.symbol(), null, BigDecimal.valueOf(1 + random.nextInt(100_000), 2)); // 0.01 .. 1,000.00
    }

    Map<AssetClass, Band> overrides = new LinkedHashMap<>();
    for (AssetClass c : classes) {
      if (random.nextInt(4) == 0) {
        overrides.put(c, band(random));
      }
    }
    CheckCadence cadence = CheckCadence.values()[random.nextInt(CheckCadence.values().length)];
    Optional<LocalDate> lastChecked = random.nextBoolean() ? Optional.empty() : Optional.of(AS_OF.minusDays(random.nextInt(400)));
    Policy policy = new Policy(targets, band(random), overrides, cadence, lastChecked, SecurityMaster.of(securities));

    boolean worthless = random.nextInt(20) == 0;
    int accountCount = 1 + random.nextInt(4);
    List<AccountPosition> positions = new ArrayList<>();
    for (int a = 0; a < accountCount; a++) {
      String id = "acct" + a;
      Account account = Account.of(id, TYPES[random.nextInt(TYPES.length)], "0").withTradable(random.nextInt(4) != 0);
      BigDecimal cash = worthless || random.nextInt(3) == 0
          ? BigDecimal.ZERO
          : BigDecimal.valueOf(random.nextInt(10_000_000), 2);
      List<Lot> lots = new ArrayList<>();
      int lotCount = worthless ? 0 : random.nextInt(7);
      for (int l = 0; l < lotCount; l++) {
        Symbol symbol = securities.get(random.nextInt(securities.size())).symbol();
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(10_000_000), random.nextInt(5));
        lots.add(DriftFixtures.lot(id, symbol.value(), quantity));
      }
      positions.add(new AccountPosition(account, lots, cash));
    }
    return new Case(policy, positions, prices.build());
  }

  /** Weights in basis points between sorted cut points of [0, 10000]: exact, summing to one. */
  private static Map<AssetClass, BigDecimal> weights(Random random, List<AssetClass> classes) {
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    cuts.add(10_000);
    for (int i = 1; i < classes.size(); i++) {
      cuts.add(random.nextInt(10_001));
    }
    Collections.sort(cuts);
    Map<AssetClass, BigDecimal> targets = new LinkedHashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      targets.put(classes.get(i), BigDecimal.valueOf(cuts.get(i + 1) - cuts.get(i), 4));
    }
    return targets;
  }

  private static Band band(Random random) {
    BigDecimal absolute = BigDecimal.valueOf(random.nextInt(21), 2); // 0 .. 0.20
    BigDecimal relative = BigDecimal.valueOf(random.nextInt(51), 2); // 0 .. 0.50
    return switch (random.nextInt(3)) {
      case 0 -> new Band(Optional.of(absolute), Optional.empty());
      case 1 -> new Band(Optional.empty(), Optional.of(relative));
      default -> new Band(Optional.of(absolute), Optional.of(relative));
    };
  }
}
