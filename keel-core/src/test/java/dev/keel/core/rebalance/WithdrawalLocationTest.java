package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.ScheduledPurchase;
import dev.keel.core.security.Symbol;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rebalancer's issue-8 features in one proposal: a withdrawal paid in full with the reserve
 * kept, asset location priced by its yearly drag (Keel's default yields: bonds 4% ordinary), a
 * 401(k) fund menu, and a payroll contribution scheduled outside Keel that would wash a loss sold
 * in the taxable account (for good, Rev. Rul. 2008-5). The Scenario's rates: 35% short-term, 20%
 * long-term; transaction cost 5 bps.
 */
class WithdrawalLocationTest {

  private static String trade(Trade t) {
    return t.account().value() + " " + t.side().code() + " " + t.symbol() + " " + t.amount().stripTrailingZeros().toPlainString();
  }

  /**
   * Joint (taxable): 2,000 of cash, all of it reserve; VTI lot LOSS 10,000 (basis 12,000), VTI lot
   * GAIN 30,000 (basis 27,000, 0.10 of gain per dollar), BND 10,000 at no gain. The 401(k): VTI
   * 40,000; its menu offers VTI and FXNAX, not BND. The 401(k) buys VTI by payroll on 2026-12-01.
   *
   * <p>Total 92,000; after the 20,000 withdrawal, 70,000 invested (the 2,000 reserve kept): the goal
   * for stocks (60%) is 42,000 (80,000 held: 38,000 to sell), for bonds (40%) 28,000 (10,000 held).
   *
   * <p>Joint must raise 20,000. BND pays 10,000 at no tax, and the bonds are better bought back in
   * the 401(k) than kept in joint (4% × 35% = 1.40% a year there). The other 10,000 comes from GAIN
   * (1,000 of long-term gain): LOSS would lose its 2,000 loss for good to the contribution, which
   * costs more. The 401(k) sells 28,000 of VTI (no tax) and buys 28,000 of FXNAX, the menu's bond
   * fund. Stocks end at 80,000 − 38,000 = 42,000, bonds at 28,000, all of them in the 401(k).
   */
  @Test
  void test_withdrawal_with_location_fund_menu_and_scheduled_wash() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "2000").reserve("joint", "2000")
        .account("k401", AccountType.TRADITIONAL, "0").available("k401", "VTI", "FXNAX")
        .target("us_stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "us_stocks", "100").security("BND", "bonds", "50").security("FXNAX", "bonds", "10")
        .lot("joint", "VTI", "100", "12000", "2025-01-05", "LOSS")
        .lot("joint", "VTI", "300", "27000", "2020-01-05", "GAIN")
        .lot("joint", "BND", "200", "10000", "2020-01-05", "BONDS")
        .lot("k401", "VTI", "400", "30000", "2015-01-05", "K-VTI")
        .harvest(h -> h.withEnabled(false).withScheduled(List.of(new ScheduledPurchase(AccountId.of("k401"), Symbol.of("VTI"),
            "payroll_contribution", LocalDate.parse("2026-12-01"), Optional.of(CheckCadence.MONTHLY)))))
        .propose("joint=-20000");

    assertThat(p.trades()).extracting(WithdrawalLocationTest::trade).containsExactlyInAnyOrder(
        "joint sell BND 10000", "joint sell VTI 10000", "k401 sell VTI 28000", "k401 buy FXNAX 28000");
    assertThat(p.sells()).flatExtracting(Trade::lots).noneMatch(l -> l.lotId().value().equals("LOSS"));
    assertThat(p.cashLeft().get(AccountId.of("joint"))).isEqualByComparingTo("2000.00");
    assertThat(p.unresolved()).isEmpty();
    assertThat(p.after()).allSatisfy(c -> assertThat(c.breached()).isFalse());
    // 1,000 of long-term gain at 20%.
    assertThat(p.tax().longTermGain()).isEqualByComparingTo("1000.00");

    Trade bonds = p.sells().stream().filter(t -> t.symbol().value().equals("BND")).findFirst().orElseThrow();
    assertThat(bonds.reason()).contains("pays the withdrawal of $20,000.00 from joint").doesNotContain("for asset location");
    Trade fxnax = p.buys().stream().filter(t -> t.symbol().value().equals("FXNAX")).findFirst().orElseThrow();
    assertThat(fxnax.reason()).contains("holding bonds here rather than in a taxable account saves 1.40% a year");
  }

  /**
   * A sale that only pays a withdrawal is not a location sale: it is never credited with location
   * (the goal does not bound it, so a credit would sell its class past what the withdrawal needs),
   * and its reason says it pays the withdrawal, not that it is "for asset location".
   *
   * <p>Joint (taxable): 30,000 of VTI at no gain. IRA: 15,000 of BND. Total 45,000; after the IRA's
   * 5,000 withdrawal 40,000: stocks' goal 24,000 (6,000 to sell), bonds' 16,000 (1,000 to buy).
   * The IRA holds only bonds, under their goal, so it pays the 5,000 with BND, no more; joint swaps
   * 6,000 of VTI for BND.
   */
  @Test
  void test_a_withdrawal_sale_is_not_a_location_sale() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("us_stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "us_stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "300", "30000", "2020-01-05")
        .lot("ira", "BND", "300", "15000", "2015-01-05")
        .propose(true, "ira=-5000");

    assertThat(p.trades()).extracting(WithdrawalLocationTest::trade).containsExactlyInAnyOrder(
        "ira sell BND 5000", "joint sell VTI 6000", "joint buy BND 6000");
    assertThat(p.cashLeft().get(AccountId.of("ira"))).isEqualByComparingTo("0.00");
    assertThat(p.unresolved()).isEmpty();
    Trade paying = p.sells().stream().filter(t -> t.account().value().equals("ira")).findFirst().orElseThrow();
    assertThat(paying.reason()).contains("pays the withdrawal of $5,000.00 from ira").doesNotContain("for asset location");
  }

  /**
   * A withdrawal that can only be paid from a loss lot that a scheduled 401(k) purchase will wash
   * for good (Rev. Rul. 2008-5): the reason states what the sale realizes after the wash, as the CSV
   * and the totals do, not the loss before it.
   *
   * <p>Joint (taxable): 2,000 of cash, all of it reserve; VTI lot LOSS, 100 shares at 100 (basis
   * 12,000: a short-term loss of 20 a share). Paying 5,000 sells 50 shares: a 1,000 loss, all of it
   * washed by the 401(k)'s payroll VTI on 2026-12-01, so nothing is realized.
   */
  @Test
  void test_a_washed_loss_sale_reason_says_what_is_realized_after_the_wash() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "2000").reserve("joint", "2000")
        .account("k401", AccountType.TRADITIONAL, "0")
        .target("us_stocks", "1.00")
        .security("VTI", "us_stocks", "100")
        .lot("joint", "VTI", "100", "12000", "2026-01-05", "LOSS")
        .lot("k401", "VTI", "100", "8000", "2015-01-05", "K-VTI")
        .harvest(h -> h.withEnabled(false).withScheduled(List.of(new ScheduledPurchase(AccountId.of("k401"), Symbol.of("VTI"),
            "payroll_contribution", LocalDate.parse("2026-12-01"), Optional.of(CheckCadence.MONTHLY)))))
        .propose("joint=-5000");

    Trade sale = p.sells().stream().filter(t -> t.account().value().equals("joint")).findFirst().orElseThrow();
    assertThat(sale.amount()).isEqualByComparingTo("5000");
    assertThat(p.tax().shortTermGain()).isEqualByComparingTo("0");
    assertThat(sale.reason()).contains("realizes no gain or loss: its loss of $1,000.00 is disallowed as a wash sale")
        .doesNotContain("realizes a short-term loss of $1,000.00").contains("the loss is counted as lost");
  }
}
