package dev.keel.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.household.AccountId;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests {@link LotRelief}: basis divided between the shares that leave and those that stay, to the cent. */
class LotReliefTest {

  private static Lot lot(String quantity, String basis, String washAdjustment) {
    return new Lot(LotId.of("L"), AccountId.of("joint"), Symbol.of("VTI"), new BigDecimal(quantity),
        new BigDecimal(basis), LocalDate.of(2025, 1, 2), LocalDate.of(2024, 12, 1), false, new BigDecimal(washAdjustment),
        7, true, 9);
  }

  @Test
  void test_relieve_wholeLot_relievesEverything() {
    LotRelief.Relief relief = LotRelief.relieve(lot("3", "100.00", "10.00"), new BigDecimal("3"));

    assertThat(relief.relievedBasis()).isEqualByComparingTo("100.00");
    assertThat(relief.relievedWashAdjustment()).isEqualByComparingTo("10.00");
    assertThat(relief.remaining()).isEmpty();
  }

  @Test
  void test_relieve_part_restKeepsEverythingButQuantityAndBasis() {
    // 100.00 × 1/3 = 33.33 leaves; 66.67 stays. Adjustment 10.00 × 1/3 = 3.33; 6.67 stays.
    Lot lot = lot("3", "100.00", "10.00");

    LotRelief.Relief relief = LotRelief.relieve(lot, BigDecimal.ONE);

    assertThat(relief.relievedBasis()).isEqualByComparingTo("33.33");
    assertThat(relief.relievedWashAdjustment()).isEqualByComparingTo("3.33");
    Lot rest = relief.remaining().orElseThrow();
    assertThat(rest.quantity()).isEqualByComparingTo("2");
    assertThat(rest.costBasis()).isEqualByComparingTo("66.67");
    assertThat(rest.washAdjustment()).isEqualByComparingTo("6.67");
    assertThat(rest.id()).isEqualTo(lot.id());
    assertThat(rest.acquired()).isEqualTo(lot.acquired());
    assertThat(rest.holdingSince()).isEqualTo(lot.holdingSince());
    assertThat(rest.origin()).isEqualTo(lot.origin());
    assertThat(rest.replacement()).isTrue();
    assertThat(rest.sequence()).isEqualTo(lot.sequence());
  }

  @ParameterizedTest(name = "{0} of {1} shares for {2}: {3} leaves")
  @CsvSource({
      "1, 3, 100.00, 33.33",
      "2, 3, 100.00, 66.67",
      "1, 8, 0.01, 0.00",
      "4, 8, 0.01, 0.01", // 0.005 → 0.01, half-up
      "0.5, 1.5, 10.00, 3.33",
      "0.0001, 4.105, 1000.00, 0.02",
  })
  void test_relieve_roundsHalfUpToCents_andConserves(String part, String whole, String basis, String leaves) {
    LotRelief.Relief relief = LotRelief.relieve(lot(whole, basis, "0"), new BigDecimal(part));

    assertThat(relief.relievedBasis()).isEqualByComparingTo(leaves);
    assertThat(relief.relievedBasis().add(relief.remaining().orElseThrow().costBasis())).isEqualByComparingTo(basis);
  }

  @Test
  void test_relieve_nothingOrTooMuch_isRejected() {
    Lot lot = lot("3", "100.00", "0");

    assertThatThrownBy(() -> LotRelief.relieve(lot, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LotRelief.relieve(lot, new BigDecimal("3.0001")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lot L");
  }

  @Test
  void test_share_wholeIsTheTotalUnrounded() {
    assertThat(LotRelief.share(new BigDecimal("10.005"), BigDecimal.ONE, BigDecimal.ONE)).isEqualTo(new BigDecimal("10.005"));
    assertThat(LotRelief.share(new BigDecimal("-100.00"), BigDecimal.ONE, new BigDecimal("3"))).isEqualByComparingTo("-33.33");
  }
}
