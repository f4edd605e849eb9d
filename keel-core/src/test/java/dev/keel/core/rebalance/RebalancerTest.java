package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountType;
import dev.keel.core.policy.RebalanceTo;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked scenarios, one per rule of the rebalancer; the arithmetic is in the comments. */
class RebalancerTest {

  /** Stocks 87.5% against a 60% target: 70,000 of 80,000; the goal is 48,000, so 22,000 must go. */
  private static Scenario overweightStocks() {
    return Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "400", "20000", "2015-01-05")
        .lot("ira", "VTI", "300", "15000", "2015-01-05")
        .lot("ira", "BND", "200", "12000", "2015-01-05");
  }

  @Test
  void test_tax_advantaged_account_sold_before_taxable() {
    Proposal p = overweightStocks().propose();

    assertThat(p.acted()).isTrue();
    assertThat(p.trades()).extracting(t -> t.account().value() + " " + t.side().code() + " " + t.quantity().stripTrailingZeros().toPlainString() + " " + t.symbol())
        .containsExactly("ira sell 220 VTI", "ira buy 440 BND");
    assertThat(p.tax().estimatedTax()).isEqualByComparingTo("0");
    assertThat(p.after()).allSatisfy(c -> assertThat(c.breached()).isFalse());
    assertThat(p.trades().get(0).reason()).contains("no tax in a traditional account");
  }

  @Test
  void test_enough_new_cash_sells_nothing_taxable() {
    // A 40,000 contribution to joint: total 120,000, stock goal 72,000 > 70,000 held, bond goal
    // 48,000 > 10,000: 38,000 of bonds and 2,000 of stocks to buy, and no class needs a sale.
    // Buying the 38,000 of bonds in joint would leave them taxed every year: 4% interest × 35% =
    // 1.40% against 1.5% qualified dividends × 20% = 0.30% for stocks. So the IRA swaps its 30,000
    // of VTI for bonds at no tax and joint buys the stocks: 30,000 × (1.40% − 0.30%) = 330 a year
    // of tax saved, for 2 × 30,000 × 5 bps = 30 of trading, once. No taxable sale.
    Proposal p = overweightStocks().propose("joint=40000");

    assertThat(p.sells()).extracting(t -> t.account().value() + " " + t.symbol() + " " + t.amount().stripTrailingZeros().toPlainString())
        .containsExactly("ira VTI 30000");
    assertThat(p.buys()).extracting(t -> t.account().value() + " " + t.symbol() + " " + t.amount().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder("ira BND 30000", "joint BND 8000", "joint VTI 32000");
    assertThat(p.tax().estimatedTax()).isEqualByComparingTo("0");
    assertThat(p.cashLeft().get(dev.keel.core.household.AccountId.of("joint"))).isEqualByComparingTo("0");
  }

  @Test
  void test_taxable_lots_losses_first_then_least_gain_short_term_gains_never() {
    // 400 VTI at 100 + 100 BND at 50 = 45,000; stock goal 27,000: sell 13,000 = 130 shares.
    // L3 (loss 2,000) first, then L2 (gain 0.10 per dollar): 30 shares, gain 300. L4 is a short-term gain.
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "100", "5000", "2015-01-05", "L1")
        .lot("joint", "VTI", "100", "9000", "2020-01-05", "L2")
        .lot("joint", "VTI", "100", "12000", "2025-01-05", "L3")
        .lot("joint", "VTI", "100", "8000", "2026-09-01", "L4")
        .lot("joint", "BND", "100", "5000", "2020-01-05")
        .propose();

    Trade sell = p.sells().get(0);
    assertThat(sell.quantity()).isEqualByComparingTo("130");
    assertThat(sell.lots()).extracting(l -> l.lotId().value() + ":" + l.quantity().stripTrailingZeros().toPlainString())
        .containsExactly("L3:100", "L2:30");
    assertThat(p.tax().longTermGain()).isEqualByComparingTo("-1700");
    assertThat(p.tax().shortTermGain()).isEqualByComparingTo("0");
    // A net loss of 1,700 is deductible against ordinary income (IRC §1211(b)): -1,700 x 35% = -595.
    assertThat(p.tax().estimatedTax()).isEqualByComparingTo("-595.00");
    // Every class ends inside its band: lots not sold are not listed as something not fixed (issue 8).
    assertThat(p.after()).allSatisfy(c -> assertThat(c.breached()).isFalse());
    assertThat(p.unresolved()).isEmpty();
  }

  @Test
  void test_never_buys_a_security_whose_group_had_a_recent_loss_sale_anywhere() {
    // The spouse sold BND at a 1,000 loss ten days ago; buying BND anywhere would wash it: AGG instead.
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("spouse", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100")
        .security(Security.of("BND", "bonds").withSubstitutes(List.of(Symbol.of("AGG"))), "50")
        .security("AGG", "bonds", "100")
        .lot("spouse", "BND", "100", "6000", "2024-01-05")
        .lot("ira", "VTI", "500", "20000", "2015-01-05")
        .sell("2026-11-10", "spouse", "BND", "100", "50")
        .propose();

    assertThat(p.buys()).isNotEmpty().noneMatch(t -> t.symbol().value().equals("BND"));
    assertThat(p.buys()).anyMatch(t -> t.symbol().value().equals("AGG") && t.reason().contains("would wash the loss"));
  }

  @Test
  void test_never_sells_at_a_loss_what_was_bought_in_the_last_30_days_in_another_account() {
    // The IRA bought 10 VTI on 2026-11-05: selling joint's loss lot before 2026-12-06 would be a wash sale.
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "1000")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "100", "15000", "2024-01-02", "LOSS")
        .lot("joint", "VTI", "200", "10000", "2015-01-02", "GAIN")
        .buy("2026-11-05", "ira", "VTI", "10", "100")
        .propose();

    assertThat(p.sells()).flatExtracting(Trade::lots).noneMatch(l -> l.lotId().value().equals("LOSS"));
    assertThat(p.after()).allSatisfy(c -> assertThat(c.breached()).isFalse());
    assertThat(p.unresolved()).isEmpty();
  }

  @Test
  void test_tax_budget_is_a_hard_limit_and_what_remains_is_explained() {
    // 1,000 VTI at 100, basis 20,000: each dollar sold realizes 0.80. Budget 8,000: at most 10,000 sold.
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "1000", "20000", "2015-01-05")
        .maxNetGains("8000")
        .propose();

    assertThat(p.tax().netGain()).isLessThanOrEqualTo(new BigDecimal("8000"));
    assertThat(p.tax().netGain()).isGreaterThan(new BigDecimal("7900"));
    assertThat(p.unresolved()).anyMatch(u -> u.startsWith("stocks ends at") && u.contains("tax budget"));
  }

  @Test
  void test_held_away_and_restricted_holdings_count_but_never_trade() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .heldAway("plan", AccountType.TRADITIONAL)
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .security(Security.of("ACME", "stocks").withRestricted(true), "10")
        .lot("plan", "VTI", "500", "10000", "2015-01-05")
        .lot("joint", "ACME", "1000", "1000", "2015-01-05")
        .lot("joint", "VTI", "100", "5000", "2015-01-05")
        .lot("joint", "BND", "100", "5000", "2015-01-05")
        .propose();

    // Stocks are far over target: something trades, and none of it in the plan or in ACME.
    assertThat(p.trades()).isNotEmpty()
        .noneMatch(t -> t.account().value().equals("plan") || t.symbol().value().equals("ACME"));
    assertThat(p.before()).filteredOn(c -> c.assetClass().equals(AssetClass.of("stocks")))
        .allSatisfy(c -> assertThat(c.value()).isEqualByComparingTo("70000")); // 50,000 + 10,000 + 10,000
  }

  @Test
  void test_withdrawal_is_raised_in_the_account_at_no_tax() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "300", "6000", "2015-01-05")
        .lot("joint", "BND", "400", "20000", "2015-01-05")
        .lot("ira", "VTI", "300", "15000", "2015-01-05")
        .lot("ira", "BND", "400", "20000", "2015-01-05")
        .propose("ira=-5000");

    assertThat(p.cashLeft().get(dev.keel.core.household.AccountId.of("ira"))).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    assertThat(p.sells()).isNotEmpty().allMatch(t -> t.account().value().equals("ira"));
    assertThat(p.tax().estimatedTax()).isEqualByComparingTo("0");
  }

  @Test
  void test_nothing_due_proposes_nothing_unless_forced() {
    Scenario inBand = Scenario.on("2026-11-20")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("ira", "VTI", "630", "15000", "2015-01-05")
        .lot("ira", "BND", "740", "20000", "2015-01-05"); // 63,000 / 100,000 = 63%: inside 55-65%

    Proposal quiet = inBand.propose();
    Proposal forced = inBand.propose(true);

    assertThat(quiet.acted()).isFalse();
    assertThat(quiet.trades()).isEmpty();
    assertThat(quiet.summary()).contains("every class is inside its band");
    assertThat(forced.acted()).isTrue();
    assertThat(forced.sells()).extracting(t -> t.quantity().stripTrailingZeros().toPlainString()).containsExactly("30");
  }

  @Test
  void test_rebalance_to_band_edge_stops_at_the_edge() {
    // Stocks 87.5% with a 5-point band: back to 65% = 52,000 of 80,000, so 18,000 sold.
    Proposal p = overweightStocks().settings(s -> s.withRebalanceTo(RebalanceTo.BAND_EDGE)).propose();

    assertThat(p.sells().get(0).amount()).isEqualByComparingTo("18000");
    assertThat(p.after().get(0).actual()).isEqualByComparingTo("0.65");
  }

  @Test
  void test_rebalance_to_midpoint_and_tolerance() {
    Proposal midpoint = overweightStocks().settings(s -> s.withRebalanceTo(RebalanceTo.MIDPOINT)).propose();
    Proposal tolerance = overweightStocks()
        .settings(s -> s.withRebalanceTo(RebalanceTo.tolerance(new BigDecimal("0.0175")))).propose();

    assertThat(midpoint.after().get(0).actual()).isEqualByComparingTo("0.625"); // 60% + 5/2
    assertThat(tolerance.after().get(0).actual()).isEqualByComparingTo("0.6175");
  }

  @Test
  void test_asset_location_puts_bonds_in_the_ira() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "20000")
        .account("ira", AccountType.TRADITIONAL, "20000")
        .target("stocks", "0.50").target("bonds", "0.50")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .settings(s -> s.withLocation(Map.of(AssetClass.of("bonds"), List.of(AccountType.TRADITIONAL, AccountType.TAXABLE))))
        .propose();

    assertThat(p.buys()).extracting(t -> t.account() + " " + t.symbol())
        .containsExactlyInAnyOrder("ira BND", "joint VTI");
  }

  @Test
  void test_whole_shares_unless_fractional() {
    Scenario odd = Scenario.on("2026-11-20")
        .account("ira", AccountType.TRADITIONAL, "1000")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "333.33").security("BND", "bonds", "71.17");

    Proposal whole = odd.settings(s -> s.withFractional(false)).propose();
    assertThat(whole.trades()).isNotEmpty()
        .allSatisfy(t -> assertThat(t.quantity().stripTrailingZeros().scale()).isLessThanOrEqualTo(0));
    assertThat(whole.cashLeft().values()).allSatisfy(c -> assertThat(c).isNotNegative());
    Proposal fractional = odd.settings(s -> s.withFractional(true)).propose();
    assertThat(fractional.trades()).anySatisfy(t -> assertThat(t.quantity().stripTrailingZeros().scale()).isPositive());
    assertThat(fractional.cashLeft().values()).allSatisfy(c -> assertThat(c).isNotNegative());
  }

  @Test
  void test_min_trade_drops_small_trades() {
    Proposal p = Scenario.on("2026-11-20")
        .account("ira", AccountType.TRADITIONAL, "150")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "10").security("BND", "bonds", "10")
        .settings(s -> s.withMinTrade(new BigDecimal("100")))
        .propose(true);

    // 150 of cash: 90 to stocks and 60 to bonds, both below the 100 minimum.
    assertThat(p.trades()).isEmpty();
  }

  /** Taxable VTI: a loss lot and a low-gain lot; 13,000 of stocks must go (see the lots-order test). */
  private static Scenario lossAndGainLots() {
    return Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("k401", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "100", "12000", "2025-01-05", "LOSS")
        .lot("joint", "VTI", "300", "27000", "2020-01-05", "GAIN")
        .lot("joint", "BND", "100", "5000", "2020-01-05");
  }

  private static dev.keel.core.policy.ScheduledPurchase contribution(String account, String next) {
    return new dev.keel.core.policy.ScheduledPurchase(dev.keel.core.household.AccountId.of(account), Symbol.of("VTI"),
        "payroll_contribution", java.time.LocalDate.parse(next), java.util.Optional.of(dev.keel.core.policy.CheckCadence.MONTHLY));
  }

  @Test
  void test_without_a_scheduled_purchase_the_loss_lot_is_sold_first() {
    Proposal p = lossAndGainLots().propose();

    assertThat(p.sells()).flatExtracting(Trade::lots).anyMatch(l -> l.lotId().value().equals("LOSS"));
  }

  @Test
  void test_scheduled_401k_purchase_makes_the_rebalancer_sell_another_lot() {
    // Issue 8: the 401(k) buys VTI on 2026-12-01, 11 days after the sale: a loss on LOSS would be
    // disallowed for good (Rev. Rul. 2008-5). GAIN (0.10 of gain per dollar) is sold instead.
    Proposal p = lossAndGainLots().harvest(h -> h.withEnabled(false).withScheduled(List.of(contribution("k401", "2026-12-01"))))
        .propose();

    assertThat(p.sells()).isNotEmpty();
    assertThat(p.sells()).flatExtracting(Trade::lots).noneMatch(l -> l.lotId().value().equals("LOSS"));
    assertThat(p.sells()).flatExtracting(Trade::lots).allMatch(l -> l.lotId().value().equals("GAIN"));
  }

  @Test
  void test_scheduled_purchase_in_the_30_days_before_counts_too() {
    // The contribution of 2026-11-05 (15 days before the sale) washes a loss sold on 2026-11-20.
    Proposal p = lossAndGainLots().harvest(h -> h.withEnabled(false).withScheduled(List.of(contribution("k401", "2026-11-05"))))
        .propose();

    assertThat(p.sells()).flatExtracting(Trade::lots).noneMatch(l -> l.lotId().value().equals("LOSS"));
  }

  @Test
  void test_withdrawal_is_paid_by_selling_a_class_under_its_goal_and_keeps_the_reserve() {
    // The IRA must pay 10,000 and holds only bonds (under target): before issue 8 it could not sell them.
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "3000").reserve("joint", "2000")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "600", "30000", "2015-01-05")
        .lot("ira", "BND", "400", "20000", "2015-01-05")
        .propose("ira=-10000", "joint=-1000");

    assertThat(p.cashLeft().get(dev.keel.core.household.AccountId.of("ira"))).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    assertThat(p.cashLeft().get(dev.keel.core.household.AccountId.of("joint"))).isGreaterThanOrEqualTo(new BigDecimal("2000"));
    assertThat(p.sells()).anyMatch(t -> t.account().value().equals("ira") && t.reason().contains("pays the withdrawal of $10,000.00"));
    assertThat(p.unresolved()).noneMatch(u -> u.contains("short by"));
  }

  @Test
  void test_withdrawal_larger_than_the_account_is_invalid_input() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> overweightStocks().propose("ira=-100000"))
        .isInstanceOf(dev.keel.core.problem.InvalidInputException.class)
        .hasMessageContaining("is a withdrawal of $100,000.00 from ira, more than it can pay: cash $0.00 + holdings Keel may sell"
            + " $40,000.00 = $40,000.00, short by $60,000.00");
  }

  @Test
  void test_withdrawal_is_paid_past_the_tax_budget_and_says_by_how_much() {
    // 1,000 VTI at 100, basis 20,000: 0.80 of gain per dollar. Paying 20,000 realizes about 16,000,
    // far past a budget of 1,000; before, the withdrawal was left short instead.
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "600", "12000", "2015-01-05")
        .lot("joint", "BND", "800", "40000", "2015-01-05")
        .maxNetGains("1000")
        .propose("joint=-20000");

    assertThat(p.cashLeft().get(dev.keel.core.household.AccountId.of("joint"))).isNotNegative();
    assertThat(p.unresolved()).noneMatch(u -> u.contains("short by"))
        .anyMatch(u -> u.contains("beyond tax.max_net_gains ($1,000.00 left this year)"));
  }
}
