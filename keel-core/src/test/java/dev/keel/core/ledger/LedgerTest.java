package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.cash;
import static dev.keel.core.ledger.LedgerScenario.date;
import static dev.keel.core.ledger.LedgerScenario.disposal;
import static dev.keel.core.ledger.LedgerScenario.lot;
import static dev.keel.core.ledger.LedgerScenario.lots;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.Term;
import dev.keel.core.testkit.HouseholdBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link Ledger}: cash and share bookkeeping, lot identification, and rows that cannot be
 * booked. Lot ordering by method is in {@link LotSelectorTest}, wash sales in {@link
 * WashSalePublication550Test} and {@link WashSaleHouseholdTest}.
 */
class LedgerTest {

  private static final Household ONE_TAXABLE =
      HouseholdBuilder.household().taxable("joint").cash("10000").build();

  private static LedgerScenario joint() {
    return LedgerScenario.of(ONE_TAXABLE);
  }

  @Nested
  class Cash {

    @Test
    void test_replay_everyCashAction() {
      // 10,000.00 opening
      // + 5,000.00 deposit                               = 15,000.00
      // − (10 × 250.00 = 2,500.00 + 4.95 fees) buy       = 12,495.05
      // + (4 × 260.00 = 1,040.00 − 4.95 fees) sell       = 13,530.10
      // + 12.34 dividend + 1.00 interest                 = 13,543.44
      // − 25.00 fee − 1,000.00 withdrawal                = 12,518.44
      LedgerResult result = joint()
          .deposit("2025-01-02", "joint", "5000")
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").fees("4.95")
          .sell("2025-02-03", "joint", "VTI", "4", "260.00").fees("4.95")
          .dividend("2025-03-03", "joint", "12.34")
          .interest("2025-03-31", "joint", "1.00")
          .fee("2025-04-01", "joint", "25")
          .withdraw("2025-04-02", "joint", "1000")
          .replayOk();

      assertThat(cash(result, "joint")).isEqualByComparingTo("12518.44");
      assertThat(result.cash()).isEqualByComparingTo("12518.44");
      assertThat(result.income()).extracting(Income::action).containsExactly(Action.DIVIDEND, Action.INTEREST);
      assertThat(result.income()).extracting(Income::amount).usingElementComparator(BigDecimal::compareTo)
          .containsExactly(new BigDecimal("12.34"), new BigDecimal("1.00"));
    }

    @Test
    void test_buyAndSell_feesAddToBasisAndReduceProceeds() {
      // buy: basis = 2,500.00 + 4.95 = 2,504.95
      // sell 4 of 10: basis relieved = 2,504.95 × 4/10 = 1,001.98; proceeds = 1,040.00 − 4.95 = 1,035.05
      // gain = 1,035.05 − 1,001.98 = 33.07; the 6 shares left keep 2,504.95 − 1,001.98 = 1,502.97
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").fees("4.95").lotId("A")
          .sell("2025-02-03", "joint", "VTI", "4", "260.00").fees("4.95")
          .replayOk();

      Disposal sold = disposal(result, "A");
      assertThat(sold.quantity()).isEqualByComparingTo("4");
      assertThat(sold.costBasis()).isEqualByComparingTo("1001.98");
      assertThat(sold.proceeds()).isEqualByComparingTo("1035.05");
      assertThat(sold.gain()).isEqualByComparingTo("33.07");
      assertThat(sold.term()).isEqualTo(Term.SHORT);
      assertThat(sold.taxable()).isTrue();
      assertThat(sold.washed()).isFalse();
      assertThat(sold.source()).isEqualTo(SourceRef.of("transactions.csv", 3));

      Lot left = lot(result, "A");
      assertThat(left.quantity()).isEqualByComparingTo("6");
      assertThat(left.costBasis()).isEqualByComparingTo("1502.97");
    }

    @Test
    void test_buy_byAmount_usesAmountAsGross() {
      // 3 shares for 100.00 gross: price per share is 33.333...; basis 100.00 + 1.00 fee
      LedgerResult result = joint().buyFor("2025-01-03", "joint", "VTI", "3", "100.00").fees("1.00").replayOk();

      assertThat(lots(result, "joint", "VTI")).singleElement()
          .satisfies(l -> assertThat(l.costBasis()).isEqualByComparingTo("101.00"));
      assertThat(cash(result, "joint")).isEqualByComparingTo("9899.00");
    }

    @Test
    void test_buy_priceTimesQuantityRoundedToCents() {
      // 3 × 33.335 = 100.005 → 100.01 (half-up), as a broker's confirmation rounds it
      LedgerResult result = joint().buy("2025-01-03", "joint", "VTI", "3", "33.335").replayOk();

      assertThat(lots(result, "joint", "VTI").get(0).costBasis()).isEqualByComparingTo("100.01");
      assertThat(cash(result, "joint")).isEqualByComparingTo("9899.99");
    }

    @Test
    void test_reinvest_isAPurchaseAndLeavesCashUnchanged() {
      // 0.5 × 262.40 = 131.20 of dividend buys shares at once: income 131.20, a new lot, cash unchanged
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00")
          .reinvest("2025-03-28", "joint", "VTI", "0.5", "262.40")
          .replayOk();

      assertThat(cash(result, "joint")).isEqualByComparingTo("7500.00");
      List<Lot> vti = lots(result, "joint", "VTI");
      assertThat(vti).hasSize(2);
      assertThat(vti.get(1).quantity()).isEqualByComparingTo("0.5");
      assertThat(vti.get(1).costBasis()).isEqualByComparingTo("131.20");
      assertThat(vti.get(1).acquired()).isEqualTo(date("2025-03-28"));
      assertThat(result.income()).singleElement().satisfies(i -> {
        assertThat(i.action()).isEqualTo(Action.REINVEST);
        assertThat(i.amount()).isEqualByComparingTo("131.20");
        assertThat(i.symbol()).contains(Symbol.of("VTI"));
      });
      assertThat(result.acquisitions()).extracting(Acquisition::date)
          .containsExactly(date("2025-01-03"), date("2025-03-28"));
    }

    @Test
    void test_reinvest_feesComeOutOfCashAndAddToBasis() {
      LedgerResult result = joint().reinvest("2025-03-28", "joint", "VTI", "1", "262.40").fees("0.60").replayOk();

      assertThat(cash(result, "joint")).isEqualByComparingTo("9999.40");
      assertThat(lots(result, "joint", "VTI").get(0).costBasis()).isEqualByComparingTo("263.00");
    }

    @Test
    void test_inherit_noCashAlwaysLongTerm() {
      // IRC §1223(9): inherited property is long-term however briefly held.
      LedgerResult result = joint()
          .inherit("2025-05-01", "joint", "VTI", "10", "2000.00").lotId("INH")
          .sell("2025-05-02", "joint", "VTI", "10", "205.00")
          .replayOk();

      Disposal sold = disposal(result, "INH");
      assertThat(sold.inherited()).isTrue();
      assertThat(sold.term()).isEqualTo(Term.LONG);
      assertThat(sold.costBasis()).isEqualByComparingTo("2000.00");
      assertThat(sold.gain()).isEqualByComparingTo("50.00");
      assertThat(cash(result, "joint")).isEqualByComparingTo("12050.00");
      assertThat(result.acquisitions()).as("an inheritance is not a purchase").isEmpty();
    }

    @Test
    void test_inherit_feesComeOutOfCash() {
      // Fees add to basis, as on every other acquisition, and are paid from the account's cash.
      LedgerResult result = joint().inherit("2025-05-01", "joint", "VTI", "10", "2000.00").fees("25.00").replayOk();

      assertThat(lots(result, "joint", "VTI").get(0).costBasis()).isEqualByComparingTo("2025.00");
      assertThat(cash(result, "joint")).isEqualByComparingTo("9975.00");
    }

    @Test
    void test_openingInheritedLotWithoutDate_isLongTerm() {
      LedgerResult result = joint()
          .openInherited("joint", "VTI", "10", "1500", null).lotId("OLD")
          .sell("2025-05-02", "joint", "VTI", "10", "205.00")
          .replayOk();

      Disposal sold = disposal(result, "OLD");
      assertThat(sold.term()).isEqualTo(Term.LONG);
      assertThat(sold.acquired()).isNull();
      assertThat(sold.gain()).isEqualByComparingTo("550.00");
    }

    @Test
    void test_sale_inIra_realizesNothingTaxable() {
      Household household = HouseholdBuilder.household().traditional("ira").cash("5000").build();

      LedgerResult result = LedgerScenario.of(household)
          .buy("2025-01-03", "ira", "VTI", "10", "250.00").lotId("I")
          .sell("2025-02-03", "ira", "VTI", "10", "240.00")
          .replayOk();

      Disposal sold = disposal(result, "I");
      assertThat(sold.taxable()).isFalse();
      assertThat(sold.washed()).isFalse();
      assertThat(cash(result, "ira")).isEqualByComparingTo("4900.00");
    }
  }

  /** A row that cannot be booked is a problem naming it; it is skipped and replay goes on. */
  @Nested
  class Problems {

    @Test
    void test_withdrawal_moreThanCash_isAProblemAndSkipped() {
      LedgerResult result = joint()
          .withdraw("2025-01-02", "joint", "10000.01")
          .deposit("2025-01-03", "joint", "1.00")
          .replay();

      assertThat(result.ok()).isFalse();
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo("transactions.csv");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.field()).isEqualTo("amount");
        assertThat(p.value()).isEqualTo("10000.01");
        assertThat(p.message()).contains("joint").contains("-0.01").contains("2025-01-02");
      });
      assertThat(cash(result, "joint")).as("withdrawal skipped, deposit booked").isEqualByComparingTo("10001.00");
    }

    @Test
    void test_buy_moreThanCash_isAProblemAndNoLot() {
      // 41 × 250.00 = 10,250.00 > 10,000.00
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "41", "250.00")
          .buy("2025-01-04", "joint", "VTI", "40", "250.00")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.field()).isEqualTo("price");
      });
      assertThat(result.quantity(AccountId.of("joint"), Symbol.of("VTI"))).isEqualByComparingTo("40");
      assertThat(cash(result, "joint")).isEqualByComparingTo("0");
    }

    @Test
    void test_buy_feesTakeCashNegative_isAProblem() {
      LedgerResult result = joint().buy("2025-01-03", "joint", "VTI", "40", "250.00").fees("0.01").replay();

      assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
      assertThat(result.lots()).isEmpty();
      assertThat(cash(result, "joint")).isEqualByComparingTo("10000");
    }

    @Test
    void test_fee_moreThanCash_isAProblem() {
      LedgerResult result = joint().fee("2025-01-03", "joint", "10000.50").replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.field()).isEqualTo("amount");
      });
      assertThat(cash(result, "joint")).isEqualByComparingTo("10000");
    }

    @Test
    void test_sell_moreThanHeld_isAProblemNamingTheRow() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00")
          .sell("2025-02-03", "joint", "VTI", "10.5", "260.00")
          .sell("2025-02-04", "joint", "VTI", "10", "260.00")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo("transactions.csv");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.field()).isEqualTo("quantity");
        assertThat(p.value()).isEqualTo("10.5");
        assertThat(p.message()).contains("10 VTI held in joint");
      });
      assertThat(result.disposals()).singleElement()
          .satisfies(d -> assertThat(d.sold()).isEqualTo(date("2025-02-04")));
      assertThat(cash(result, "joint")).isEqualByComparingTo("10100.00");
    }

    @Test
    void test_sell_symbolNotHeld_isAProblem() {
      LedgerResult result = joint().sell("2025-02-03", "joint", "BND", "1", "70").replay();

      assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("quantity"));
      assertThat(result.disposals()).isEmpty();
    }

    @Test
    void test_sell_sharesHeldInAnotherAccount_isAProblem() {
      Household household = HouseholdBuilder.household().taxable("lin").cash("10000").taxable("wei").build();

      LedgerResult result = LedgerScenario.of(household)
          .buy("2025-01-03", "lin", "VTI", "10", "250.00")
          .sell("2025-02-03", "wei", "VTI", "1", "260.00")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void test_unknownAccount_isAProblem() {
      LedgerResult result = joint().deposit("2025-01-02", "nobody", "5").replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("account");
        assertThat(p.value()).isEqualTo("nobody");
        assertThat(p.line()).isEqualTo(2);
      });
    }

    @Test
    void test_openingLotInUnknownAccount_isAProblem() {
      LedgerResult result = joint().open("nobody", "VTI", "1", "100", "2020-01-01").replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo("lots.csv");
        assertThat(p.line()).isEqualTo(2);
      });
      assertThat(result.lots()).isEmpty();
    }

    @Test
    void test_everyProblemIsReportedAtOnce() {
      LedgerResult result = joint()
          .withdraw("2025-01-02", "joint", "20000")
          .sell("2025-01-03", "joint", "VTI", "1", "1")
          .fee("2025-01-04", "joint", "20000")
          .replay();

      assertThat(result.problems()).extracting(Problem::line).containsExactly(2, 3, 4);
    }
  }

  @Nested
  class LotIds {

    @Test
    void test_sell_lotId_relievesThatLotWhateverTheMethod() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").lotId("FIRST")
          .buy("2025-01-10", "joint", "VTI", "10", "255.00").lotId("SECOND")
          .sell("2025-02-03", "joint", "VTI", "4", "260.00").lotId("SECOND")
          .replayOk();

      assertThat(disposal(result, "SECOND").costBasis()).isEqualByComparingTo("1020.00");
      assertThat(lot(result, "FIRST").quantity()).isEqualByComparingTo("10");
      assertThat(lot(result, "SECOND").quantity()).isEqualByComparingTo("6");
    }

    @Test
    void test_sell_unknownLotId_isAProblem() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").lotId("FIRST")
          .sell("2025-02-03", "joint", "VTI", "4", "260.00").lotId("NOPE")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.field()).isEqualTo("lot_id");
        assertThat(p.value()).isEqualTo("NOPE");
      });
      assertThat(result.disposals()).isEmpty();
      assertThat(cash(result, "joint")).as("nothing sold, no proceeds").isEqualByComparingTo("7500.00");
    }

    @Test
    void test_sell_lotIdOfAnotherSymbol_isAProblem() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").lotId("V")
          .buy("2025-01-03", "joint", "BND", "10", "70.00").lotId("B")
          .sell("2025-02-03", "joint", "VTI", "4", "260.00").lotId("B")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("lot_id"));
    }

    @Test
    void test_sell_moreThanTheNamedLot_isAProblem() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").lotId("A")
          .buy("2025-01-04", "joint", "VTI", "10", "250.00").lotId("B")
          .sell("2025-02-03", "joint", "VTI", "11", "260.00").lotId("A")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("quantity");
        assertThat(p.message()).contains("lot A");
      });
      assertThat(result.disposals()).isEmpty();
    }

    @Test
    void test_buy_duplicateLotId_isAProblemAndTheRowIsSkipped() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").lotId("A")
          .buy("2025-01-04", "joint", "VTI", "4", "250.00").lotId("A")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.field()).isEqualTo("lot_id");
        assertThat(p.value()).isEqualTo("A");
      });
      assertThat(result.quantity(AccountId.of("joint"), Symbol.of("VTI"))).isEqualByComparingTo("10");
      assertThat(cash(result, "joint")).as("the skipped buy spends nothing").isEqualByComparingTo("7500.00");
      assertThat(result.acquisitions()).hasSize(1);
    }

    @Test
    void test_reinvest_duplicateLotId_isSkippedWithoutIncome() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").lotId("A")
          .reinvest("2025-03-28", "joint", "VTI", "1", "262.40").fees("0.60").lotId("A")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
      assertThat(result.income()).isEmpty();
      assertThat(cash(result, "joint")).isEqualByComparingTo("7500.00");
    }

    @Test
    void test_duplicateLotId_betweenOpeningLotAndBuy_isAProblem() {
      LedgerResult result = joint()
          .open("joint", "VTI", "5", "1000", "2020-01-02").lotId("OLD")
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").lotId("OLD")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo("transactions.csv");
        assertThat(p.field()).isEqualTo("lot_id");
      });
      assertThat(cash(result, "joint")).isEqualByComparingTo("10000");
    }

    @Test
    void test_duplicateLotId_betweenOpeningLots_isAProblem() {
      LedgerResult result = joint()
          .open("joint", "VTI", "5", "1000", "2020-01-02").lotId("OLD")
          .open("joint", "VTI", "5", "1000", "2021-01-02").lotId("OLD")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo("lots.csv");
        assertThat(p.line()).isEqualTo(3);
      });
      assertThat(result.lots()).hasSize(1);
    }

    @Test
    void test_generatedLotIds_areAccountSymbolAndNumber() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "1", "250.00")
          .buy("2025-01-04", "joint", "VTI", "1", "250.00")
          .buy("2025-01-04", "joint", "BND", "1", "70.00")
          .replayOk();

      assertThat(result.lots()).extracting(l -> l.id().value())
          .containsExactly("joint/VTI/1", "joint/VTI/2", "joint/BND/1");
    }

    @Test
    void test_specificMethod_saleWithoutLotId_isAProblem() {
      Household household =
          HouseholdBuilder.household().taxable("joint").cash("10000").lotMethod(LotMethod.SPECIFIC).build();

      LedgerResult result = LedgerScenario.of(household)
          .buy("2025-01-03", "joint", "VTI", "10", "250.00").lotId("A")
          .sell("2025-02-03", "joint", "VTI", "4", "260.00")
          .sell("2025-02-04", "joint", "VTI", "4", "260.00").lotId("A")
          .replay();

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.field()).isEqualTo("lot_id");
        assertThat(p.message()).contains("specific identification");
      });
      assertThat(result.disposals()).singleElement()
          .satisfies(d -> assertThat(d.sold()).isEqualTo(date("2025-02-04")));
    }
  }

  @Nested
  class Relief {

    @Test
    void test_partialRelief_conservesBasisToTheCent() {
      // 3 shares for 100.00: 1 share relieves 100.00 × 1/3 = 33.33, leaving 66.67;
      // the next relieves 66.67 × 1/2 = 33.335 → 33.34 (half-up), leaving 33.33; the last 33.33.
      LedgerResult result = joint()
          .buyFor("2025-01-03", "joint", "VTI", "3", "100.00").lotId("A")
          .sell("2025-02-03", "joint", "VTI", "1", "40")
          .sell("2025-02-04", "joint", "VTI", "1", "40")
          .sell("2025-02-05", "joint", "VTI", "1", "40")
          .replayOk();

      assertThat(result.disposals()).extracting(Disposal::costBasis).usingElementComparator(BigDecimal::compareTo)
          .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.34"), new BigDecimal("33.33"));
      assertThat(result.lots()).isEmpty();
    }

    @Test
    void test_saleAcrossLots_proceedsSharedByShares_lastTakesRemainder() {
      // 3 shares for 100.00 gross across lots of 1 and 2: 33.33 and 66.67
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "1", "30").lotId("A")
          .buy("2025-01-04", "joint", "VTI", "2", "30").lotId("B")
          .sellFor("2025-02-03", "joint", "VTI", "3", "100.00")
          .replayOk();

      assertThat(disposal(result, "A").proceeds()).isEqualByComparingTo("33.33");
      assertThat(disposal(result, "B").proceeds()).isEqualByComparingTo("66.67");
    }

    @Test
    void test_fractionalShares_neverRounded() {
      LedgerResult result = joint()
          .buy("2025-01-03", "joint", "VTI", "4.105", "100")
          .sell("2025-02-03", "joint", "VTI", "1.0001", "100")
          .replayOk();

      assertThat(result.quantity(AccountId.of("joint"), Symbol.of("VTI"))).isEqualByComparingTo("3.1049");
    }
  }

  @Nested
  class Order {

    @Test
    void test_sameDayRows_keepFileOrder_buyBeforeDepositFails() {
      Household empty = HouseholdBuilder.household().taxable("joint").build();

      LedgerResult depositFirst = LedgerScenario.of(empty)
          .deposit("2025-01-03", "joint", "1000")
          .buy("2025-01-03", "joint", "VTI", "4", "250.00")
          .replay();
      LedgerResult buyFirst = LedgerScenario.of(empty)
          .buy("2025-01-03", "joint", "VTI", "4", "250.00")
          .deposit("2025-01-03", "joint", "1000")
          .replay();

      assertThat(depositFirst.ok()).isTrue();
      assertThat(buyFirst.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void test_rowsAreReplayedByDate_notByPositionInTheFile() {
      Household empty = HouseholdBuilder.household().taxable("joint").build();

      LedgerResult result = LedgerScenario.of(empty)
          .buy("2025-01-05", "joint", "VTI", "4", "250.00")
          .deposit("2025-01-03", "joint", "1000")
          .replayOk();

      assertThat(result.lots()).hasSize(1);
      assertThat(cash(result, "joint")).isEqualByComparingTo("0");
    }

    @Test
    void test_through_ignoresLaterTransactions() {
      LedgerScenario scenario = joint()
          .buy("2025-01-03", "joint", "VTI", "10", "250.00")
          .sell("2025-02-03", "joint", "VTI", "4", "260.00")
          .sell("2025-02-04", "joint", "VTI", "40", "260.00");

      LedgerResult onTheDay = scenario.replayThrough("2025-02-03");
      LedgerResult dayBefore = scenario.replayThrough("2025-02-02");

      assertThat(onTheDay.ok()).as("the oversized sale after `through` is never looked at").isTrue();
      assertThat(onTheDay.disposals()).hasSize(1);
      assertThat(dayBefore.disposals()).isEmpty();
      assertThat(dayBefore.quantity(AccountId.of("joint"), Symbol.of("VTI"))).isEqualByComparingTo("10");
      assertThat(scenario.input().through(date("2025-02-03")).through()).contains(date("2025-02-03"));
      assertThat(scenario.input().through()).isEqualTo(Optional.empty());
    }

    @Test
    void test_positions_listEveryAccountInHouseholdOrder() {
      Household household =
          HouseholdBuilder.household().taxable("b").cash("1").roth("a").cash("2").hsa("c").build();

      LedgerResult result = LedgerScenario.of(household).replayOk();

      assertThat(result.accounts().keySet()).extracting(AccountId::value).containsExactly("b", "a", "c");
      assertThat(result.cash()).isEqualByComparingTo("3");
    }
  }
}
