package dev.keel.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.reconcile.HoldingsComparison.Line;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldingsComparisonTest {

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void test_positions_everyItemEitherSideHolds_sharesExactly() {
    var lines = HoldingsComparison.positions(
        Map.of("VTI", d("70"), "BND", d("150.0"), "SOLD", d("0")),
        Map.of("VTI", d("70.0001"), "VXUS", d("120")), true);

    // BND agrees though written 150.0 against 150; SOLD (0 in the ledger) is not a line.
    assertThat(lines).containsExactly(
        new Line("BND", d("150.0"), BigDecimal.ZERO),
        new Line("VTI", d("70"), d("70.0001")),
        new Line("VXUS", BigDecimal.ZERO, d("120")));
    assertThat(lines).extracting(Line::agrees).containsExactly(false, false, false);
  }

  @Test
  void test_positions_onlyTheOtherSidesItems_whenAsked() {
    var lines = HoldingsComparison.positions(Map.of("VTI", d("70"), "BND", d("150")), Map.of("VTI", d("70.000")), false);

    assertThat(lines).containsExactly(new Line("VTI", d("70"), d("70.000")));
    assertThat(lines.get(0).agrees()).isTrue();
  }

  @Test
  void test_cash_toTheCent() {
    assertThat(HoldingsComparison.cash(d("13580.654"), d("13580.65")).agrees()).isTrue();
    assertThat(HoldingsComparison.cash(d("13580.655"), d("13580.65")).agrees()).isFalse();
  }
}
