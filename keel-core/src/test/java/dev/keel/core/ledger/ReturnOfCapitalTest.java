package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.cash;
import static dev.keel.core.ledger.LedgerScenario.disposal;
import static dev.keel.core.ledger.LedgerScenario.lot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Household;
import dev.keel.core.problem.Problem;
import dev.keel.core.tax.Term;
import dev.keel.core.testkit.HouseholdBuilder;
import org.junit.jupiter.api.Test;

/**
 * Return of capital (IRS Publication 550, "Nondividend Distributions": it reduces the basis of the
 * stock; once the basis is zero, the rest is a capital gain, long- or short-term by how long the
 * stock was held).
 */
class ReturnOfCapitalTest {

  private static final Household HOUSEHOLD = HouseholdBuilder.household().taxable("joint").cash("100000").build();

  @Test
  void test_reducesBasisByShares_excessOverALotsBasisIsAGain() {
    // Lot A: 60 X for 600.00 (2024-01-02); lot B: 40 X for 100.00 (2025-05-01). 300.00 returned on
    // 2025-06-02 over 100 shares: A 300 × 60/100 = 180.00 → basis 420.00; B takes the remaining
    // 120.00, 20.00 more than its basis: basis 0 and a short-term gain of 20.00 (B held since
    // 2025-05-01). Cash + 300.00.
    LedgerResult result = LedgerScenario.of(HOUSEHOLD)
        .buy("2024-01-02", "joint", "X", "60", "10").lotId("A")
        .buy("2025-05-01", "joint", "X", "40", "2.5").lotId("B")
        .returnOfCapital("2025-06-02", "joint", "X", "300")
        .replayOk();

    assertThat(lot(result, "A").costBasis()).isEqualByComparingTo("420.00");
    assertThat(lot(result, "B").costBasis()).isEqualByComparingTo("0.00");
    assertThat(lot(result, "B").quantity()).isEqualByComparingTo("40");
    Disposal excess = disposal(result, "B");
    assertThat(excess.quantity()).isZero();
    assertThat(excess.proceeds()).isEqualByComparingTo("20.00");
    assertThat(excess.gain()).isEqualByComparingTo("20.00");
    assertThat(excess.term()).isEqualTo(Term.SHORT);
    assertThat(cash(result, "joint")).isEqualByComparingTo("99600.00"); // 100,000 − 600 − 100 + 300
    assertThat(result.income()).isEmpty();
  }

  @Test
  void test_ofSharesNotHeld_isAProblem() {
    LedgerResult result = LedgerScenario.of(HOUSEHOLD)
        .returnOfCapital("2025-06-02", "joint", "X", "300")
        .replay();

    assertThat(result.problems()).extracting(Problem::field).containsExactly("symbol");
    assertThat(cash(result, "joint")).isEqualByComparingTo("100000");
  }
}
