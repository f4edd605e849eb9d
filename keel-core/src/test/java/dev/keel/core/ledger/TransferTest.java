package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.cash;
import static dev.keel.core.ledger.LedgerScenario.date;
import static dev.keel.core.ledger.LedgerScenario.disposal;
import static dev.keel.core.ledger.LedgerScenario.lot;
import static dev.keel.core.ledger.LedgerScenario.lots;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.problem.Problem;
import dev.keel.core.tax.Term;
import dev.keel.core.testkit.HouseholdBuilder;
import org.junit.jupiter.api.Test;

/**
 * In-kind transfers between accounts of the household: a transfer is not a sale or a purchase, so
 * the shares keep their basis, acquisition date and holding period (IRS Publication 551, "Basis
 * Other Than Cost" does not apply: nothing is exchanged), wash-sale adjustments included, and the
 * wash-sale rule still sees them as the shares they were.
 */
class TransferTest {

  private static final Household HOUSEHOLD = HouseholdBuilder.household().members("Ada", "Ben")
      .taxable("joint").cash("100000")
      .taxable("ben").cash("100000")
      .account("ben-spec", dev.keel.core.household.AccountType.TAXABLE).lotMethod(LotMethod.SPECIFIC).cash("0")
      .traditional("ada-ira").cash("100000")
      .traditional("ben-ira").cash("0")
      .roth("ada-roth").cash("0")
      .build();

  private static LedgerScenario scenario() {
    return LedgerScenario.of(HOUSEHOLD);
  }

  @Test
  void test_wholeLot_keepsIdBasisAndDates_noCashMoves() {
    // 10 VTI for 1,000.00 on 2025-01-03 moves whole to ben: same lot id, basis, acquisition date.
    // Sold from ben on 2026-01-10 at 150: proceeds 1,500.00 − 1,000.00 = 500.00, long-term
    // because the holding period still runs from 2025-01-03.
    LedgerResult result = scenario()
        .buy("2025-01-03", "joint", "VTI", "10", "100").lotId("A")
        .transfer("2025-06-01", "joint", "ben", "VTI", "10")
        .sell("2026-01-10", "ben", "VTI", "10", "150")
        .replayOk();

    Disposal sold = disposal(result, "A");
    assertThat(sold.account().value()).isEqualTo("ben");
    assertThat(sold.acquired()).isEqualTo(date("2025-01-03"));
    assertThat(sold.costBasis()).isEqualByComparingTo("1000.00");
    assertThat(sold.gain()).isEqualByComparingTo("500.00");
    assertThat(sold.term()).isEqualTo(Term.LONG);
    // 100,000 − 1,000 bought; the transfer moved no cash; ben + 1,500 from the sale
    assertThat(cash(result, "joint")).isEqualByComparingTo("99000.00");
    assertThat(cash(result, "ben")).isEqualByComparingTo("101500.00");
  }

  @Test
  void test_partOfALot_basisSharedToTheCent_movedPartGetsItsOwnId() {
    // 10 VTI for 1,000.01; 3 move: 1,000.01 × 3/10 = 300.003 → 300.00; 700.01 stays (conserved).
    LedgerResult result = scenario()
        .buyFor("2025-01-03", "joint", "VTI", "10", "1000.01").lotId("A")
        .transfer("2025-06-01", "joint", "ben", "VTI", "3")
        .replayOk();

    assertThat(lot(result, "A").quantity()).isEqualByComparingTo("7");
    assertThat(lot(result, "A").costBasis()).isEqualByComparingTo("700.01");
    Lot moved = lot(result, "A.1");
    assertThat(moved.account().value()).isEqualTo("ben");
    assertThat(moved.quantity()).isEqualByComparingTo("3");
    assertThat(moved.costBasis()).isEqualByComparingTo("300.00");
    assertThat(moved.acquired()).isEqualTo(date("2025-01-03"));
    assertThat(moved.origin()).isEqualTo(lot(result, "A").origin());
  }

  @Test
  void test_byLotMethod_fifoMovesTheOldestFirst() {
    // joint is FIFO: 15 move = all 10 of 2025-01-03 and 5 of the 12 of 2025-02-03.
    LedgerResult result = scenario()
        .buy("2025-01-03", "joint", "VTI", "10", "100").lotId("OLD")
        .buy("2025-02-03", "joint", "VTI", "12", "110").lotId("NEW")
        .transfer("2025-06-01", "joint", "ben", "VTI", "15")
        .replayOk();

    assertThat(lots(result, "ben", "VTI")).extracting(l -> l.id().value()).containsExactly("OLD", "NEW.1");
    assertThat(lot(result, "NEW.1").costBasis()).isEqualByComparingTo("550.00"); // 1,320 × 5/12
    assertThat(lots(result, "joint", "VTI")).extracting(l -> l.id().value()).containsExactly("NEW");
    assertThat(lot(result, "NEW").costBasis()).isEqualByComparingTo("770.00");
  }

  @Test
  void test_namedLot_movesThatLot() {
    LedgerResult result = scenario()
        .buy("2025-01-03", "joint", "VTI", "10", "100").lotId("OLD")
        .buy("2025-02-03", "joint", "VTI", "12", "110").lotId("NEW")
        .transfer("2025-06-01", "joint", "ben", "VTI", "12").lotId("NEW")
        .replayOk();

    assertThat(lot(result, "NEW").account().value()).isEqualTo("ben");
    assertThat(lot(result, "OLD").account().value()).isEqualTo("joint");
  }

  @Test
  void test_washAdjustmentAndTackedHoldingPeriod_travelWithTheShares() {
    // 10 X bought 2025-01-02 for 1,000, sold 2025-03-01 for 800: loss 200. 10 X bought 2025-03-10
    // for 820 replace it: basis 820 + 200 = 1,020, holding period tacked by the 58 days held
    // (2025-01-02 → 2025-03-01), so it starts 2025-03-10 − 58 days = 2025-01-11. The replacement
    // then moves to ben with all of that (Publication 550, "Wash Sales").
    LedgerResult result = scenario()
        .buy("2025-01-02", "joint", "X", "10", "100")
        .sell("2025-03-01", "joint", "X", "10", "80")
        .buy("2025-03-10", "joint", "X", "10", "82").lotId("R")
        .transfer("2025-04-01", "joint", "ben", "X", "10")
        .replayOk();

    Lot moved = lot(result, "R");
    assertThat(moved.account().value()).isEqualTo("ben");
    assertThat(moved.costBasis()).isEqualByComparingTo("1020.00");
    assertThat(moved.washAdjustment()).isEqualByComparingTo("200.00");
    assertThat(moved.holdingSince()).isEqualTo(date("2025-01-11"));
    assertThat(moved.replacement()).isTrue();
  }

  @Test
  void test_sharesBoughtWithin30Days_stillReplaceAfterATransfer() {
    // ben buys 10 X on 2025-02-20 and moves them to joint on 2025-02-25; joint sells its older
    // 10 X at a loss of 200 on 2025-03-01: the moved shares were acquired 9 days before the sale,
    // so they are replacement shares wherever they are held.
    LedgerResult result = scenario()
        .buy("2024-06-03", "joint", "X", "10", "100").lotId("J")
        .buy("2025-02-20", "ben", "X", "10", "85").lotId("B")
        .transfer("2025-02-25", "ben", "joint", "X", "10")
        .sell("2025-03-01", "joint", "X", "10", "80").lotId("J")
        .replayOk();

    Disposal loss = disposal(result, "J");
    assertThat(loss.disallowed()).isEqualByComparingTo("200.00");
    assertThat(lot(result, "B").costBasis()).isEqualByComparingTo("1050.00"); // 850 + 200
  }

  @Test
  void test_aTransferIsNotAPurchase_doesNotWash() {
    // ben's 10 X were bought long ago; moving them into joint 4 days after joint's loss sale is
    // not an acquisition by purchase (IRC §1091(a)), so the loss stands.
    LedgerResult result = scenario()
        .buy("2024-01-02", "ben", "X", "10", "90")
        .buy("2024-06-03", "joint", "X", "10", "100").lotId("J")
        .sell("2025-03-01", "joint", "X", "10", "80")
        .transfer("2025-03-05", "ben", "joint", "X", "10")
        .replayOk();

    assertThat(disposal(result, "J").disallowed()).isZero();
    assertThat(disposal(result, "J").gain()).isEqualByComparingTo("-200.00");
  }

  @Test
  void test_rolloverBetweenTraditionalAccounts_isATransfer() {
    LedgerResult result = scenario()
        .buy("2025-01-03", "ada-ira", "BND", "10", "70")
        .transfer("2025-06-01", "ada-ira", "ben-ira", "BND", "10")
        .replayOk();

    assertThat(lots(result, "ben-ira", "BND")).hasSize(1);
  }

  @Test
  void test_rowsThatCannotBeBooked_areProblemsNamingTheRow() {
    LedgerResult result = scenario()
        .buy("2025-01-03", "joint", "VTI", "10", "100")
        .buy("2025-01-03", "ada-ira", "VTI", "10", "100")
        .transfer("2025-06-01", "joint", "ada-ira", "VTI", "5")      // line 4: taxable → traditional
        .transfer("2025-06-01", "ada-ira", "ada-roth", "VTI", "5")   // line 5: a Roth conversion, not a transfer
        .transfer("2025-06-01", "joint", "ben", "VTI", "11")         // line 6: more than held
        .transfer("2025-06-01", "joint", "joint", "VTI", "1")        // line 7: same account
        .buy("2025-01-03", "ben", "VTI", "1", "100")
        .transfer("2025-06-01", "ben", "ben-spec", "VTI", "1")      // line 9: fine
        .transfer("2025-06-02", "ben-spec", "ben", "VTI", "1")      // line 10: specific needs lot_id
        .replay();

    assertThat(result.problems()).extracting(Problem::line).containsExactly(4, 5, 6, 7, 10);
    assertThat(result.problems().get(0).field()).isEqualTo("to_account");
    assertThat(result.problems().get(0).message()).contains("shares move in kind only between taxable accounts");
    assertThat(result.problems().get(2).message()).contains("is more than the 10 VTI held in joint");
    assertThat(result.problems().get(4).field()).isEqualTo("lot_id");
    // nothing moved by the rows refused
    assertThat(lots(result, "joint", "VTI")).extracting(Lot::quantity).containsExactly(new java.math.BigDecimal("10"));
  }
}
