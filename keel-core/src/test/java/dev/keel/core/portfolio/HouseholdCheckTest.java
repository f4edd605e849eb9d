package dev.keel.core.portfolio;

import dev.keel.core.engine.HouseholdEngine;
import static dev.keel.core.portfolio.PortfolioFixtures.date;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.HarvestSettings;
import dev.keel.core.policy.ScheduledPurchase;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link HouseholdEngine#check(HouseholdData, Optional)} and {@link CrossCheck}: every kind of
 * problem in one list, and references that name nothing.
 */
class HouseholdCheckTest {

  @Test
  void test_missing_price_ledger_problem_and_bad_reference_reported_together() {
    HouseholdData base = PortfolioFixtures.data();
    // No BND price; a sale of more VTI than held; a restricted lot id with a typo.
    HouseholdData data = new HouseholdData(base.household(),
        base.policy().withRebalance(base.policy().rebalance().withFractional(false)), base.openingLots(),
        List.of(base.transactions().get(0),
            Transaction.trade(date("2026-03-01"), "joint", Action.SELL, "VTI", "500", "50").withSource(SourceRef.of("transactions.csv", 3))),
        PriceTable.of("VTI", "50"));
    data = withRestricted(data, "joint/VTI/7");

    List<String> problems = HouseholdEngine.DEFAULT.check(data, Optional.of(date("2026-11-22"))).stream().map(Problem::toString).toList();

    assertThat(problems).containsExactly(
        "transactions.csv:3: quantity: \"500\" is more than the 100 VTI held in joint on 2026-03-01",
        "policy.yaml: restricted_lots: \"joint/VTI/7\" is not the id of any lot in lots.csv or transactions.csv; did you mean joint/VTI/1?",
        "prices.csv: symbol: \"BND\" is held (in ira) but has no price on or before 2026-11-22");
  }

  @Test
  void test_without_an_as_of_date_prices_are_not_checked() {
    HouseholdData base = PortfolioFixtures.data();
    HouseholdData data = new HouseholdData(base.household(), base.policy(), base.openingLots(), base.transactions(),
        PriceTable.of("VTI", "50"));

    assertThat(HouseholdEngine.DEFAULT.check(data)).isEmpty();
  }

  @Test
  void test_scheduled_purchase_naming_unknown_account_and_symbol() {
    HouseholdData base = PortfolioFixtures.data();
    HarvestSettings harvest = base.policy().harvest().withScheduled(List.of(
        new ScheduledPurchase(AccountId.of("ira"), Symbol.of("BND"), "payroll", date("2026-12-01"), Optional.of(CheckCadence.MONTHLY)),
        new ScheduledPurchase(AccountId.of("bob-401k"), Symbol.of("VTX"), "payroll", date("2026-12-01"), Optional.empty())));
    HouseholdData data = new HouseholdData(base.household(), base.policy().withHarvest(harvest), base.openingLots(),
        base.transactions(), base.prices());

    assertThat(CrossCheck.check(data)).extracting(Problem::toString).containsExactly(
        "policy.yaml: harvest.scheduled[1].account: \"bob-401k\" is not an account of household.yaml (ira, joint)",
        "policy.yaml: harvest.scheduled[1].symbol: \"VTX\" is not listed under securities");
  }

  @Test
  void test_the_check_and_the_report_share_one_replay_of_the_same_household() {
    HouseholdEngine engine = new HouseholdEngine(dev.keel.core.ledger.Ledger.DEFAULT, dev.keel.core.drift.DriftAnalyzer.DEFAULT,
        dev.keel.core.tax.estimate.TaxEstimator.DEFAULT, dev.keel.core.rebalance.Rebalancer.DEFAULT);
    HouseholdData data = PortfolioFixtures.data();

    var first = engine.books(data, Optional.of(date("2026-11-22")), 2026);
    var again = engine.books(data, Optional.of(date("2026-11-22")), 2026);
    // An equal household that is another value is replayed, never mixed up with the first.
    HouseholdData copy = data.withTransactions(data.transactions());
    var other = engine.books(copy, Optional.of(date("2026-11-22")), 2026);
    // Through a date before the IRA's purchase: a replay of its own, without the BND lot.
    var earlier = engine.books(data, Optional.of(date("2026-01-31")), 2026);

    assertThat(again).isSameAs(first);
    assertThat(other).isNotSameAs(first).isEqualTo(first);
    assertThat(earlier.lots()).hasSize(1);
    assertThat(first.lots()).hasSize(2);
  }

  private static HouseholdData withRestricted(HouseholdData data, String lotId) {
    var r = data.policy().rebalance();
    var settings = new dev.keel.core.policy.RebalanceSettings(r.rebalanceTo(), r.location(), r.minTrade(), r.fractional(),
        Set.of(lotId), r.transactionCost());
    return new HouseholdData(data.household(), data.policy().withRebalance(settings), data.openingLots(), data.transactions(),
        data.prices());
  }
}
