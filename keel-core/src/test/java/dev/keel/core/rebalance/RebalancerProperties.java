package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.security.AssetClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;

/** Invariants of every proposal, over random households ({@link RandomHouseholds}). */
class RebalancerProperties {

  private static final LocalDate AS_OF = LocalDate.parse(RandomHouseholds.AS_OF);

  @Property(tries = 150)
  void cash_and_positions_never_negative(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Scenario s = RandomHouseholds.generate(seed, false);
    Proposal p = s.propose(true);
    LedgerResult after = applied(s.data(), p);

    assertThat(after.problems()).as("booking the proposal: %s", after.problems()).isEmpty();
    assertThat(p.cashLeft().values()).allSatisfy(c -> assertThat(c).isNotNegative());
    after.positions().forEach(a -> assertThat(a.cash()).isNotNegative());
  }

  /**
   * Issue 8: a withdrawal the account can pay (here up to 90% of its cash and holdings) is paid in
   * full, every account's cash ends at zero or more, and paying it creates no wash sale.
   */
  @Property(tries = 100)
  void withdrawal_is_paid_in_full_without_a_wash_sale(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @LongRange(min = 1, max = 90) long percent) {
    Scenario s = RandomHouseholds.generate(seed, false);
    HouseholdData data = s.data();
    LedgerResult before = HouseholdEngine.DEFAULT.books(data, Optional.of(AS_OF), AS_OF.getYear());
    var positions = new ArrayList<>(before.positions());
    var position = positions.get((int) (seed % positions.size()));
    BigDecimal can = position.cash();
    for (var lot : position.lots()) {
      can = can.add(lot.quantity().multiply(data.prices().find(lot.symbol(), AS_OF).orElseThrow()));
    }
    BigDecimal withdrawal = can.multiply(BigDecimal.valueOf(percent, 2)).setScale(2, java.math.RoundingMode.DOWN);
    if (withdrawal.signum() <= 0) {
      return;
    }
    Proposal p = s.propose(true, position.account().id().value() + "=-" + withdrawal.toPlainString());

    assertThat(p.unresolved()).as("trades %s", p.trades()).noneMatch(u -> u.contains("short by"));
    assertThat(p.cashLeft().values()).allSatisfy(c -> assertThat(c).isNotNegative());
    LedgerResult after = applied(data, p);
    BigDecimal disallowedBefore = before.disposals().stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal disallowedAfter = after.disposals().stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    // No wash sale, unless a loss lot was the only way left to pay, and the sale says so.
    if (p.trades().stream().noneMatch(t -> t.reason().contains("nothing else can pay the withdrawal"))) {
      assertThat(disallowedAfter).as("trades %s", p.trades()).isEqualByComparingTo(disallowedBefore);
    }
  }

  /**
   * CI failure of 2026-11-30 (seed 7, 16%), caught by ProposalGuard: the withdrawal sold a loss lot
   * and, the same day, the lot bought within 30 days that replaces it; the ledger split replacement
   * shares off that lot for the wash-sale adjustment, and the sale naming the lot by id could not be
   * booked. A sale naming a lot now relieves the pieces split from it too.
   */
  @net.jqwik.api.Example
  void withdrawal_selling_a_loss_lot_and_its_replacement_is_booked() {
    withdrawal_is_paid_in_full_without_a_wash_sale(7, 16);
  }

  @Property(tries = 150)
  void no_wash_sale_is_created(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Scenario s = RandomHouseholds.generate(seed, false);
    HouseholdData data = s.data();
    Proposal p = s.propose(true);
    LedgerResult before = HouseholdEngine.DEFAULT.books(data, Optional.of(AS_OF), AS_OF.getYear());
    LedgerResult after = applied(data, p);

    BigDecimal disallowedBefore = before.disposals().stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal disallowedAfter = after.disposals().stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(disallowedAfter).as("trades %s", p.trades()).isEqualByComparingTo(disallowedBefore);
    assertThat(after.washSales()).hasSameSizeAs(before.washSales());
    // A proposal without a sale creates no wash sale trivially: most must sell, or nothing is checked.
    Statistics.label("proposals that sell").collect(!p.sells().isEmpty());
    Statistics.label("proposals that sell").coverage(c -> c.check(true).percentage(pct -> pct >= 50)); // about 93%
  }

  @Property(tries = 150)
  void tax_budget_never_exceeded(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Scenario s = RandomHouseholds.generate(seed, false).maxNetGains("1000");
    Proposal p = s.propose(true);

    BigDecimal budget = p.tax().budgetLeft().orElseThrow();
    // Exact: the assembler trims taxable sales until the booked gains fit.
    assertThat(p.tax().netGain()).isLessThanOrEqualTo(budget.max(BigDecimal.ZERO));
  }

  /**
   * Bug (CI, 2026-11-22): the program kept net gains at 1,000, but rounding a 94.x-share bond sale
   * to whole shares and relieving lots in a different order than the program chose realized 1,003.50.
   * Lots now follow the program's choice and exact gains are trimmed back into the budget.
   */
  @Example
  void tax_budget_holds_after_rounding_to_whole_shares() {
    Proposal p = RandomHouseholds.generate(3620, false).maxNetGains("1000").propose(true);

    assertThat(p.tax().netGain()).isPositive().isLessThanOrEqualTo(new BigDecimal("1000"));
    assertThat(p.sells()).isNotEmpty();
  }

  /**
   * With cash enough for every class to reach its target by buying, nothing taxable is sold.
   * Tax-advantaged accounts may still swap one class for another for asset location (no tax there).
   */
  @Property(tries = 100)
  void enough_new_cash_means_no_taxable_sells(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Scenario s = RandomHouseholds.generate(seed, false);
    // A contribution as large as the whole household lets every class reach its target by buying.
    BigDecimal total = s.propose(true).before().stream().map(c -> c.value()).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal contribution = total.multiply(BigDecimal.valueOf(20)).add(BigDecimal.valueOf(100000));
    Proposal p = s.propose(false, "acct0=" + contribution.toPlainString());

    assertThat(p.sells()).noneMatch(t -> s.data().household().getAccount(t.account()).taxable());
    assertThat(p.buys()).as("the contribution is placed").isNotEmpty();
  }

  @Property(tries = 100)
  void same_proposal_whatever_the_order_of_accounts(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Proposal a = RandomHouseholds.generate(seed, false).propose(true);
    Proposal b = RandomHouseholds.generate(seed, true).propose(true);

    assertThat(key(b)).isEqualTo(key(a));
  }

  @Property(tries = 150)
  void tax_advantaged_sold_before_taxable_gains(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Scenario s = RandomHouseholds.generate(seed, false);
    HouseholdData data = s.data();
    Proposal p = s.propose(true);
    LedgerResult after = applied(data, p);
    Statistics.label("taxable gain sold").collect(p.sells().stream().anyMatch(t -> data.household().getAccount(t.account()).taxable()
        && t.lots().stream().anyMatch(l -> l.gain().signum() > 0)));
    // About a quarter of the households sell a taxable gain; the loop below checks only those.
    Statistics.label("taxable gain sold").coverage(c -> c.check(true).percentage(pct -> pct >= 10));
    for (Trade t : p.sells()) {
      boolean gain = t.lots().stream().anyMatch(l -> l.gain().signum() > 0);
      if (!data.household().getAccount(t.account()).taxable() || !gain) {
        continue;
      }
      // A taxable gain was realized in this class: no tax-advantaged account keeps a whole share of it.
      AssetClass assetClass = t.assetClass();
      after.positions().stream()
          .filter(a -> a.account().tradable() && a.account().type().taxAdvantaged())
          .flatMap(a -> a.lots().stream())
          .filter(l -> data.policy().securities().get(l.symbol()).assetClass().equals(assetClass))
          .forEach(l -> assertThat(l.quantity()).as("left in %s", l.account()).isLessThan(BigDecimal.ONE));
    }
  }

  /**
   * Asset location never realizes a taxable gain: a taxable sale at a gain is only ever in a class
   * that was over its target, sold because the class had to shrink.
   */
  @Property(tries = 150)
  void location_never_realizes_a_taxable_gain(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Scenario s = RandomHouseholds.generate(seed, false);
    HouseholdData data = s.data();
    Proposal p = s.propose(true, "acct0=" + (seed % 3) * 25000);
    for (Trade t : p.sells()) {
      if (data.household().getAccount(t.account()).taxable() && t.lots().stream().anyMatch(l -> l.gain().signum() > 0)) {
        assertThat(p.before()).filteredOn(c -> c.assetClass().equals(t.assetClass())).singleElement()
            .satisfies(c -> assertThat(c.drift()).as("%s sold at a gain: %s", t.assetClass(), t.reason()).isPositive());
      }
    }
  }

  /**
   * Pricing location never adds taxable gain: the proposal realizes no more gain in taxable
   * accounts than the same proposal with location switched off (horizon 0). Low rates (15% and
   * 3%) make gains cheap, which is where a location swap was once paid for with a gain.
   */
  @Property(tries = 100)
  void location_never_adds_taxable_gain(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Scenario s = RandomHouseholds.generate(seed, false)
        .tax(t -> dev.keel.core.tax.TaxSettings.of(t.filingStatus(), dev.keel.core.tax.MarginalRates.of("0.15", "0.03")));
    HouseholdData data = s.data();
    BigDecimal with = taxableGains(data, s.propose(true));
    BigDecimal without = taxableGains(data, s.settings(r -> r.withYields(Map.of(), 0)).propose(true));

    // A dollar of slack for rounding to shares, which can fall differently in the two proposals.
    assertThat(with).isLessThanOrEqualTo(without.add(BigDecimal.ONE));
  }

  private static BigDecimal taxableGains(HouseholdData data, Proposal p) {
    return p.sells().stream().filter(t -> data.household().getAccount(t.account()).taxable())
        .flatMap(t -> t.lots().stream()).map(l -> l.gain().max(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The proposal's trades booked on its as-of date after the household's own history. */
  static LedgerResult applied(HouseholdData data, Proposal p) {
    HouseholdData withTrades = ProposalBooking.onto(data, p.trades(), p.asOf());
    return Ledger.DEFAULT.replay(withTrades.ledgerInput(dev.keel.core.tax.TaxSettings.DEFAULT_RATES, Optional.empty()));
  }

  private static TreeSet<String> key(Proposal p) {
    TreeSet<String> out = new TreeSet<>();
    Map<String, BigDecimal> lots = new HashMap<>();
    for (Trade t : p.trades()) {
      out.add(t.account() + " " + t.side() + " " + t.symbol() + " " + t.quantity().stripTrailingZeros().toPlainString());
      t.lots().forEach(l -> lots.merge(l.lotId().value(), l.quantity(), BigDecimal::add));
    }
    lots.forEach((id, q) -> out.add("lot " + id + " " + q.stripTrailingZeros().toPlainString()));
    return out;
  }
}
