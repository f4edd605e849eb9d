package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.policy.ClassYield;
import dev.keel.core.security.AssetClass;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Asset location priced by its yearly tax drag (policy.yaml {@code yields}, {@code
 * location_horizon}). The scenarios use the Scenario's marginal rates, 35% short-term (ordinary)
 * and 20% long-term, and Keel's default yields: bonds 4% ordinary, stocks 1.5% qualified. In a
 * taxable account bonds then cost 4% × 35% = 1.40% of their value in tax every year and stocks
 * 1.5% × 20% = 0.30%; in an IRA neither costs anything. Transaction cost 5 bps a trade.
 */
class LocationTest {

  private static String trade(Trade t) {
    return t.account().value() + " " + t.side().code() + " " + t.symbol() + " " + t.amount().stripTrailingZeros().toPlainString();
  }

  /**
   * The bug of issue 8: a proposal bought 175,000 of bonds in a taxable account while a spouse's
   * 401(k) held 182,000 of a stock fund untouched. Here: joint holds 175,000 of new cash and
   * 100,000 of VTI; the 401(k) holds 182,000 of VTI. Total 457,000; stocks 282,000 (61.7%, inside
   * 55–65%), bonds 0 (band 35–45%): bonds must be bought, 182,800 of them (40%), and 7,800 of
   * stocks sold (to 274,200).
   *
   * <p>Before: joint bought 175,000 of bonds with its cash; the 401(k) sold 7,800 of VTI for 7,800
   * of bonds. Tax drag of the bonds in joint: 175,000 × 1.40% = 2,450 a year.
   *
   * <p>Now the 401(k) sells all its 182,000 of VTI (no tax in a 401(k)) and buys 182,000 of bonds;
   * joint buys 174,200 of VTI and 800 of bonds. Bonds in joint: 800 instead of 175,000, stocks
   * 174,200 more: the yearly drag falls by 174,200 × (1.40% − 0.30%) = 1,916.20, for trades of
   * 2 × 174,200 × 5 bps = 174.20 more, once.
   */
  @Test
  void test_bonds_go_to_the_401k_and_stocks_to_the_taxable_account() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "175000")
        .account("k401", AccountType.TRADITIONAL, "0")
        .target("us_stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "us_stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "1000", "60000", "2015-01-05")
        .lot("k401", "VTI", "1820", "100000", "2015-01-05")
        .propose();

    assertThat(p.trades()).extracting(LocationTest::trade).containsExactlyInAnyOrder(
        "joint buy BND 800", "joint buy VTI 174200", "k401 sell VTI 182000", "k401 buy BND 182000");
    assertThat(p.tax().estimatedTax()).isEqualByComparingTo("0");
    assertThat(p.after()).allSatisfy(c -> assertThat(c.breached()).isFalse());
    Trade stocksInJoint = p.buys().stream().filter(t -> t.symbol().value().equals("VTI")).findFirst().orElseThrow();
    assertThat(stocksInJoint.reason()).contains("bought here for asset location")
        .contains("0.30% a year (1.50% qualified dividends × 20.00%)");
    Trade bondsIn401k = p.buys().stream().filter(t -> t.account().value().equals("k401")).findFirst().orElseThrow();
    assertThat(bondsIn401k.reason())
        .contains("holding bonds here rather than in a taxable account saves 1.40% a year (4.00% ordinary income × 35.00%)");
  }

  /** The same household, with location worth less than its trades: the old proposal. */
  @Test
  void test_no_swap_when_the_tax_saved_is_less_than_the_cost_of_the_trades() {
    // Bonds yielding 0.1% ordinary: 0.1% × 35% = 0.035% a year in joint, stocks 0.030%; over one
    // year a swapped dollar saves 0.005%, against 0.10% of trading (two trades of 5 bps).
    Scenario s = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "175000")
        .account("k401", AccountType.TRADITIONAL, "0")
        .target("us_stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "us_stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "1000", "60000", "2015-01-05")
        .lot("k401", "VTI", "1820", "100000", "2015-01-05")
        .settings(r -> r.withYields(Map.of(AssetClass.of("bonds"), ClassYield.of("0.001", "0", "0")), 1));

    Proposal p = s.propose();

    assertThat(p.trades()).extracting(LocationTest::trade).containsExactlyInAnyOrder(
        "joint buy BND 175000", "k401 sell VTI 7800", "k401 buy BND 7800");
  }

  /** A horizon of 0 years switches location off: the same old proposal. */
  @Test
  void test_horizon_zero_switches_location_off() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "175000")
        .account("k401", AccountType.TRADITIONAL, "0")
        .target("us_stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "us_stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "1000", "60000", "2015-01-05")
        .lot("k401", "VTI", "1820", "100000", "2015-01-05")
        .settings(r -> r.withYields(Map.of(), 0))
        .propose();

    assertThat(p.trades()).extracting(LocationTest::trade).containsExactlyInAnyOrder(
        "joint buy BND 175000", "k401 sell VTI 7800", "k401 buy BND 7800");
  }

  /**
   * Bonds sit in joint at a gain and stocks in the IRA: the worst location. Forced, at target
   * (stocks 60,000 of 100,000, bonds 40,000): swapping would save 40,000 × 1.10% = 440 a year but
   * realize the bonds' 20,000 gain (4,000 of tax at 20%). Location never realizes a taxable gain:
   * nothing is traded.
   */
  @Test
  void test_never_realizes_a_taxable_gain_for_location() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("us_stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "us_stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "BND", "800", "20000", "2015-01-05")
        .lot("ira", "VTI", "600", "30000", "2015-01-05")
        .propose(true);

    assertThat(p.trades()).isEmpty();
    assertThat(p.tax().estimatedTax()).isEqualByComparingTo("0");
  }

  /**
   * Found by FleetRun quality (generated household 1980): at low rates a tax-advantaged account
   * swapped its international fund for bonds while the taxable account sold three times the bonds
   * it had to, at a gain, to make room. Here, at 15% short-term and 3% long-term: joint holds
   * 60,000 of bonds (basis 40,000) and the IRA 40,000 of VXUS; bonds are 60% against 40%, so
   * 20,000 of bonds must go, realizing 20,000 × 1/3 = 6,666.67 of gain (200 of tax at 3%).
   *
   * <p>Location alone would rather have every bond in the IRA: there VXUS loses its 0.3% withheld
   * abroad each year (3% over ten years), in joint it costs 2.8% × 3% = 0.084% a year; selling all
   * 60,000 of bonds costs only 1% of tax a dollar. But that realizes 20,000 of gain for location.
   * The proposal realizes the 6,666.67 the rebalance needs and no more.
   */
  @Test
  void test_no_extra_taxable_gain_to_make_room_for_a_swap_elsewhere() {
    Proposal p = Scenario.on("2026-11-20")
        .tax(t -> dev.keel.core.tax.TaxSettings.of(t.filingStatus(), dev.keel.core.tax.MarginalRates.of("0.15", "0.03")))
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("intl_stocks", "0.60").target("bonds", "0.40")
        .security("VXUS", "intl_stocks", "100").security("BND", "bonds", "100")
        .lot("joint", "BND", "600", "40000", "2015-01-05")
        .lot("ira", "VXUS", "400", "40000", "2015-01-05")
        .propose();

    // 20,000 of 60,000 with basis 40,000: the lot relief rounds the relieved basis to the cent.
    assertThat(p.tax().longTermGain()).isBetween(new BigDecimal("6666.66"), new BigDecimal("6666.68"));
    assertThat(p.trades()).extracting(LocationTest::trade).containsExactlyInAnyOrder("joint sell BND 20000", "joint buy VXUS 20000");
  }

  /**
   * Bonds are over target and joint holds a BND lot at a loss, so that lot is sold first; the IRA
   * may buy bonds for location, but never BND (it would wash the loss for good, Rev. Rul.
   * 2008-5): it buys AGG, the other bond fund.
   */
  @Test
  void test_a_location_buy_never_washes_a_loss_sold_in_the_same_proposal() {
    Scenario s = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "0")
        .target("us_stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "us_stocks", "100").security("BND", "bonds", "50").security("AGG", "bonds", "100")
        .lot("joint", "BND", "1000", "60000", "2024-01-05")
        .lot("joint", "VTI", "100", "5000", "2015-01-05")
        .lot("ira", "VTI", "400", "20000", "2015-01-05");
    Proposal p = s.propose(true);

    assertThat(p.sells()).anyMatch(t -> t.account().value().equals("joint") && t.symbol().value().equals("BND"));
    assertThat(p.buys()).noneMatch(t -> t.symbol().value().equals("BND"));
    assertThat(p.buys()).filteredOn(t -> t.account().value().equals("ira")).singleElement()
        .satisfies(t -> assertThat(t.symbol().value()).isEqualTo("AGG"))
        .satisfies(t -> assertThat(t.reason()).contains("bought here for asset location")
            .contains("1.40% a year (4.00% ordinary income × 35.00%) in a taxable account"));
    LedgerResult after = RebalancerProperties.applied(s.data(), p);
    BigDecimal disallowed = after.disposals().stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(disallowed).isEqualByComparingTo("0");
  }
}
