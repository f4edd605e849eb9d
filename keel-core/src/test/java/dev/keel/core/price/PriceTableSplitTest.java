package dev.keel.core.price;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A price quoted before a split prices pre-split shares; read after the split it must price the
 * post-split shares the ledger holds then (a 2:1 split halves it), or the holding is valued twice
 * over until a new price is recorded.
 */
class PriceTableSplitTest {

  private static final Symbol KLN = Symbol.of("KLN");

  private static PriceTable prices() {
    return PriceTable.builder()
        .put(KLN, LocalDate.parse("2025-05-30"), new BigDecimal("177.14"))
        .put(KLN, LocalDate.parse("2025-06-30"), new BigDecimal("90.98"))
        .build()
        .withSplit(KLN, LocalDate.parse("2025-06-10"), new BigDecimal("2"), BigDecimal.ONE);
  }

  @Test
  void test_find_beforeTheSplit_asQuoted() {
    assertThat(prices().get(KLN, LocalDate.parse("2025-06-09"))).isEqualByComparingTo("177.14");
  }

  @Test
  void test_find_fromTheSplitDate_olderPriceDividedByTheRatio() {
    assertThat(prices().get(KLN, LocalDate.parse("2025-06-10"))).isEqualByComparingTo("88.57");
    assertThat(prices().get(KLN, LocalDate.parse("2025-06-29"))).isEqualByComparingTo("88.57");
  }

  @Test
  void test_find_priceDatedAfterTheSplit_asQuoted() {
    assertThat(prices().get(KLN, LocalDate.parse("2025-07-15"))).isEqualByComparingTo("90.98");
  }

  @Test
  void test_find_twoSplits_compound_reverseSplitMultiplies() {
    PriceTable table = prices().withSplit(KLN, LocalDate.parse("2025-06-20"), BigDecimal.ONE, new BigDecimal("4"));
    // 177.14 / 2 × 4 = 354.28 after both; between them 88.57
    assertThat(table.get(KLN, LocalDate.parse("2025-06-25"))).isEqualByComparingTo("354.28");
    assertThat(table.get(KLN, LocalDate.parse("2025-06-15"))).isEqualByComparingTo("88.57");
  }

  @Test
  void test_withSplit_sameSplitTwice_appliesOnce() {
    PriceTable table = prices().withSplit(KLN, LocalDate.parse("2025-06-10"), new BigDecimal("2"), BigDecimal.ONE);
    assertThat(table.get(KLN, LocalDate.parse("2025-06-15"))).isEqualByComparingTo("88.57");
  }
}
