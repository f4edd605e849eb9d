package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountType;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.report.HarvestReport;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: the harvest report hid the part of a harvested loss that a purchase in a retirement
 * account disallowed for good (Rev. Rul. 2008-5). Publication 550's wash-sale rule: the 401(k)'s
 * purchase of 40 VTI ten days after the harvest replaces 40 of the 100 shares sold.
 */
class HarvestReportLostForGoodTest {

  @Test
  void test_report_shows_the_loss_a_401k_purchase_disallowed_for_good() {
    // Harvest on 2026-03-02: 100 VTI, basis 30,000, sold at 250 = 25,000: a loss of 5,000, ITOT bought
    // the same day. The 401(k) buys 40 VTI on 2026-03-12: 40/100 of the loss, 2,000, is lost for good.
    HouseholdData data = Scenario.on("2026-06-30")
        .target("us_stocks", "1.00")
        .security(Security.of("VTI", "us_stocks", "crsp").withSubstitutes(List.of(Symbol.of("ITOT"))), "250")
        .security(Security.of("ITOT", "us_stocks", "sp").withSubstitutes(List.of(Symbol.of("VTI"))), "100")
        .account("joint", AccountType.TAXABLE, "0")
        .account("k401", AccountType.TRADITIONAL, "10000")
        .lot("joint", "VTI", "100", "30000", "2025-01-06", "J1")
        .sell("2026-03-02", "joint", "VTI", "100", "250")
        .buy("2026-03-02", "joint", "ITOT", "250", "100")
        .buy("2026-03-12", "k401", "VTI", "40", "250")
        .data();

    HarvestReport r = HouseholdEngine.DEFAULT.harvestReport(data, 2026);

    assertThat(r.harvests()).singleElement().satisfies(e -> {
      assertThat(e.loss()).isEqualByComparingTo("5000.00");
      assertThat(e.lostForGood()).isEqualByComparingTo("2000.00");
      assertThat(e.deferred()).isEqualByComparingTo("0");
      assertThat(e.deductibleLoss()).isEqualByComparingTo("3000.00");
    });
    assertThat(r.totalLostForGood()).isEqualByComparingTo("2000.00");
  }

  @Test
  void test_a_harvest_washed_in_full_is_still_reported() {
    // The 401(k) buys all 100 shares back: nothing is deductible, and the report says why.
    HouseholdData data = Scenario.on("2026-06-30")
        .target("us_stocks", "1.00")
        .security(Security.of("VTI", "us_stocks", "crsp").withSubstitutes(List.of(Symbol.of("ITOT"))), "250")
        .security(Security.of("ITOT", "us_stocks", "sp").withSubstitutes(List.of(Symbol.of("VTI"))), "100")
        .account("joint", AccountType.TAXABLE, "0")
        .account("k401", AccountType.TRADITIONAL, "30000")
        .lot("joint", "VTI", "100", "30000", "2025-01-06", "J1")
        .sell("2026-03-02", "joint", "VTI", "100", "250")
        .buy("2026-03-02", "joint", "ITOT", "250", "100")
        .buy("2026-03-12", "k401", "VTI", "100", "250")
        .data();

    HarvestReport r = HouseholdEngine.DEFAULT.harvestReport(data, 2026);

    assertThat(r.harvests()).singleElement().satisfies(e -> {
      assertThat(e.lostForGood()).isEqualByComparingTo("5000.00");
      assertThat(e.deductibleLoss()).isEqualByComparingTo("0");
    });
  }
}
