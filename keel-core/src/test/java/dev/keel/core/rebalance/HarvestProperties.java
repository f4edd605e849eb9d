package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.drift.ClassDrift;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.report.RealizedGains;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;

/**
 * Harvesting over a year of simulated markets: each security follows a seeded random walk, every
 * week the household takes Keel's proposal (harvesting on, sometimes with a contribution, sometimes
 * {@code keel harvest} alone) and books it, and at the end the whole history is replayed.
 */
class HarvestProperties {

  private static final LocalDate START = LocalDate.parse("2026-01-05");
  private static final int WEEKS = 40;

  @Property(tries = 40)
  void a_year_of_harvesting_creates_no_wash_sale(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Simulation sim = Simulation.run(seed);

    LedgerResult books = sim.books();
    assertThat(books.problems()).isEmpty();
    assertThat(books.disposals()).as("wash sales in the booked history").noneMatch(Disposal::washed);
    assertThat(books.washSales()).isEmpty();
  }

  @Property(tries = 40)
  void the_loss_a_harvest_claims_is_what_gains_reports(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Simulation sim = Simulation.run(seed);
    Statistics.label("harvests").collect(!sim.harvests.isEmpty());
    // Most simulated years harvest something (about all of them): the loop below must check it.
    Statistics.label("harvests").coverage(c -> c.check(true).percentage(p -> p >= 50));
    RealizedGains gains = HouseholdEngine.DEFAULT.gains(sim.data(), START.getYear());
    List<Disposal> rows = Stream.concat(gains.shortTerm().stream(), gains.longTerm().stream()).toList();

    for (Booked b : sim.harvests) {
      // The same lot may also be sold outright by the rebalance that day: the harvest's row is the one its sell booked.
      BigDecimal reported = rows.stream().filter(d -> d.source().equals(b.booked()))
          .map(Disposal::gain).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(reported).as("harvest of %s on %s", b.harvest().lotId(), b.date()).isEqualByComparingTo(b.harvest().loss().negate());
      assertThat(b.reason()).contains("loss of " + Dollars.of(b.harvest().loss()) + " from lot " + b.harvest().lotId());
    }
  }

  @Property(tries = 40)
  void a_swap_back_never_lands_inside_the_window(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Simulation sim = Simulation.run(seed);
    Statistics.label("swap backs").collect(!sim.swapBacks.isEmpty());
    // About half the years swap back: some of the 40 must, or the loop checks nothing.
    Statistics.label("swap backs").coverage(c -> c.check(true).count(n -> n >= 1));

    for (Simulation.Sale s : sim.swapBacks) {
      // The swap back sells shares bought on the harvest day: 31 days or more must separate them.
      assertThat(ChronoUnit.DAYS.between(s.acquired(), s.date())).as("%s", s).isGreaterThanOrEqualTo(31);
    }
  }

  @Property(tries = 40)
  void a_pure_harvest_keeps_the_allocation_within_rounding(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Simulation sim = Simulation.run(seed);
    Statistics.label("pure harvests").collect(!sim.harvestOnly.isEmpty());
    Statistics.label("pure harvests").coverage(c -> c.check(true).percentage(p -> p >= 50));

    for (Simulation.Pure pure : sim.harvestOnly) {
      Proposal p = pure.proposal();
      BigDecimal total = p.before().stream().map(ClassDrift::value).reduce(BigDecimal.ZERO, BigDecimal::add);
      for (ClassDrift before : p.before()) {
        if (before.assetClass().equals(AssetClass.CASH)) {
          continue;
        }
        // The allocation measured from the ledger once the trades are booked, not the proposal's own sums.
        ClassDrift after = pure.rebooked().classes().stream().filter(a -> a.assetClass().equals(before.assetClass()))
            .findFirst().orElseThrow();
        // Each substitute is bought in whole shares with the sale's proceeds: less than one share's price stays in cash.
        BigDecimal slack = p.buys().stream().filter(t -> t.assetClass().equals(before.assetClass()))
            .map(Trade::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(after.value().subtract(before.value()).abs()).as("%s on %s", before.assetClass(), p.asOf())
            .isLessThanOrEqualTo(slack);
        assertThat(after.actual().subtract(before.actual()).abs().multiply(total))
            .isLessThanOrEqualTo(slack.multiply(BigDecimal.valueOf(2)).add(BigDecimal.ONE));
      }
    }
  }

  @Property(tries = 20)
  void harvesting_finds_losses_on_falling_markets(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Simulation sim = Simulation.run(seed, -0.02);

    // Prices fall about 2% a week: the lots bought before the fall are under water, and harvested.
    assertThat(sim.harvests).isNotEmpty();
  }

  @Property(tries = 40)
  void every_proposal_keeps_the_tax_budget(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Simulation sim = Simulation.run(seed);
    assertThat(sim.proposals).isNotEmpty();
    Statistics.label("with a budget").collect(sim.proposals.stream().anyMatch(p -> p.tax().budgetLeft().isPresent()));
    // About a third of the years have a tax budget: some of the 40 must, or nothing is checked.
    Statistics.label("with a budget").coverage(c -> c.check(true).count(n -> n >= 1));

    for (Proposal p : sim.proposals) {
      p.tax().budgetLeft().ifPresent(left -> assertThat(p.tax().netGain()).as("%s", p.asOf())
          .isLessThanOrEqualTo(left.max(BigDecimal.ZERO)));
    }
  }

  @Property(tries = 40)
  void each_harvest_record_matches_its_two_trades(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Simulation sim = Simulation.run(seed);
    Statistics.label("harvest records").collect(sim.proposals.stream().anyMatch(p -> !p.harvests().isEmpty()));
    Statistics.label("harvest records").coverage(c -> c.check(true).percentage(p -> p >= 50));

    for (Proposal p : sim.proposals) {
      for (Harvest h : p.harvests()) {
        assertThat(p.sells()).as("sell leg of %s on %s", h.lotId(), p.asOf()).anySatisfy(t -> {
          assertThat(t.account()).isEqualTo(h.account());
          assertThat(t.reason()).contains("harvests a").contains("from lot " + h.lotId());
          assertThat(t.quantity()).isEqualByComparingTo(h.quantity());
        });
        assertThat(p.buys()).as("substitute leg of %s on %s", h.lotId(), p.asOf()).anySatisfy(t -> {
          assertThat(t.account()).isEqualTo(h.account());
          assertThat(t.symbol()).isEqualTo(h.substitute());
          assertThat(t.reason()).startsWith("buy " + t.quantity().stripTrailingZeros().toPlainString() + " " + h.substitute())
              .contains("substitute for the " + h.symbol());
          assertThat(t.quantity()).isEqualByComparingTo(h.substituteQuantity());
        });
      }
    }
  }

  record Booked(LocalDate date, Harvest harvest, String reason, SourceRef booked) {}

  /** One household through {@link #WEEKS} weeks of prices. */
  static final class Simulation {
    private final Scenario scenario;
    final List<Booked> harvests = new ArrayList<>();
    final List<Sale> swapBacks = new ArrayList<>();
    final List<Pure> harvestOnly = new ArrayList<>();
    final List<Proposal> proposals = new ArrayList<>();
    private LocalDate last = START;
    private int line;
    private final Map<String, SourceRef> harvestRows = new java.util.HashMap<>();

    record Sale(LocalDate date, Symbol symbol, LocalDate acquired) {}

    /** A harvest-only proposal and the allocation measured after booking it. */
    record Pure(Proposal proposal, dev.keel.core.drift.DriftReport rebooked) {}

    private Simulation(Scenario scenario) {
      this.scenario = scenario;
    }

    static Simulation run(long seed) {
      return run(seed, 0);
    }

    static Simulation run(long seed, double weeklyDrift) {
      Random random = new Random(seed);
      Scenario s = Scenario.on(START.toString())
          .target("us_stocks", "0.50")
          .target("intl", "0.20")
          .target("bonds", "0.30");
      String[][] funds = {
          {"VTI", "us_stocks", "ITOT,SCHB"}, {"ITOT", "us_stocks", "SCHB,VTI"}, {"SCHB", "us_stocks", "VTI,ITOT"},
          {"VXUS", "intl", "IXUS"}, {"IXUS", "intl", "VXUS"}, {"BND", "bonds", "AGG"}, {"AGG", "bonds", "BND"}};
      double[] volatility = {0.03, 0.03, 0.03, 0.035, 0.035, 0.01, 0.01};
      double[] price = new double[funds.length];
      for (int i = 0; i < funds.length; i++) {
        price[i] = 40 + random.nextInt(200);
        List<Symbol> substitutes = Stream.of(funds[i][2].split(",")).map(Symbol::of).toList();
        s.security(Security.of(funds[i][0], funds[i][1], funds[i][0].toLowerCase() + "-index").withSubstitutes(substitutes),
            money(price[i]).toPlainString());
      }
      // Prices for every week, written up front: the engine only ever sees those on or before its as-of date.
      for (int w = 0; w < WEEKS; w++) {
        LocalDate date = START.plusWeeks(w);
        for (int i = 0; i < funds.length; i++) {
          if (w > 0) {
            price[i] = Math.max(1, price[i] * Math.exp(weeklyDrift + volatility[i] * random.nextGaussian()));
          }
          s.price(funds[i][0], date, money(price[i]));
        }
      }
      s.account("joint", AccountType.TAXABLE, String.valueOf(random.nextInt(5000)))
          .account("ira-spouse", AccountType.TRADITIONAL, String.valueOf(random.nextInt(2000)))
          .account("roth", AccountType.ROTH, "0");
      if (random.nextBoolean()) {
        s.account("hsa", AccountType.HSA, "0");
      }
      boolean trust = random.nextBoolean();
      if (trust) {
        s.account("trust", AccountType.TAXABLE, String.valueOf(random.nextInt(3000)));
      }
      if (random.nextBoolean()) {
        s.settings(x -> x.withFractional(false));
      }
      if (random.nextInt(3) == 0) {
        BigDecimal minTrade = BigDecimal.valueOf(50 + random.nextInt(1000));
        s.settings(x -> x.withMinTrade(minTrade));
      }
      if (random.nextInt(3) == 0) {
        s.maxNetGains(String.valueOf(random.nextInt(3000)));
      }
      boolean swapBack = random.nextBoolean();
      s.harvest(h -> h.withThresholds(BigDecimal.valueOf(200), new BigDecimal("0.03"))
          .withSwapBack(swapBack, BigDecimal.valueOf(random.nextInt(3) * 250)));
      // Opening lots bought over the last two years at prices within 30% of today's.
      String[] accounts = trust
          ? new String[] {"joint", "joint", "trust", "trust", "ira-spouse", "roth"}
          : new String[] {"joint", "joint", "joint", "ira-spouse", "roth"};
      int lots = 6 + random.nextInt(10);
      for (int i = 0; i < lots; i++) {
        int f = random.nextInt(funds.length);
        String account = accounts[random.nextInt(accounts.length)];
        double start = Double.parseDouble(s.data().prices().get(Symbol.of(funds[f][0]), START).toPlainString());
        int quantity = 10 + random.nextInt(200);
        double basis = quantity * start * (0.7 + 0.6 * random.nextDouble());
        s.lot(account, funds[f][0], String.valueOf(quantity), money(basis).toPlainString(),
            START.minusDays(40 + random.nextInt(700)).toString(), "L" + i);
      }

      Simulation sim = new Simulation(s);
      for (int w = 1; w < WEEKS; w++) {
        LocalDate date = START.plusWeeks(w);
        int roll = random.nextInt(4);
        if (roll == 0) {
          sim.book(date, HouseholdEngine.DEFAULT.harvest(s.data(), date), Map.of());
        } else {
          Map<AccountId, BigDecimal> flows = roll == 1
              ? Map.of(AccountId.of(accounts[random.nextInt(accounts.length)]), BigDecimal.valueOf(500 + random.nextInt(5000)))
              : Map.of();
          sim.book(date, HouseholdEngine.DEFAULT.propose(s.data(), date, flows, false), flows);
        }
      }
      return sim;
    }

    HouseholdData data() {
      return scenario.data();
    }

    LedgerResult books() {
      return HouseholdEngine.DEFAULT.books(data(), Optional.of(last), last.getYear());
    }

    /** The proposal as the household would carry it out: deposits, then sells by lot, then buys. */
    private void book(LocalDate date, Proposal p, Map<AccountId, BigDecimal> flows) {
      last = date;
      proposals.add(p);
      flows.forEach((account, amount) -> scenario.transaction(
          Transaction.cash(date, account.value(), Action.DEPOSIT, amount.toPlainString()).withSource(SourceRef.of("simulated.csv", ++line))));
      if (p.trades().isEmpty()) {
        return;
      }
      boolean harvestOnlyProposal = p.summary().startsWith("Tax-loss harvesting only") || p.summary().startsWith("No trades");
      for (Trade t : p.sells()) {
        for (LotSale lot : t.lots()) {
          SourceRef row = SourceRef.of("simulated.csv", ++line);
          if (t.reason().contains("harvests a")) {
            harvestRows.put(t.account() + " " + lot.lotId(), row);
          }
          scenario.transaction(ProposalBooking.sale(date, t, lot).withSource(row));
          if (t.reason().contains("swap back to")) {
            swapBacks.add(new Sale(date, t.symbol(), lot.acquired()));
          }
        }
      }
      for (Trade t : p.buys()) {
        scenario.transaction(ProposalBooking.purchase(date, t));
      }
      if (flows.isEmpty() && harvestOnlyProposal) {
        harvestOnly.add(new Pure(p, HouseholdEngine.DEFAULT.drift(scenario.data(), date)));
      }
      for (Harvest h : p.harvests()) {
        String reason = p.sells().stream().filter(t -> t.reason().contains("harvests a") && t.account().equals(h.account())
            && t.lots().stream().anyMatch(l -> l.lotId().equals(h.lotId()))).map(Trade::reason).findFirst().orElseThrow();
        harvests.add(new Booked(date, h, reason, harvestRows.get(h.account() + " " + h.lotId())));
      }
    }

    private static BigDecimal money(double value) {
      return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
  }
}
