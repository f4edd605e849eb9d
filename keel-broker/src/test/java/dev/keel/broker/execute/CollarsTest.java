package dev.keel.broker.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.rebalance.Side;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollarsTest {

  @ParameterizedTest(name = "{2} at {0} with collar {1}: limit {3}")
  @CsvSource({
      // 72.50 × 1.005 = 72.8625: a buy's limit rounds down, so the collar is never exceeded
      "72.50, 0.005, BUY, 72.86",
      // 72.50 × 0.995 = 72.1375: a sale's rounds up
      "72.50, 0.005, SELL, 72.14",
      "300, 0, BUY, 300.00",
      // below $1 the tick is 1/100 cent: 0.5 × 1.01 = 0.505
      "0.50, 0.01, BUY, 0.5050"})
  void test_limit(String last, String collar, Side side, String limit) {
    assertThat(Collars.limit(new BigDecimal(last), new BigDecimal(collar), side)).isEqualByComparingTo(limit)
        .satisfies(l -> assertThat(l.toPlainString()).isEqualTo(limit));
  }
}
