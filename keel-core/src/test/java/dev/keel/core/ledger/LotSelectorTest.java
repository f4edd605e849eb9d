package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.date;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.testkit.HouseholdBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link LotSelector}: the order in which each lot method relieves lots, directly and
 * through sales in the ledger.
 */
class LotSelectorTest {

  private static final MarginalRates RATES = MarginalRates.of("0.32", "0.15");
  private static final AccountId JOINT = AccountId.of("joint");
  private static final Symbol VTI = Symbol.of("VTI");

  private static long sequence;

  private static Lot lot(String id, String acquired, String quantity, String basis) {
    return new Lot(LotId.of(id), JOINT, VTI, new BigDecimal(quantity), new BigDecimal(basis), date(acquired), null,
        false, BigDecimal.ZERO, ++sequence, false, sequence);
  }

  private static List<String> ids(List<Lot> lots) {
    return lots.stream().map(l -> l.id().value()).toList();
  }

  /** Six lots of 10 shares priced against a sale at 100.00 on 2025-06-02. */
  private static final List<Lot> MIXED = List.of(
      lot("LT-GAIN-40", "2023-01-10", "10", "600.00"), //  60/share: long-term gain 40/share
      lot("LT-GAIN-10", "2023-03-10", "10", "900.00"), //  90/share: long-term gain 10/share
      lot("LT-LOSS-20", "2023-05-10", "10", "1200.00"), // 120/share: long-term loss 20/share
      lot("ST-LOSS-5", "2025-03-10", "10", "1050.00"), // 105/share: short-term loss 5/share
      lot("ST-GAIN-5", "2025-04-10", "10", "950.00"), //   95/share: short-term gain 5/share
      lot("ST-LOSS-15", "2025-02-10", "10", "1150.00")); // 115/share: short-term loss 15/share

  @Test
  void test_order_fifo_byAcquisitionDate() {
    List<Lot> ordered = LotSelector.order(MIXED, LotMethod.FIFO, new BigDecimal("100"), date("2025-06-02"), RATES);

    assertThat(ids(ordered)).containsExactly(
        "LT-GAIN-40", "LT-GAIN-10", "LT-LOSS-20", "ST-LOSS-15", "ST-LOSS-5", "ST-GAIN-5");
  }

  @Test
  void test_order_lifo_latestFirst() {
    List<Lot> ordered = LotSelector.order(MIXED, LotMethod.LIFO, new BigDecimal("100"), date("2025-06-02"), RATES);

    assertThat(ids(ordered)).containsExactly(
        "ST-GAIN-5", "ST-LOSS-5", "ST-LOSS-15", "LT-LOSS-20", "LT-GAIN-10", "LT-GAIN-40");
  }

  @Test
  void test_order_hifo_highestCostPerShareFirst() {
    List<Lot> ordered = LotSelector.order(MIXED, LotMethod.HIFO, new BigDecimal("100"), date("2025-06-02"), RATES);

    assertThat(ids(ordered)).containsExactly(
        "LT-LOSS-20", "ST-LOSS-15", "ST-LOSS-5", "ST-GAIN-5", "LT-GAIN-10", "LT-GAIN-40");
  }

  @Test
  void test_order_minTax_lossesShortFirstThenLongGainsLeastFirstShortGainsLast() {
    // Short-term losses (largest first), long-term losses, long-term gains (least gain per share
    // first), short-term gains last, even when a short-term gain costs less tax (5 × 32% = 1.60
    // a share) than a long-term one (40 × 15% = 6.00 a share).
    List<Lot> ordered = LotSelector.order(MIXED, LotMethod.MIN_TAX, new BigDecimal("100"), date("2025-06-02"), RATES);

    assertThat(ids(ordered)).containsExactly(
        "ST-LOSS-15", "ST-LOSS-5", "LT-LOSS-20", "LT-GAIN-10", "LT-GAIN-40", "ST-GAIN-5");
  }

  @Test
  void test_order_minTax_termDecidedAtTheSaleDate() {
    // Bought 2024-06-03 at 90: on 2025-06-03 it is still short-term, on 2025-06-04 long-term.
    List<Lot> lots = List.of(lot("A", "2024-06-03", "1", "90"), lot("B", "2023-01-01", "1", "80"));

    assertThat(ids(LotSelector.order(lots, LotMethod.MIN_TAX, new BigDecimal("100"), date("2025-06-03"), RATES)))
        .containsExactly("B", "A");
    assertThat(ids(LotSelector.order(lots, LotMethod.MIN_TAX, new BigDecimal("100"), date("2025-06-04"), RATES)))
        .containsExactly("A", "B");
  }

  @Test
  void test_order_ties_brokenByAcquisitionOrderNotListOrder() {
    Lot first = lot("FIRST", "2025-01-02", "1", "100");
    Lot second = lot("SECOND", "2025-01-02", "1", "100");

    for (LotMethod method : List.of(LotMethod.FIFO, LotMethod.HIFO, LotMethod.MIN_TAX)) {
      assertThat(ids(LotSelector.order(List.of(second, first), method, new BigDecimal("100"), date("2025-06-02"), RATES)))
          .as(method.code()).containsExactly("FIRST", "SECOND");
    }
    assertThat(ids(LotSelector.order(List.of(first, second), LotMethod.LIFO, new BigDecimal("1"), date("2025-06-02"), RATES)))
        .containsExactly("SECOND", "FIRST");
  }

  @Test
  void test_order_inheritedLotWithoutDate_isFirstInFifo() {
    Lot inherited = new Lot(LotId.of("INH"), JOINT, VTI, BigDecimal.ONE, new BigDecimal("50"), null, null, true,
        BigDecimal.ZERO, ++sequence, false, sequence);
    Lot bought = lot("BOUGHT", "2000-01-01", "1", "50");

    assertThat(ids(LotSelector.order(List.of(bought, inherited), LotMethod.FIFO, BigDecimal.TEN, date("2025-06-02"), RATES)))
        .containsExactly("INH", "BOUGHT");
  }

  /** The same orders, seen through the ledger: a sale of 60 shares books one disposal per lot. */
  @Test
  void test_ledger_sellsInTheMethodsOrder() {
    for (LotMethod method : LotMethod.values()) {
      if (method == LotMethod.SPECIFIC) {
        continue;
      }
      Household household = HouseholdBuilder.household().taxable("joint").lotMethod(method).build();
      LedgerScenario scenario = LedgerScenario.of(household);
      for (Lot lot : MIXED) {
        scenario.open("joint", "VTI", "10", lot.costBasis().toPlainString(), lot.acquired().toString()).lotId(lot.id().value());
      }
      LedgerResult result = scenario.sell("2025-06-02", "joint", "VTI", "55", "100.00").replayOk();

      List<Lot> expected = LotSelector.order(MIXED, method, new BigDecimal("100"), date("2025-06-02"), RATES);
      assertThat(result.disposals()).extracting(d -> d.lotId().value()).as(method.code())
          .containsExactlyElementsOf(ids(expected).subList(0, 6));
      assertThat(result.disposals().get(5).quantity()).isEqualByComparingTo("5");
      assertThat(result.lots()).singleElement().satisfies(l -> {
        assertThat(l.id()).isEqualTo(expected.get(5).id());
        assertThat(l.quantity()).isEqualByComparingTo("5");
      });
    }
  }

  @Test
  void test_ledger_minTaxUsesAdjustedBasis() {
    // Lot B (bought 2025-03-03 at 100) washes the 2025-03-10 loss on lot A (20 a share), so its
    // adjusted basis is 120 a share and it is a loss at 110 on 2025-05-01 while C (bought at 105) is a gain.
    Household household = HouseholdBuilder.household().taxable("joint").lotMethod(LotMethod.MIN_TAX).build();

    LedgerResult result = LedgerScenario.of(household)
        .open("joint", "VTI", "1", "120", "2025-01-02").lotId("A")
        .open("joint", "VTI", "1", "100", "2025-03-03").lotId("B")
        .open("joint", "VTI", "1", "105", "2025-01-03").lotId("C")
        .sell("2025-03-10", "joint", "VTI", "1", "100").lotId("A")
        .sell("2025-05-01", "joint", "VTI", "1", "110")
        .replayOk();

    assertThat(LedgerScenario.disposal(result, "A").disallowed()).isEqualByComparingTo("20");
    assertThat(result.disposals().get(1).lotId().value()).startsWith("B");
    assertThat(result.disposals().get(1).gain()).isEqualByComparingTo("-10");
  }
}
