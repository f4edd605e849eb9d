package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.date;
import static dev.keel.core.ledger.LedgerScenario.disposal;
import static dev.keel.core.ledger.LedgerScenario.lot;
import static dev.keel.core.ledger.LedgerScenario.lots;
import static dev.keel.core.ledger.LedgerScenario.totalDisallowed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Household;
import dev.keel.core.tax.Term;
import dev.keel.core.testkit.HouseholdBuilder;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The wash-sale rule (IRC §1091, Publication 550 "Wash Sales") across a household: replacements in
 * any account of either spouse, in tax-advantaged accounts (Rev. Rul. 2008-5), reinvested
 * dividends, identical groups, the 61-day window, which shares can replace, matching order,
 * chains and tacked holding periods. See {@link Replay} for the rules as implemented.
 *
 * <p>Lin and Wei file jointly: {@code lin} and {@code wei} are their taxable accounts, {@code
 * wei-ira} his traditional IRA, {@code lin-roth} her Roth IRA and {@code wei-hsa} his HSA.
 */
class WashSaleHouseholdTest {

  private static final Household LIN_AND_WEI = HouseholdBuilder.household("Lin and Wei").members("Lin", "Wei")
      .taxable("lin").owners("Lin").cash("200000")
      .taxable("wei").owners("Wei").cash("200000")
      .traditional("wei-ira").owners("Wei").cash("50000")
      .roth("lin-roth").owners("Lin").cash("50000")
      .hsa("wei-hsa").owners("Wei").cash("50000")
      .build();

  private static LedgerScenario household() {
    return LedgerScenario.of(LIN_AND_WEI);
  }

  /** Lin's lot A: 100 VOO bought 2025-01-10 for 50,000.00 (500 a share), sold 2025-06-09 at 450: a 5,000.00 loss. */
  private static LedgerScenario linSellsVooAtALoss() {
    return household()
        .buy("2025-01-10", "lin", "VOO", "100", "500.00").lotId("A")
        .sell("2025-06-09", "lin", "VOO", "100", "450.00");
  }

  @Nested
  class Cents {

    @Test
    void test_threeMatches_disallowedIsRoundedOnTheTotal_notMatchByMatch() {
      // Publication 550, "Wash Sales": the loss on the shares replaced is disallowed (IRC §1091(a)).
      // Lin buys 3 VOO at 10.00 and sells them at 8.99: a loss of 3.03, 1.01 a share. Wei buys
      // 0.25 VOO three times within 30 days: 0.75 of the 3 shares are replaced, and Form 8949
      // shows 3.03 × 0.75 / 3 = 0.7575 -> 0.76 in column (g).
      // Rounding each match alone (1.01 × 0.25 = 0.2525 -> 0.25, three times) disallowed 0.75.
      // Rounding the running total: 0.2525 -> 0.25, 0.505 -> 0.51, 0.7575 -> 0.76, so the
      // matches disallow 0.25, 0.26 and 0.25, which the replacement lots' bases carry exactly.
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "VOO", "3", "10.00").lotId("A")
          .sell("2025-06-09", "lin", "VOO", "3", "8.99").lotId("A")
          .buy("2025-06-10", "wei", "VOO", "0.25", "9.00").lotId("R1")
          .buy("2025-06-11", "wei", "VOO", "0.25", "9.00").lotId("R2")
          .buy("2025-06-12", "wei", "VOO", "0.25", "9.00").lotId("R3")
          .replayOk();

      Disposal sale = disposal(result, "A");
      assertThat(sale.economicGain()).isEqualByComparingTo("-3.03");
      assertThat(sale.disallowed()).isEqualByComparingTo("0.76");
      assertThat(result.washSales()).extracting(WashSale::disallowed)
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactly(new BigDecimal("0.25"), new BigDecimal("0.26"), new BigDecimal("0.25"));
      assertThat(lot(result, "R1").costBasis()).isEqualByComparingTo("2.50");
      assertThat(lot(result, "R2").costBasis()).isEqualByComparingTo("2.51");
      assertThat(lot(result, "R3").costBasis()).isEqualByComparingTo("2.50");
    }
  }

  @Nested
  class AcrossAccounts {

    @Test
    void test_spouseBuysIdenticalGroupMember_washesPart_andTacksHoldingPeriod() {
      // examples/wash-sales step 2: Wei buys 60 IVV (group sp500 with VOO) on 2025-06-23.
      // 60 of 100 shares washed: 5,000 × 60/100 = 3,000 added to his lot: 27,300 → 30,300.
      // Lot A was held 2025-01-10 .. 2025-06-09 = 150 days; 2025-06-23 − 150 days = 2025-01-24.
      LedgerResult result = linSellsVooAtALoss()
          .buy("2025-06-23", "wei", "IVV", "60", "455.00").lotId("C")
          .replayOk();

      Disposal sale = disposal(result, "A");
      assertThat(sale.disallowed()).isEqualByComparingTo("3000.00");
      assertThat(sale.gain()).isEqualByComparingTo("-2000.00");
      Lot c = lot(result, "C");
      assertThat(c.costBasis()).isEqualByComparingTo("30300.00");
      assertThat(c.holdingSince()).isEqualTo(date("2025-01-24"));
      assertThat(result.washSales()).singleElement().satisfies(w -> {
        assertThat(w.saleSymbol().value()).isEqualTo("VOO");
        assertThat(w.replacementSymbol().value()).isEqualTo("IVV");
        assertThat(w.replacementAccount().value()).isEqualTo("wei");
        assertThat(w.tackedDays()).isEqualTo(150);
      });
    }

    @Test
    void test_replacementInEachTaxAdvantagedType_isPermanent() {
      for (String account : new String[] {"wei-ira", "lin-roth", "wei-hsa"}) {
        LedgerResult result = linSellsVooAtALoss()
            .buy("2025-06-30", account, "VOO", "40", "460.00").lotId("R")
            .replayOk();

        // 40 × 50 = 2,000 disallowed for good; the replacement keeps its 18,400 basis and its own dates.
        Disposal sale = disposal(result, "A");
        assertThat(sale.disallowed()).as(account).isEqualByComparingTo("2000.00");
        assertThat(sale.permanentlyDisallowed()).as(account).isEqualByComparingTo("2000.00");
        assertThat(lot(result, "R").costBasis()).as(account).isEqualByComparingTo("18400.00");
        assertThat(lot(result, "R").holdingSince()).as(account).isEqualTo(date("2025-06-30"));
      }
    }

    @Test
    void test_worksExampleOfTheRepository() {
      // examples/wash-sales/README.md steps 1–3 and 5: 3,000 to Wei's IVV lot, 2,000 lost in his IRA,
      // and his IVV sold 2026-02-02 at 520: 31,200 − 30,300 = 900, long-term thanks to the tacked period.
      LedgerResult result = linSellsVooAtALoss()
          .buy("2025-06-23", "wei", "IVV", "60", "455.00").lotId("C")
          .buy("2025-06-30", "wei-ira", "VOO", "40", "460.00").lotId("IRA")
          .sell("2026-02-02", "wei", "IVV", "60", "520.00")
          .replayOk();

      Disposal a = result.disposals().get(0);
      assertThat(a.disallowed()).isEqualByComparingTo("5000.00");
      assertThat(a.permanentlyDisallowed()).isEqualByComparingTo("2000.00");
      assertThat(a.gain()).isEqualByComparingTo("0");
      Disposal c = disposal(result, "C");
      assertThat(c.gain()).isEqualByComparingTo("900.00");
      assertThat(c.term()).isEqualTo(Term.LONG);
      assertThat(lot(result, "IRA").costBasis()).isEqualByComparingTo("18400.00");
    }

    @Test
    void test_saleInAnIraAtALoss_isNotAWashSale() {
      // A sale inside an IRA realizes nothing, so there is no loss to disallow.
      LedgerResult result = household()
          .buy("2025-01-10", "wei-ira", "VOO", "10", "500.00").lotId("I")
          .sell("2025-06-09", "wei-ira", "VOO", "10", "450.00")
          .buy("2025-06-10", "wei-ira", "VOO", "10", "451.00").lotId("I2")
          .buy("2025-06-10", "wei", "VOO", "10", "451.00").lotId("T")
          .replayOk();

      Disposal sale = disposal(result, "I");
      assertThat(sale.taxable()).isFalse();
      assertThat(sale.disallowed()).isEqualByComparingTo("0");
      assertThat(result.washSales()).isEmpty();
      assertThat(lot(result, "I2").costBasis()).isEqualByComparingTo("4510.00");
      assertThat(lot(result, "T").replacement()).isFalse();
    }
  }

  @Nested
  class ReinvestedDividends {

    @Test
    void test_dripReplacesAFewShares_partialWash() {
      // examples/wash-sales step 4: Lin sells 200 BND bought 2024-03-01 for 16,000 at 72 on 2025-11-14:
      // a 1,600 long-term loss, 8 a share. 2.5 shares reinvested in her Roth (2025-11-28) wash 20.00
      // for good; 1.5 reinvested in Wei's taxable account (2025-12-01) wash 12.00 into that lot.
      LedgerResult result = household()
          .open("lin", "BND", "200", "16000", "2024-03-01").lotId("B")
          .sell("2025-11-14", "lin", "BND", "200", "72.00")
          .reinvest("2025-11-28", "lin-roth", "BND", "2.5", "72.40").lotId("ROTH-DRIP")
          .reinvest("2025-12-01", "wei", "BND", "1.5", "72.60").lotId("WEI-DRIP")
          .replayOk();

      Disposal sale = disposal(result, "B");
      assertThat(sale.term()).isEqualTo(Term.LONG);
      assertThat(sale.disallowed()).isEqualByComparingTo("32.00");
      assertThat(sale.permanentlyDisallowed()).isEqualByComparingTo("20.00");
      assertThat(sale.gain()).isEqualByComparingTo("-1568.00");
      assertThat(lot(result, "ROTH-DRIP").costBasis()).isEqualByComparingTo("181.00");
      // 1.5 × 72.60 = 108.90 + 12.00; held since 2024-03-01 + (2025-12-01 − 2025-11-14): long-term at once
      Lot drip = lot(result, "WEI-DRIP");
      assertThat(drip.costBasis()).isEqualByComparingTo("120.90");
      assertThat(drip.term(date("2025-12-02"))).isEqualTo(Term.LONG);
    }

    @Test
    void test_dividendsReinvestedAcrossTheLoss_roundToTheCent_lastTakesTheRemainder() {
      // 3 shares with a 100.00 loss (33.333... a share); three 1-share reinvestments wash
      // 100 × 1/3 = 33.33, then 66.67 × 1/2 = 33.335 → 33.34, then the remaining 33.33.
      LedgerResult result = household()
          .buy("2025-03-03", "lin", "X", "3", "100.00").lotId("L")
          .sellFor("2025-04-01", "lin", "X", "3", "200.00")
          .reinvest("2025-04-05", "lin", "X", "1", "70").lotId("D1")
          .reinvest("2025-04-10", "lin", "X", "1", "70").lotId("D2")
          .reinvest("2025-04-15", "lin", "X", "1", "70").lotId("D3")
          .replayOk();

      assertThat(result.washSales()).extracting(WashSale::disallowed).usingElementComparator(BigDecimal::compareTo)
          .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.34"), new BigDecimal("33.33"));
      assertThat(disposal(result, "L").disallowed()).isEqualByComparingTo("100.00");
      assertThat(disposal(result, "L").gain()).isEqualByComparingTo("0");
    }
  }

  @Nested
  class Window {

    @Test
    void test_lookBack_purchaseBeforeTheSaleWashes() {
      // Wei's 30 VOO bought 2025-05-10, 30 days before Lin's sale on 2025-06-09: 30 × 50 = 1,500.
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "VOO", "100", "500.00").lotId("A")
          .buy("2025-05-10", "wei", "VOO", "30", "470.00").lotId("EARLY")
          .sell("2025-06-09", "lin", "VOO", "100", "450.00")
          .replayOk();

      assertThat(disposal(result, "A").disallowed()).isEqualByComparingTo("1500.00");
      assertThat(lot(result, "EARLY").costBasis()).isEqualByComparingTo("15600.00");
      assertThat(result.washSales().get(0).explain()).contains("before the sale");
    }

    @Test
    void test_lookBack_dividendReinvestedInTheIraBeforeTheSale_isPermanent() {
      // 2 VOO reinvested in Wei's IRA on 2025-05-30, 10 days before Lin's loss sale: 2 × 50 = 100
      // lost for good, the IRA lot's basis stays 2 × 465 = 930.
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "VOO", "100", "500.00").lotId("A")
          .reinvest("2025-05-30", "wei-ira", "VOO", "2", "465.00").lotId("DRIP")
          .sell("2025-06-09", "lin", "VOO", "100", "450.00")
          .replayOk();

      assertThat(disposal(result, "A").disallowed()).isEqualByComparingTo("100.00");
      assertThat(disposal(result, "A").permanentlyDisallowed()).isEqualByComparingTo("100.00");
      assertThat(lot(result, "DRIP").costBasis()).isEqualByComparingTo("930.00");
      assertThat(lot(result, "DRIP").replacement()).isTrue();
    }

    @Test
    void test_lookBack_day31Before_isNotAReplacement() {
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "VOO", "100", "500.00").lotId("A")
          .buy("2025-05-09", "wei", "VOO", "30", "470.00").lotId("EARLY")
          .sell("2025-06-09", "lin", "VOO", "100", "450.00")
          .replayOk();

      assertThat(disposal(result, "A").washed()).isFalse();
      assertThat(lot(result, "EARLY").replacement()).isFalse();
    }

    @Test
    void test_lookForward_day30After_washes_day31After_doesNot() {
      LedgerResult day30 = linSellsVooAtALoss().buy("2025-07-09", "wei", "VOO", "10", "440").replayOk();
      LedgerResult day31 = linSellsVooAtALoss().buy("2025-07-10", "wei", "VOO", "10", "440").replayOk();

      assertThat(disposal(day30, "A").disallowed()).isEqualByComparingTo("500.00");
      assertThat(disposal(day31, "A").disallowed()).isEqualByComparingTo("0");
      assertThat(day31.washSales()).isEmpty();
    }

    @Test
    void test_sameDay_purchaseAfterTheSaleRow_washes() {
      LedgerResult result = linSellsVooAtALoss().buy("2025-06-09", "lin", "VOO", "10", "450").lotId("SAME").replayOk();

      assertThat(disposal(result, "A").disallowed()).isEqualByComparingTo("500.00");
      assertThat(lot(result, "SAME").costBasis()).isEqualByComparingTo("5000.00");
    }

    @Test
    void test_replacementBoughtBeforeButSoldBeforeTheLossSale_noLongerCounts() {
      // Documented choice (see Replay): look-back considers shares still held at the time of the sale.
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "VOO", "100", "500.00").lotId("A")
          .buy("2025-05-20", "wei", "VOO", "30", "440.00").lotId("EARLY")
          .sell("2025-06-01", "wei", "VOO", "30", "455.00")
          .sell("2025-06-09", "lin", "VOO", "100", "450.00")
          .replayOk();

      assertThat(disposal(result, "A").washed()).isFalse();
    }
  }

  @Nested
  class WhichSharesReplace {

    @Test
    void test_identicalGroup_membersWashEachOther_otherGroupsDoNot() {
      // VOO and IVV are in group sp500; VTI is in total_us.
      LedgerResult ivv = linSellsVooAtALoss().buy("2025-06-20", "lin", "IVV", "100", "455").replayOk();
      LedgerResult vti = linSellsVooAtALoss().buy("2025-06-20", "lin", "VTI", "100", "290").replayOk();
      LedgerResult ivvSoldVooBought = household()
          .buy("2025-01-10", "lin", "IVV", "10", "500.00").lotId("I")
          .sell("2025-06-09", "lin", "IVV", "10", "450.00")
          .buy("2025-06-20", "lin", "VOO", "10", "455")
          .replayOk();

      assertThat(disposal(ivv, "A").disallowed()).isEqualByComparingTo("5000.00");
      assertThat(disposal(vti, "A").disallowed()).isEqualByComparingTo("0");
      assertThat(disposal(ivvSoldVooBought, "I").disallowed()).isEqualByComparingTo("500.00");
    }

    @Test
    void test_securityWithoutGroup_isIdenticalOnlyToItself() {
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "BND", "10", "80.00").lotId("B")
          .sell("2025-06-09", "lin", "BND", "10", "70.00")
          .buy("2025-06-10", "lin", "VXUS", "10", "60.00")
          .buy("2025-06-10", "lin", "X", "10", "60.00")
          .replayOk();

      assertThat(result.washSales()).isEmpty();
    }

    @Test
    void test_restOfTheVeryPurchase_isNotAReplacement() {
      // Rev. Rul. 56-602: shares bought in the same lot as the shares sold do not replace them.
      LedgerResult result = household()
          .buy("2025-05-01", "lin", "VOO", "100", "500.00").lotId("A")
          .sell("2025-05-11", "lin", "VOO", "50", "450.00")
          .replayOk();

      assertThat(disposal(result, "A").washed()).isFalse();
      assertThat(lot(result, "A").quantity()).isEqualByComparingTo("50");
      assertThat(lot(result, "A").replacement()).isFalse();
    }

    @Test
    void test_anotherPurchaseInTheWindow_isAReplacementButTheSoldLotsRestIsNot() {
      // A: 100 bought 2025-05-01; B: 100 bought 2025-05-05. 50 of A sold at a 50 loss a share on
      // 2025-05-11: 50 of B replace them (2,500), A's other 50 do not.
      LedgerResult result = household()
          .buy("2025-05-01", "lin", "VOO", "100", "500.00").lotId("A")
          .buy("2025-05-05", "lin", "VOO", "100", "480.00").lotId("B")
          .sell("2025-05-11", "lin", "VOO", "50", "450.00").lotId("A")
          .replayOk();

      assertThat(disposal(result, "A").disallowed()).isEqualByComparingTo("2500.00");
      assertThat(lot(result, "A").replacement()).isFalse();
      assertThat(lots(result, "lin", "VOO")).extracting(l -> l.id().value() + " " + l.quantity().intValue()
          + (l.replacement() ? " replacement" : "") + " " + l.costBasis().toPlainString())
          .containsExactly("A 50 25000.00", "B.1 50 replacement 26500.00", "B 50 24000.00");
    }

    @Test
    void test_soldSharesAreNotReplacements() {
      // Everything bought in the window is sold in the same sale: nothing is left to replace the loss.
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "VOO", "100", "500.00").lotId("OLD")
          .buy("2025-05-20", "lin", "VOO", "50", "470.00").lotId("NEW")
          .sell("2025-06-09", "lin", "VOO", "150", "450.00")
          .replayOk();

      assertThat(result.disposals()).hasSize(2).allSatisfy(d -> assertThat(d.washed()).isFalse());
      assertThat(result.lots()).isEmpty();
    }

    @Test
    void test_inheritedSharesAreNotReplacements() {
      // Only shares acquired by purchase replace (IRC §1091(a): "acquired by purchase or by an
      // exchange"); an inheritance before or after the sale does not.
      LedgerResult after = linSellsVooAtALoss().inherit("2025-06-20", "wei", "VOO", "100", "45500").replayOk();
      LedgerResult before = household()
          .buy("2025-01-10", "lin", "VOO", "100", "500.00").lotId("A")
          .inherit("2025-06-01", "wei", "VOO", "100", "45500").lotId("INH")
          .sell("2025-06-09", "lin", "VOO", "100", "450.00")
          .replayOk();
      LedgerResult openingInherited = household()
          .buy("2025-01-10", "lin", "VOO", "100", "500.00").lotId("A")
          .openInherited("wei", "VOO", "100", "45500", "2025-06-01")
          .sell("2025-06-09", "lin", "VOO", "100", "450.00")
          .replayOk();

      assertThat(after.washSales()).isEmpty();
      assertThat(before.washSales()).isEmpty();
      assertThat(lot(before, "INH").replacement()).isFalse();
      assertThat(openingInherited.washSales()).isEmpty();
    }

    @Test
    void test_openingLotAcquiredInTheWindow_isAReplacement() {
      LedgerResult result = household()
          .open("lin", "VOO", "100", "50000", "2025-01-10").lotId("A")
          .open("wei", "VOO", "20", "9400", "2025-05-25").lotId("W")
          .sell("2025-06-09", "lin", "VOO", "100", "450.00")
          .replayOk();

      assertThat(disposal(result, "A").disallowed()).isEqualByComparingTo("1000.00");
      assertThat(lot(result, "W").costBasis()).isEqualByComparingTo("10400.00");
    }

    @Test
    void test_aGainIsNeverWashed() {
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "VOO", "100", "400.00").lotId("A")
          .sell("2025-06-09", "lin", "VOO", "100", "450.00")
          .buy("2025-06-10", "lin", "VOO", "100", "451.00").lotId("R")
          .replayOk();

      assertThat(result.washSales()).isEmpty();
      assertThat(lot(result, "R").replacement()).isFalse();
    }

    @Test
    void test_oneSaleOfTwoLossLots_eachLotWashedOnItsOwn() {
      // One sale of 20 at 90 relieves L1 (10 at 100: −100) and L2 (10 at 95: −50); 20 bought a week
      // later replace both, L1's shares first (the order the sale relieved them).
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "X", "10", "100").lotId("L1")
          .buy("2025-02-10", "lin", "X", "10", "95").lotId("L2")
          .sell("2025-06-09", "lin", "X", "20", "90")
          .buy("2025-06-16", "wei", "X", "15", "91").lotId("R1")
          .buy("2025-06-17", "wei", "X", "5", "91").lotId("R2")
          .replayOk();

      assertThat(disposal(result, "L1").disallowed()).isEqualByComparingTo("100");
      assertThat(disposal(result, "L2").disallowed()).isEqualByComparingTo("50");
      assertThat(result.washSales()).extracting(w -> w.soldLot() + "→" + w.replacementLot() + " " + w.quantity().intValue())
          .containsExactly("L1→R1.1 10", "L2→R1 5", "L2→R2 5");
    }

    @Test
    void test_lossOnOneLot_notNettedAgainstGainOnAnother() {
      // One sale of 200 at 60: FIFO relieves G (bought at 50: +1,000) and L (bought at 70: −1,000).
      // The economic result nets to zero, but L's loss is washed in full by the 100 bought a week
      // later, and G's gain stays: 1,000 reported.
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "X", "100", "50").lotId("G")
          .buy("2025-02-10", "lin", "X", "100", "70").lotId("L")
          .sell("2025-06-09", "lin", "X", "200", "60")
          .buy("2025-06-16", "lin", "X", "100", "61").lotId("R")
          .replayOk();

      assertThat(disposal(result, "G").gain()).isEqualByComparingTo("1000");
      assertThat(disposal(result, "G").washed()).isFalse();
      assertThat(disposal(result, "L").disallowed()).isEqualByComparingTo("1000");
      assertThat(disposal(result, "L").gain()).isEqualByComparingTo("0");
      assertThat(lot(result, "R").costBasis()).isEqualByComparingTo("7100");
    }
  }

  @Nested
  class Matching {

    @Test
    void test_laterPurchase_matchesEarlierLossSaleFirst() {
      // Lin loses 10 a share on 100 (2025-06-02), Wei 5 a share on 100 (2025-06-04); 150 bought on
      // 2025-06-10: the first 100 replace Lin's sale (1,000), the next 50 half of Wei's (250).
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "X", "100", "100").lotId("LIN")
          .buy("2025-01-10", "wei", "X", "100", "95").lotId("WEI")
          .sell("2025-06-02", "lin", "X", "100", "90")
          .sell("2025-06-04", "wei", "X", "100", "90")
          .buy("2025-06-10", "wei-ira", "X", "150", "91").lotId("R")
          .replayOk();

      assertThat(disposal(result, "LIN").disallowed()).isEqualByComparingTo("1000");
      assertThat(disposal(result, "WEI").disallowed()).isEqualByComparingTo("250");
      assertThat(result.washSales()).extracting(w -> w.soldLot().value() + " " + w.quantity().intValue())
          .containsExactly("LIN 100", "WEI 50");
    }

    @Test
    void test_lossSalesOfOneDay_matchedInFileOrder() {
      LedgerResult result = household()
          .buy("2025-01-10", "wei", "X", "100", "95").lotId("WEI")
          .buy("2025-01-10", "lin", "X", "100", "100").lotId("LIN")
          .sell("2025-06-02", "wei", "X", "100", "90")
          .sell("2025-06-02", "lin", "X", "100", "90")
          .buy("2025-06-10", "lin", "X", "100", "91")
          .replayOk();

      assertThat(disposal(result, "WEI").disallowed()).isEqualByComparingTo("500");
      assertThat(disposal(result, "LIN").washed()).isFalse();
    }

    @Test
    void test_eachReplacementShareServesOnce() {
      // 100 shares bought 2025-05-20 replace 60 of the first loss sale and the 40 they have left the
      // second; the second's other 20 wait for the reinvestment of 2025-06-20.
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "X", "60", "100").lotId("S1")
          .buy("2025-01-11", "lin", "X", "60", "100").lotId("S2")
          .buy("2025-05-20", "wei", "X", "100", "92").lotId("R")
          .sell("2025-06-02", "lin", "X", "60", "90").lotId("S1")
          .sell("2025-06-03", "lin", "X", "60", "90").lotId("S2")
          .reinvest("2025-06-20", "wei", "X", "30", "91").lotId("D")
          .replayOk();

      assertThat(disposal(result, "S1").disallowed()).isEqualByComparingTo("600");
      assertThat(disposal(result, "S2").disallowed()).isEqualByComparingTo("600");
      assertThat(result.washSales()).extracting(w -> w.soldLot().value() + "→" + w.replacementLot().value() + " "
          + w.quantity().intValue())
          .containsExactly("S1→R.1 60", "S2→R 40", "S2→D.1 20");
      // R: 9,200 + 600 + 400; D: 20 of 30 replaced (+200)
      assertThat(lots(result, "wei", "X").stream().map(Lot::costBasis).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo(new BigDecimal("9200").add(new BigDecimal("2730")).add(new BigDecimal("1200")));
    }

    @Test
    void test_sharesThatAlreadyReplacedAreNotUsedAgain() {
      // R replaces the loss of 2025-06-02; the second loss sale, 2025-06-20, finds no free replacement.
      LedgerResult result = household()
          .buy("2025-01-10", "lin", "X", "100", "100").lotId("S1")
          .buy("2025-01-11", "wei", "X", "100", "100").lotId("S2")
          .sell("2025-06-02", "lin", "X", "100", "90").lotId("S1")
          .buy("2025-06-05", "lin", "X", "100", "91").lotId("R")
          .sell("2025-06-20", "wei", "X", "100", "90").lotId("S2")
          .replayOk();

      assertThat(disposal(result, "S1").disallowed()).isEqualByComparingTo("1000");
      assertThat(disposal(result, "S2").washed()).isFalse();
    }
  }

  @Nested
  class Chains {

    @Test
    void test_replacementSoldAtALossAndReplacedAgain_adjustmentCarries() {
      // A: 100 at 100 (2025-01-02), sold at 90 on 2025-02-03: loss 1,000.
      // R1: 100 at 92 on 2025-02-10: basis 9,200 + 1,000 = 10,200; held since 2025-02-10 − 32 = 2025-01-09.
      // R1 sold at 85 on 2025-03-03: 8,500 − 10,200 = −1,700, all washed by
      // R2: 100 at 86 on 2025-03-10: 8,600 + 1,700 = 10,300; tacked 2025-01-09 .. 2025-03-03 = 53 days.
      // R2 sold at 110 on 2025-04-01: 11,000 − 10,300 = 700, which is also the economic result:
      // (9,000 − 10,000) + (8,500 − 9,200) + (11,000 − 8,600) = 700.
      LedgerResult result = household()
          .buy("2025-01-02", "lin", "X", "100", "100").lotId("A")
          .sell("2025-02-03", "lin", "X", "100", "90")
          .buy("2025-02-10", "lin", "X", "100", "92").lotId("R1")
          .sell("2025-03-03", "lin", "X", "100", "85")
          .buy("2025-03-10", "lin", "X", "100", "86").lotId("R2")
          .sell("2025-04-01", "lin", "X", "100", "110")
          .replayOk();

      assertThat(disposal(result, "A").disallowed()).isEqualByComparingTo("1000");
      Disposal r1 = disposal(result, "R1");
      assertThat(r1.costBasis()).isEqualByComparingTo("10200");
      assertThat(r1.basisWashAdjustment()).isEqualByComparingTo("1000");
      assertThat(r1.holdingSince()).isEqualTo(date("2025-01-09"));
      assertThat(r1.disallowed()).isEqualByComparingTo("1700");
      Disposal r2 = disposal(result, "R2");
      assertThat(r2.costBasis()).isEqualByComparingTo("10300");
      assertThat(r2.holdingSince()).isEqualTo(date("2025-01-16"));
      assertThat(r2.gain()).isEqualByComparingTo("700");
      assertThat(result.disposals().stream().map(Disposal::gain).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo("700");
      assertThat(result.washSales()).extracting(WashSale::tackedDays).containsExactly(32L, 53L);
    }

    @Test
    void test_chainIntoAnIra_endsThePermanentLoss() {
      // The carried 1,000 in R1's basis is part of R1's loss when R1 is sold; an IRA purchase then
      // makes the whole 1,700 permanent.
      LedgerResult result = household()
          .buy("2025-01-02", "lin", "X", "100", "100").lotId("A")
          .sell("2025-02-03", "lin", "X", "100", "90")
          .buy("2025-02-10", "lin", "X", "100", "92").lotId("R1")
          .sell("2025-03-03", "lin", "X", "100", "85")
          .buy("2025-03-10", "wei-ira", "X", "100", "86").lotId("IRA")
          .replayOk();

      assertThat(disposal(result, "R1").permanentlyDisallowed()).isEqualByComparingTo("1700");
      assertThat(lot(result, "IRA").costBasis()).isEqualByComparingTo("8600");
    }
  }

  @Nested
  class HoldingPeriods {

    @Test
    void test_tackedHoldingPeriod_decidesTheTermOfTheLaterSale() {
      // Sold lot held 2024-06-01 .. 2024-10-30 = 151 days; replacement bought 14 days later, on
      // 2024-11-13, is held since 2024-11-13 − 151 days = 2024-06-15 and is long-term from 2025-06-16.
      LedgerScenario scenario = household()
          .buy("2024-06-01", "lin", "X", "10", "100").lotId("OLD")
          .sell("2024-10-30", "lin", "X", "10", "90")
          .buy("2024-11-13", "lin", "X", "10", "91").lotId("NEW");

      LedgerResult booked = scenario.replayOk();
      assertThat(result(booked).tackedDays()).isEqualTo(151);
      assertThat(lot(booked, "NEW").holdingSince()).isEqualTo(date("2024-06-15"));
      assertThat(lot(booked, "NEW").longTermFrom()).isEqualTo(date("2025-06-16"));

      LedgerResult longTerm = scenario.sell("2025-06-16", "lin", "X", "10", "95").replayOk();
      assertThat(disposal(longTerm, "NEW").term()).isEqualTo(Term.LONG);
      assertThat(disposal(longTerm, "NEW").gain()).as("950 − (910 + 100)").isEqualByComparingTo("-60");
    }

    @Test
    void test_tackedHoldingPeriod_dayBeforeIsShortTerm() {
      LedgerResult result = household()
          .buy("2024-06-01", "lin", "X", "10", "100").lotId("OLD")
          .sell("2024-10-30", "lin", "X", "10", "90")
          .buy("2024-11-13", "lin", "X", "10", "91").lotId("NEW")
          .sell("2025-06-15", "lin", "X", "10", "95")
          .replayOk();

      assertThat(disposal(result, "NEW").term()).isEqualTo(Term.SHORT);
    }

    @Test
    void test_lossOnInheritedShares_replacementIsLongTerm() {
      // Inherited shares count as held more than a year (IRC §1223(9)); so do their replacements.
      LedgerResult result = household()
          .inherit("2025-05-01", "lin", "X", "10", "1000").lotId("INH")
          .sell("2025-05-20", "lin", "X", "10", "90")
          .buy("2025-05-27", "lin", "X", "10", "91").lotId("NEW")
          .sell("2025-05-28", "lin", "X", "10", "92")
          .replayOk();

      assertThat(disposal(result, "INH").term()).isEqualTo(Term.LONG);
      assertThat(disposal(result, "INH").disallowed()).isEqualByComparingTo("100");
      assertThat(disposal(result, "NEW").term()).isEqualTo(Term.LONG);
      assertThat(disposal(result, "NEW").gain()).as("920 − (910 + 100)").isEqualByComparingTo("-90");
    }

    @Test
    void test_partialReplacement_onlyTheReplacementSharesAreTacked() {
      // 4 of the 10 new shares replace the 4 sold; the other 6 keep their own holding period.
      LedgerResult result = household()
          .buy("2024-06-01", "lin", "X", "4", "100").lotId("OLD")
          .sell("2024-10-30", "lin", "X", "4", "90")
          .buy("2024-11-13", "lin", "X", "10", "91").lotId("NEW")
          .replayOk();

      assertThat(lots(result, "lin", "X")).extracting(l -> l.id().value() + " " + l.quantity().intValue() + " "
          + l.holdingSince() + " " + l.costBasis().toPlainString())
          .containsExactly("NEW.1 4 2024-06-15 404.00", "NEW 6 2024-11-13 546.00");
    }
  }

  private static WashSale result(LedgerResult result) {
    assertThat(result.washSales()).hasSize(1);
    return result.washSales().get(0);
  }

  @Test
  void test_totalDisallowed_isTheSumOverDisposals() {
    LedgerResult result = linSellsVooAtALoss()
        .buy("2025-06-23", "wei", "IVV", "60", "455.00")
        .buy("2025-06-30", "wei-ira", "VOO", "40", "460.00")
        .replayOk();

    assertThat(totalDisallowed(result)).isEqualByComparingTo("5000.00");
    assertThat(result.washSales().stream().map(WashSale::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("5000.00");
  }
}
