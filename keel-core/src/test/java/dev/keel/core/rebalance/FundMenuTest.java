package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An account's fund menu (household.yaml {@code available}): nothing outside it is ever bought there. */
class FundMenuTest {

  /**
   * Stocks 70,000 of 80,000 against a 60% target: 22,000 of stocks go, 22,000 of bonds come. The
   * 401(k) offers FXAIX (stocks) and VBTLX (bonds); the taxable account buys ETFs. VBTLX is listed
   * first among the bonds, so without menus every account would buy it.
   */
  private static Scenario household() {
    return Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("k401", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("FXAIX", "stocks", "200")
        .security("VBTLX", "bonds", "10").security("BND", "bonds", "50")
        .lot("joint", "VTI", "400", "20000", "2015-01-05")
        .lot("k401", "FXAIX", "150", "15000", "2015-01-05")
        .lot("joint", "BND", "160", "8000", "2015-01-05")
        .lot("k401", "VBTLX", "400", "4000", "2015-01-05");
  }

  @Test
  void test_a_bond_fund_outside_the_taxable_menu_is_never_bought_there() {
    // Joint holds 40,000 of VTI only, the 401(k) 30,000 of FXAIX: 70,000, all stocks, against a 20%
    // target, so 56,000 of stocks are sold and bonds bought in both accounts. VBTLX is the first
    // bond fund of the policy: without menus joint (holding no bond fund) would buy it.
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("k401", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.20").target("bonds", "0.80")
        .security("VTI", "stocks", "100").security("FXAIX", "stocks", "200")
        .security("VBTLX", "bonds", "10").security("BND", "bonds", "50")
        .lot("joint", "VTI", "400", "20000", "2015-01-05")
        .lot("k401", "FXAIX", "150", "15000", "2015-01-05")
        .available("joint", "VTI", "BND").available("k401", "FXAIX", "VBTLX")
        .propose();

    assertThat(p.buys()).extracting(t -> t.account().value() + " " + t.symbol())
        .contains("joint BND", "k401 VBTLX")
        .allMatch(t -> List.of("joint VTI", "joint BND", "k401 FXAIX", "k401 VBTLX").contains(t));
  }

  @Test
  void test_a_missing_price_does_not_send_the_buy_to_a_fund_the_account_cannot_hold() {
    // BND has no price today. Before menus, joint fell back to VBTLX (the next bond fund): a mutual
    // fund of the 401(k)'s plan that the brokerage account cannot hold. With its menu, joint buys no
    // bonds at all; the 401(k) sells its FXAIX and buys VBTLX instead.
    Scenario s = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "20000")
        .account("k401", AccountType.TRADITIONAL, "0")
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("FXAIX", "stocks", "200")
        .security("VBTLX", "bonds", "10").unpriced("BND", "bonds")
        .lot("joint", "VTI", "400", "20000", "2015-01-05")
        .lot("k401", "FXAIX", "150", "15000", "2015-01-05")
        .available("joint", "VTI", "BND").available("k401", "FXAIX", "VBTLX");
    Proposal p = s.propose(true);

    assertThat(p.buys()).noneMatch(t -> t.account().value().equals("joint") && t.symbol().value().equals("VBTLX"));
    assertThat(p.buys()).anyMatch(t -> t.account().value().equals("k401") && t.symbol().value().equals("VBTLX"));
  }

  @Test
  void test_a_class_with_nothing_on_the_menu_is_bought_elsewhere() {
    // The 401(k) offers only FXAIX: the 22,000 of bonds must be bought in joint (BND), paid for by
    // joint's own sale of stocks, even though the 401(k) sells first for no tax.
    Proposal p = household().available("k401", "FXAIX").propose();

    assertThat(p.buys()).isNotEmpty();
    assertThat(p.buys()).noneMatch(t -> t.account().value().equals("k401"));
  }
}
