package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.date;
import static dev.keel.core.ledger.LedgerScenario.disposal;
import static dev.keel.core.ledger.LedgerScenario.lot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Household;
import dev.keel.core.tax.Term;
import dev.keel.core.testkit.HouseholdBuilder;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of IRS Publication 550, "Wash Sales", reproduced through the ledger. Each
 * test names the passage it reproduces; the figures are the publication's.
 */
class WashSalePublication550Test {

  private static final Household SOLE =
      HouseholdBuilder.household().taxable("you").cash("100000").build();

  /**
   * Pub. 550, Wash Sales, Example 1: "You buy 100 shares of X stock for $1,000. You sell these
   * shares for $750 and within 30 days from the sale you buy 100 shares of the same stock for
   * $800. Because you bought substantially identical stock, you can't deduct your loss of $250 on
   * the sale. However, you add the disallowed loss of $250 to the cost of the new stock, $800, to
   * obtain your basis in the new stock, which is $1,050."
   */
  @Test
  void test_example1_lossOf250Disallowed_newBasis1050() {
    LedgerResult result = LedgerScenario.of(SOLE)
        .buyFor("2024-01-02", "you", "X", "100", "1000.00").lotId("OLD")
        .sellFor("2024-03-01", "you", "X", "100", "750.00")
        .buyFor("2024-03-15", "you", "X", "100", "800.00").lotId("NEW")
        .replayOk();

    Disposal sale = disposal(result, "OLD");
    assertThat(sale.economicGain()).isEqualByComparingTo("-250.00");
    assertThat(sale.disallowed()).isEqualByComparingTo("250.00");
    assertThat(sale.permanentlyDisallowed()).isEqualByComparingTo("0");
    assertThat(sale.gain()).as("Form 8949 column (h): −250 + 250").isEqualByComparingTo("0");
    assertThat(sale.adjustmentCode()).isEqualTo("W");

    Lot replacement = lot(result, "NEW");
    assertThat(replacement.costBasis()).isEqualByComparingTo("1050.00");
    assertThat(replacement.washAdjustment()).isEqualByComparingTo("250.00");
    assertThat(replacement.replacement()).isTrue();

    assertThat(result.washSales()).singleElement().satisfies(w -> {
      assertThat(w.soldLot().value()).isEqualTo("OLD");
      assertThat(w.replacementLot().value()).isEqualTo("NEW");
      assertThat(w.quantity()).isEqualByComparingTo("100");
      assertThat(w.disallowed()).isEqualByComparingTo("250.00");
      assertThat(w.permanent()).isFalse();
      assertThat(w.explain()).contains("loss of $250.00 on").contains("after the sale").contains("lot NEW");
    });
    assertThat(sale.washSales()).containsExactlyElementsOf(result.washSales());
  }

  /**
   * Pub. 550, Wash Sales, "Holding period": "Your holding period for the new stock or securities
   * includes the holding period of the stock or securities sold." Example 1's old shares were held
   * 2024-01-02 to 2024-03-01, 59 days, so the new shares bought 2024-03-15 are held from 2024-01-16.
   */
  @Test
  void test_example1_holdingPeriodOfTheSoldSharesIsTacked() {
    LedgerScenario scenario = LedgerScenario.of(SOLE)
        .buyFor("2024-01-02", "you", "X", "100", "1000.00").lotId("OLD")
        .sellFor("2024-03-01", "you", "X", "100", "750.00")
        .buyFor("2024-03-15", "you", "X", "100", "800.00").lotId("NEW");

    LedgerResult booked = scenario.replayOk();
    Lot replacement = lot(booked, "NEW");
    assertThat(result(booked).tackedDays()).isEqualTo(59);
    assertThat(replacement.acquired()).isEqualTo(date("2024-03-15"));
    assertThat(replacement.holdingSince()).isEqualTo(date("2024-01-16"));
    assertThat(replacement.longTermFrom()).isEqualTo(date("2025-01-17"));

    // Sold 2025-01-17 for $1,200: less than a year after its purchase, long-term with the tacked period;
    // gain = 1,200 − 1,050 = 150 (the deferred 250 of loss comes back here).
    LedgerResult sold = scenario.sellFor("2025-01-17", "you", "X", "100", "1200.00").replayOk();
    Disposal later = disposal(sold, "NEW");
    assertThat(later.term()).isEqualTo(Term.LONG);
    assertThat(later.acquired()).isEqualTo(date("2024-03-15"));
    assertThat(later.holdingSince()).isEqualTo(date("2024-01-16"));
    assertThat(later.basisWashAdjustment()).isEqualByComparingTo("250.00");
    assertThat(later.gain()).isEqualByComparingTo("150.00");

    LedgerResult dayBefore = LedgerScenario.of(SOLE)
        .buyFor("2024-01-02", "you", "X", "100", "1000.00").lotId("OLD")
        .sellFor("2024-03-01", "you", "X", "100", "750.00")
        .buyFor("2024-03-15", "you", "X", "100", "800.00").lotId("NEW")
        .sellFor("2025-01-16", "you", "X", "100", "1200.00")
        .replayOk();
    assertThat(disposal(dayBefore, "NEW").term()).isEqualTo(Term.SHORT);
  }

  private static WashSale result(LedgerResult result) {
    assertThat(result.washSales()).hasSize(1);
    return result.washSales().get(0);
  }

  /**
   * Pub. 550, Wash Sales, "More or less stock bought than sold", Example: "You bought 100 shares of
   * M stock on September 24, 2009, for $5,000. On December 18, 2009, you bought 50 shares of
   * substantially identical stock for $2,750. On December 28, 2009, you bought 25 shares of
   * substantially identical stock for $1,125. On January 7, 2010, you sold for $4,000 the 100
   * shares you bought in September. You have a $1,000 loss on the sale. However, because you
   * bought 75 shares of substantially identical stock within 30 days before the sale, you can't
   * deduct the loss ($750) on 75 shares. You can deduct the loss ($250) on the other 25 shares. The
   * basis of the 50 shares bought on December 18, 2009, is increased by $500 ($10 × 50) to $3,250,
   * and the basis of the 25 shares bought on December 28, 2009, is increased by $250 ($10 × 25) to
   * $1,375." (Publication 550 for 2009; later editions repeat it with other years.)
   */
  @Test
  void test_fewerSharesBoughtThanSold_lossOn75Disallowed_25Deductible() {
    LedgerResult result = LedgerScenario.of(SOLE)
        .buyFor("2009-09-24", "you", "M", "100", "5000.00").lotId("SEPT")
        .buyFor("2009-12-18", "you", "M", "50", "2750.00").lotId("DEC18")
        .buyFor("2009-12-28", "you", "M", "25", "1125.00").lotId("DEC28")
        .sellFor("2010-01-07", "you", "M", "100", "4000.00").lotId("SEPT")
        .replayOk();

    Disposal sale = disposal(result, "SEPT");
    assertThat(sale.economicGain()).isEqualByComparingTo("-1000.00");
    assertThat(sale.disallowed()).isEqualByComparingTo("750.00");
    assertThat(sale.gain()).as("the deductible loss on the other 25 shares").isEqualByComparingTo("-250.00");

    assertThat(lot(result, "DEC18").costBasis()).isEqualByComparingTo("3250.00");
    assertThat(lot(result, "DEC28").costBasis()).isEqualByComparingTo("1375.00");

    // Matched in the order bought, each looking back from the sale:
    // September 24 to January 7 is 105 days, tacked onto each replacement.
    assertThat(result.washSales()).extracting(w -> w.replacementLot().value()).containsExactly("DEC18", "DEC28");
    assertThat(result.washSales()).allSatisfy(w -> assertThat(w.tackedDays()).isEqualTo(105));
    assertThat(result.washSales().get(0).explain()).contains("before the sale");
    assertThat(lot(result, "DEC18").holdingSince()).isEqualTo(date("2009-09-04"));
    assertThat(lot(result, "DEC28").holdingSince()).isEqualTo(date("2009-09-14"));
  }

  /**
   * The same example sold FIFO without naming the lot: FIFO relieves the September lot first, as
   * the publication presumes when shares are not identified ("Identifying the stock sold").
   */
  @Test
  void test_fewerSharesBoughtThanSold_fifoSellsTheSeptemberShares() {
    LedgerResult result = LedgerScenario.of(SOLE)
        .buyFor("2009-09-24", "you", "M", "100", "5000.00").lotId("SEPT")
        .buyFor("2009-12-18", "you", "M", "50", "2750.00").lotId("DEC18")
        .buyFor("2009-12-28", "you", "M", "25", "1125.00").lotId("DEC28")
        .sellFor("2010-01-07", "you", "M", "100", "4000.00")
        .replayOk();

    assertThat(disposal(result, "SEPT").disallowed()).isEqualByComparingTo("750.00");
    assertThat(LedgerScenario.totalDisallowed(result)).isEqualByComparingTo("750.00");
  }

  /**
   * Pub. 550, Wash Sales: "If the number of shares of substantially identical stock or securities
   * you buy within 30 days before or after the sale is either more or less than the number of
   * shares you sold, you must determine the particular shares to which the wash sale rules apply.
   * You do this by matching the shares bought with an equal number of the shares sold. Match the
   * shares bought in the same order that you bought them, beginning with the first shares bought."
   * More bought than sold: 150 bought after the sale of 100; the first 100 bought replace them.
   */
  @Test
  void test_moreSharesBoughtThanSold_firstSharesBoughtAreTheReplacements() {
    LedgerResult result = LedgerScenario.of(SOLE)
        .buyFor("2024-01-02", "you", "X", "100", "1000.00").lotId("OLD")
        .sellFor("2024-03-01", "you", "X", "100", "750.00")
        .buyFor("2024-03-05", "you", "X", "60", "480.00").lotId("FIRST")
        .buyFor("2024-03-08", "you", "X", "90", "720.00").lotId("SECOND")
        .replayOk();

    // 2.50 a share disallowed: 60 × 2.50 = 150 on FIRST, 40 × 2.50 = 100 on 40 of SECOND's 90.
    assertThat(lot(result, "FIRST").costBasis()).isEqualByComparingTo("630.00");
    assertThat(LedgerScenario.lots(result, "you", "X"))
        .extracting(l -> l.quantity().stripTrailingZeros().toPlainString() + " for " + l.costBasis().toPlainString()
            + (l.replacement() ? " (replacement)" : ""))
        .containsExactly("60 for 630.00 (replacement)", "40 for 420.00 (replacement)", "50 for 400.00");
    assertThat(disposal(result, "OLD").disallowed()).isEqualByComparingTo("250.00");
  }

  /**
   * Pub. 550, Wash Sales: the rule applies when you buy "within 30 days before or after the sale";
   * with the day of the sale that is a 61-day window. A purchase 30 days before or after washes the
   * loss; one 31 days away does not.
   */
  @Test
  void test_window_thirtyDaysEachSide() {
    assertThat(disallowedWithPurchaseOn("2024-05-01")).as("30 days after").isEqualByComparingTo("250.00");
    assertThat(disallowedWithPurchaseOn("2024-05-02")).as("31 days after").isEqualByComparingTo("0");
    assertThat(disallowedWithPurchaseOn("2024-03-02")).as("30 days before").isEqualByComparingTo("250.00");
    assertThat(disallowedWithPurchaseOn("2024-03-01")).as("31 days before").isEqualByComparingTo("0");
    assertThat(disallowedWithPurchaseOn("2024-04-01")).as("the day of the sale").isEqualByComparingTo("250.00");
  }

  /** Example 1 again, the loss sale on 2024-04-01, the new 100 shares bought on {@code bought}. */
  private static BigDecimal disallowedWithPurchaseOn(String bought) {
    LedgerResult result = LedgerScenario.of(SOLE)
        .buyFor("2024-01-02", "you", "X", "100", "1000.00").lotId("OLD")
        .buyFor(bought, "you", "X", "100", "800.00").lotId("NEW")
        .sellFor("2024-04-01", "you", "X", "100", "750.00").lotId("OLD")
        .replayOk();
    return disposal(result, "OLD").disallowed();
  }

  /**
   * Pub. 550, Wash Sales: "If you sell stock and your spouse or a corporation you control buys
   * substantially identical stock, you also have a wash sale." Example 1 with the new shares
   * bought by the spouse in the spouse's own taxable account.
   */
  @Test
  void test_spouseBuys_alsoAWashSale() {
    Household couple = HouseholdBuilder.household().members("You", "Spouse")
        .taxable("you").owners("You").cash("10000")
        .taxable("spouse").owners("Spouse").cash("10000")
        .build();

    LedgerResult result = LedgerScenario.of(couple)
        .buyFor("2024-01-02", "you", "X", "100", "1000.00").lotId("OLD")
        .sellFor("2024-03-01", "you", "X", "100", "750.00")
        .buyFor("2024-03-15", "spouse", "X", "100", "800.00").lotId("SPOUSE")
        .replayOk();

    assertThat(disposal(result, "OLD").disallowed()).isEqualByComparingTo("250.00");
    assertThat(lot(result, "SPOUSE").costBasis()).isEqualByComparingTo("1050.00");
    assertThat(lot(result, "SPOUSE").account().value()).isEqualTo("spouse");
    assertThat(result.washSales().get(0).explain()).contains("in you washed").contains("in spouse");
  }

  /**
   * Pub. 550, Wash Sales, and Rev. Rul. 2008-5: "If you sell stock and your spouse or you buy
   * substantially identical stock ... in an individual retirement account (IRA) or Roth IRA
   * within 30 days, you have a wash sale" — the loss is disallowed and, the IRA's basis not being
   * raised, never recovered. Example 1 with the new shares bought in a traditional IRA, then in a Roth.
   */
  @Test
  void test_replacementInIraOrRoth_lossPermanentlyDisallowed_basisNotRaised() {
    for (String type : new String[] {"traditional", "roth"}) {
      HouseholdBuilder builder = HouseholdBuilder.household().taxable("you").cash("10000");
      Household household = (type.equals("roth") ? builder.roth("you-ira") : builder.traditional("you-ira"))
          .cash("5000").build();

      LedgerResult result = LedgerScenario.of(household)
          .buyFor("2024-01-02", "you", "X", "100", "1000.00").lotId("OLD")
          .sellFor("2024-03-01", "you", "X", "100", "750.00")
          .buyFor("2024-03-15", "you-ira", "X", "100", "800.00").lotId("IRA")
          .replayOk();

      Disposal sale = disposal(result, "OLD");
      assertThat(sale.disallowed()).as(type).isEqualByComparingTo("250.00");
      assertThat(sale.permanentlyDisallowed()).as(type).isEqualByComparingTo("250.00");
      assertThat(sale.gain()).as(type).isEqualByComparingTo("0");
      Lot ira = lot(result, "IRA");
      assertThat(ira.costBasis()).as(type).isEqualByComparingTo("800.00");
      assertThat(ira.washAdjustment()).as(type).isEqualByComparingTo("0");
      assertThat(ira.holdingSince()).as(type).isEqualTo(date("2024-03-15"));
      assertThat(ira.replacement()).as(type).isTrue();
      assertThat(result.washSales()).singleElement().satisfies(w -> {
        assertThat(w.permanent()).isTrue();
        assertThat(w.tackedDays()).isZero();
        assertThat(w.explain()).contains("Rev. Rul. 2008-5");
      });
    }
  }
}
