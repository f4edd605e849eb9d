package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.cash;
import static dev.keel.core.ledger.LedgerScenario.disposal;
import static dev.keel.core.ledger.LedgerScenario.lot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Household;
import dev.keel.core.tax.Term;
import dev.keel.core.testkit.HouseholdBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RSU vests and ESPP purchases (IRS Publication 525, "Restricted Stock" and "Employee Stock
 * Purchase Plan"; IRC §423) and the basis correction Form 8949 needs when the broker's 1099-B
 * leaves out the compensation part (Instructions for Form 8949, code B: report the basis shown on
 * Form 1099-B in column (e) and the correction in column (g)).
 */
class EmployerStockTest {

  private static final Household HOUSEHOLD = HouseholdBuilder.household()
      .taxable("plan").cash("0")
      .taxable("joint").cash("100000")
      .build();

  private static LedgerScenario scenario() {
    return LedgerScenario.of(HOUSEHOLD);
  }

  /**
   * Employer stock held when the ledger starts (lots.csv {@code award}) is sold exactly as the same
   * shares recorded with rsu_vest or espp_purchase: same ESPP ordinary income (Publication 525),
   * same reported basis and code B (Form 8949 instructions). Before, an opening lot had no award:
   * no code B and no ESPP income.
   */
  @Nested
  class OpeningLots {

    private static Disposal only(LedgerResult result) {
      assertThat(result.disposals()).hasSize(1);
      return result.disposals().get(0);
    }

    private static void assertSameSale(Disposal opened, Disposal recorded) {
      assertThat(opened.proceeds()).isEqualByComparingTo(recorded.proceeds());
      assertThat(opened.costBasis()).isEqualByComparingTo(recorded.costBasis());
      assertThat(opened.reportedBasis()).isEqualByComparingTo(recorded.reportedBasis());
      assertThat(opened.compensation()).isEqualByComparingTo(recorded.compensation());
      assertThat(opened.adjustmentCode()).isEqualTo(recorded.adjustmentCode());
      assertThat(opened.adjustment()).isEqualByComparingTo(recorded.adjustment());
      assertThat(opened.gain()).isEqualByComparingTo(recorded.gain());
      assertThat(opened.term()).isEqualTo(recorded.term());
    }

    @Test
    void test_rsuOpeningLot_soldLikeAVest_reportedBasisZero_codeB() {
      // 100 M vested 2024-03-15 at 50.00: 5,000.00 basis; 1099-B basis 0; sold 2025-03-17 at 60.00.
      LedgerResult opened = scenario()
          .open("plan", "M", "100", "5000.00", "2024-03-15").lotId("V")
          .award(new ActionTerms.Award(java.util.Optional.empty(), java.util.Optional.empty()))
          .sell("2025-03-17", "plan", "M", "100", "60")
          .replayOk();
      LedgerResult recorded = scenario()
          .rsuVest("2024-03-15", "plan", "M", "100", "50", null).lotId("V")
          .sell("2025-03-17", "plan", "M", "100", "60")
          .replayOk();

      Disposal sale = only(opened);
      assertThat(sale.adjustmentCode()).isEqualTo("B");
      assertThat(sale.reportedBasis()).isEqualByComparingTo("0.00");
      assertThat(sale.adjustment()).isEqualByComparingTo("-5000.00");
      assertSameSale(sale, only(recorded));
    }

    @Test
    void test_esppOpeningLot_disqualifyingSale_wagesAndCodeBLikeAPurchase() {
      // Offering 2024-01-02 (FMV 40.00, option price 34.00), bought 2024-06-28: 100 at 34.00 when
      // worth 45.00. Sold 2025-03-03 at 50.00 (disqualifying): wages 100 × (45 − 34) = 1,100.00,
      // basis 3,400 + 1,100 = 4,500; 1099-B 3,400; code B −1,100; gain 5,000 − 4,500 = 500.00.
      EsppOffering offering = new EsppOffering(LedgerScenario.date("2024-01-02"), new java.math.BigDecimal("40.00"),
          new java.math.BigDecimal("34.00"), new java.math.BigDecimal("45.00"));
      LedgerResult opened = scenario()
          .open("plan", "M", "100", "3400.00", "2024-06-28").lotId("E")
          .award(new ActionTerms.Award(java.util.Optional.empty(), java.util.Optional.of(offering)))
          .sell("2025-03-03", "plan", "M", "100", "50")
          .replayOk();
      LedgerResult recorded = scenario()
          .esppPurchase("2024-06-28", "plan", "M", "100", "34.00", "45.00", "2024-01-02", "40.00", "34.00").lotId("E")
          .sell("2025-03-03", "plan", "M", "100", "50")
          .replayOk();

      Disposal sale = only(opened);
      assertThat(sale.compensation()).isEqualByComparingTo("1100.00");
      assertThat(sale.reportedBasis()).isEqualByComparingTo("3400.00");
      assertThat(sale.gain()).isEqualByComparingTo("500.00");
      assertSameSale(sale, only(recorded));
    }
  }

  @Nested
  class QualifyingDate {

    @Test
    void test_qualifyingFrom_isTheDayAfterTheLaterAnniversary_andAgreesWithQualifying() {
      // IRC §423(a)(1), Publication 525: no disposition within 2 years after the offering date nor
      // within 1 year after the purchase. Offering 2024-01-02, bought 2024-06-28: the later of
      // 2026-01-02 and 2025-06-28 is 2026-01-02, so a sale qualifies from 2026-01-03.
      EquityAward award = new EquityAward(new java.math.BigDecimal("85.53"), new java.math.BigDecimal("85.53"),
          java.util.Optional.of(new EsppOffering(LedgerScenario.date("2024-01-02"), new java.math.BigDecimal("100.62"),
              new java.math.BigDecimal("85.53"), new java.math.BigDecimal("128.00"))));
      java.time.LocalDate bought = LedgerScenario.date("2024-06-28");

      assertThat(award.qualifyingFrom(bought)).contains(LedgerScenario.date("2026-01-03"));
      assertThat(award.qualifying(bought, LedgerScenario.date("2026-01-02"))).isFalse();
      assertThat(award.qualifying(bought, LedgerScenario.date("2026-01-03"))).isTrue();
      // bought late in the offering: the purchase's anniversary is the later one
      java.time.LocalDate late = LedgerScenario.date("2025-12-31");
      assertThat(award.qualifyingFrom(late)).contains(LedgerScenario.date("2027-01-01"));
      assertThat(award.qualifying(late, LedgerScenario.date("2026-12-31"))).isFalse();
      // an RSU has no qualifying disposition
      assertThat(new EquityAward(java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.util.Optional.empty())
          .qualifyingFrom(bought)).isEmpty();
    }
  }

  @Nested
  class Rsu {

    @Test
    void test_vest_basisIsValueAtVest_noCash_heldFromTheDayAfter() {
      // 100 M vest at 50.00 on 2024-03-15: 5,000.00 of wages is the basis; no cash moves. Long-term
      // from 2025-03-16 (Publication 550, "Holding Period": the day after acquisition starts it).
      LedgerResult result = scenario()
          .rsuVest("2024-03-15", "plan", "M", "100", "50", null).lotId("V")
          .replayOk();

      Lot vest = lot(result, "V");
      assertThat(vest.costBasis()).isEqualByComparingTo("5000.00");
      assertThat(vest.longTermFrom()).isEqualTo(LedgerScenario.date("2025-03-16"));
      assertThat(cash(result, "plan")).isZero();
    }

    @Test
    void test_sale_brokerReportsZeroBasis_codeB_correctsByTheWages() {
      // Sold 2025-03-17 at 60.00: proceeds 6,000.00. Form 1099-B basis 0 (column (e)); code B,
      // column (g) −5,000.00; gain 6,000 − 0 − 5,000 = 1,000.00 long-term.
      LedgerResult result = scenario()
          .rsuVest("2024-03-15", "plan", "M", "100", "50", null).lotId("V")
          .sell("2025-03-17", "plan", "M", "100", "60")
          .replayOk();

      Disposal sold = disposal(result, "V");
      assertThat(sold.reportedBasis()).isEqualByComparingTo("0.00");
      assertThat(sold.costBasis()).isEqualByComparingTo("5000.00");
      assertThat(sold.adjustmentCode()).isEqualTo("B");
      assertThat(sold.adjustment()).isEqualByComparingTo("-5000.00");
      assertThat(sold.gain()).isEqualByComparingTo("1000.00");
      assertThat(sold.term()).isEqualTo(Term.LONG);
      assertThat(sold.compensation()).isZero();
    }

    @Test
    void test_brokerReportingTheFullBasis_needsNoCorrection() {
      LedgerResult result = scenario()
          .rsuVest("2024-03-15", "plan", "M", "100", "50", "5000").lotId("V")
          .sell("2025-03-17", "plan", "M", "40", "60")
          .replayOk();

      Disposal sold = disposal(result, "V");
      assertThat(sold.costBasis()).isEqualByComparingTo("2000.00");
      assertThat(sold.reportedBasis()).isEqualByComparingTo("2000.00");
      assertThat(sold.adjustmentCode()).isEmpty();
    }

    @Test
    void test_vestIsAnAcquisition_washesALossWithin30Days() {
      // A loss of 200 on 10 M sold 2025-03-01 in joint; 100 M vest 2025-03-20: 10 of them replace
      // the sold shares (the cautious reading brokers apply to vests).
      LedgerResult result = scenario()
          .buy("2024-06-03", "joint", "M", "10", "70").lotId("J")
          .sell("2025-03-01", "joint", "M", "10", "50")
          .rsuVest("2025-03-20", "plan", "M", "100", "52", null).lotId("V")
          .replayOk();

      assertThat(disposal(result, "J").disallowed()).isEqualByComparingTo("200.00");
    }
  }

  @Nested
  class Espp {

    // Offering 2023-01-03 at FMV 40.00, option price figured then 34.00 (85%); purchase 2023-06-30
    // at 34.00 (85% of the lower of 40.00 and 50.00) when the share is worth 50.00; 100 shares.
    private LedgerScenario bought() {
      return scenario().esppPurchase("2023-06-30", "plan", "M", "100", "34", "50", "2023-01-03", "40", "34").lotId("E");
    }

    @Test
    void test_purchase_basisIsThePricePaid_noCashOfTheAccount() {
      LedgerResult result = bought().replayOk();

      assertThat(lot(result, "E").costBasis()).isEqualByComparingTo("3400.00");
      assertThat(cash(result, "plan")).isZero();
    }

    @Test
    void test_qualifyingDisposition_ordinaryIncomeIsTheOfferingDiscount() {
      // Sold 2025-07-01 at 60.00 (more than 2 years after 2023-01-03, more than 1 after 2023-06-30):
      // wages = lesser of 100 × (40 − 34) = 600.00 and 6,000 − 3,400 = 2,600.00 → 600.00 (Pub 525).
      // Basis 3,400 + 600 = 4,000; long-term gain 2,000.00; 1099-B basis 3,400 → code B −600.00.
      LedgerResult result = bought().sell("2025-07-01", "plan", "M", "100", "60").replayOk();

      Disposal sold = disposal(result, "E");
      assertThat(sold.compensation()).isEqualByComparingTo("600.00");
      assertThat(sold.costBasis()).isEqualByComparingTo("4000.00");
      assertThat(sold.reportedBasis()).isEqualByComparingTo("3400.00");
      assertThat(sold.adjustmentCode()).isEqualTo("B");
      assertThat(sold.adjustment()).isEqualByComparingTo("-600.00");
      assertThat(sold.gain()).isEqualByComparingTo("2000.00");
      assertThat(sold.term()).isEqualTo(Term.LONG);
    }

    @Test
    void test_qualifyingDispositionBelowThePricePaid_noOrdinaryIncome_capitalLoss() {
      // At 30.00: lesser of 600 and 3,000 − 3,400 = −400 → 0; loss 400.00, no correction.
      LedgerResult result = bought().sell("2025-07-01", "plan", "M", "100", "30").replayOk();

      Disposal sold = disposal(result, "E");
      assertThat(sold.compensation()).isZero();
      assertThat(sold.gain()).isEqualByComparingTo("-400.00");
      assertThat(sold.adjustmentCode()).isEmpty();
    }

    @Test
    void test_disqualifyingDisposition_ordinaryIncomeIsTheSpreadAtPurchase_evenAtALoss() {
      // Sold 2024-03-01 at 45.00 (within 2 years of the offering): wages = 100 × (50 − 34) =
      // 1,600.00 whatever the sale price; basis 5,000; short-term loss 4,500 − 5,000 = −500.00;
      // 1099-B basis 3,400 → code B −1,600.00.
      LedgerResult result = bought().sell("2024-03-01", "plan", "M", "100", "45").replayOk();

      Disposal sold = disposal(result, "E");
      assertThat(sold.compensation()).isEqualByComparingTo("1600.00");
      assertThat(sold.costBasis()).isEqualByComparingTo("5000.00");
      assertThat(sold.adjustment()).isEqualByComparingTo("-1600.00");
      assertThat(sold.gain()).isEqualByComparingTo("-500.00");
      assertThat(sold.term()).isEqualTo(Term.SHORT);
    }

    @Test
    void test_saleOnTheSecondAnniversaryOfTheOffering_isStillDisqualifying() {
      // 2025-01-03 is within 2 years after 2023-01-03 (IRC §423(a)(1)); 2025-01-04 is not.
      assertThat(disposal(bought().sell("2025-01-03", "plan", "M", "100", "60").replayOk(), "E").compensation())
          .isEqualByComparingTo("1600.00");
      assertThat(disposal(bought().sell("2025-01-04", "plan", "M", "100", "60").replayOk(), "E").compensation())
          .isEqualByComparingTo("600.00");
    }

    @Test
    void test_afterASplit_perShareFactsFollow_incomeUnchanged() {
      // 2:1 on 2023-09-01: 200 shares; paid 17.00, purchase FMV 25.00. Disqualifying sale of all 200
      // at 22.50: wages 200 × (25 − 17) = 1,600.00, the same as before the split.
      LedgerResult result = bought()
          .split("2023-09-01", null, "M", "2:1")
          .sell("2024-03-01", "plan", "M", "200", "22.5")
          .replayOk();

      Disposal sold = disposal(result, "E");
      assertThat(sold.compensation()).isEqualByComparingTo("1600.00");
      assertThat(sold.reportedBasis()).isEqualByComparingTo("3400.00");
      assertThat(sold.gain()).isEqualByComparingTo("-500.00");
    }

    @Test
    void test_disqualifyingLossAboveThePricePaid_isWashedByAPurchase() {
      // Sold at 45.00 with a basis of 50.00 a share (34.00 paid + 16.00 of wages): a loss of 500.00
      // although the price is above what was paid. 100 M bought in joint 9 days later replace all
      // the shares sold: the 500.00 is disallowed and added to their basis (4,400 + 500).
      LedgerResult result = bought()
          .sell("2024-03-01", "plan", "M", "100", "45")
          .buy("2024-03-10", "joint", "M", "100", "44").lotId("J")
          .replayOk();

      Disposal sold = disposal(result, "E");
      assertThat(sold.disallowed()).isEqualByComparingTo("500.00");
      assertThat(sold.gain()).isEqualByComparingTo("0.00");
      assertThat(sold.adjustmentCode()).isEqualTo("BW");
      assertThat(sold.adjustment()).isEqualByComparingTo("-1100.00"); // 500 − 1,600
      assertThat(lot(result, "J").costBasis()).isEqualByComparingTo("4900.00");
    }

    @Test
    void test_partialSale_sharesByShares() {
      // 40 of 100 sold qualifying at 60.00: wages min(40 × 6 = 240, 2,400 − 1,360 = 1,040) = 240;
      // basis 1,360 + 240 = 1,600; gain 800.00.
      LedgerResult result = bought().sell("2025-07-01", "plan", "M", "40", "60").replayOk();

      Disposal sold = disposal(result, "E");
      assertThat(sold.compensation()).isEqualByComparingTo("240.00");
      assertThat(sold.gain()).isEqualByComparingTo("800.00");
      assertThat(lot(result, "E").costBasis()).isEqualByComparingTo("2040.00");
    }
  }
}
