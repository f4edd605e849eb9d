package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.lots;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Household;
import dev.keel.core.problem.Problem;
import dev.keel.core.testkit.HouseholdBuilder;
import org.junit.jupiter.api.Test;

/**
 * Dates between opening lots and transactions: a sale relieves only lots held on its date, and
 * books kept through a date do not hold lots acquired after it.
 */
class LedgerDatesTest {

  private static final Household JOINT = HouseholdBuilder.household().taxable("joint").cash("10000").build();

  @Test
  void test_sale_before_an_opening_lot_was_acquired_is_a_problem() {
    // The only VTI lot was acquired on 2025-06-01; a sale on 2025-03-02 cannot relieve it (Form
    // 8949 would show it sold before it was bought).
    LedgerResult result = LedgerScenario.of(JOINT)
        .open("joint", "VTI", "10", "2000.00", "2025-06-01").lotId("LATER")
        .sell("2025-03-02", "joint", "VTI", "10", "210.00")
        .replay();

    assertThat(result.problems()).extracting(Problem::toString).singleElement().asString()
        .contains("quantity: \"10\" is more than the 0 VTI held in joint on 2025-03-02")
        .contains("lots acquired after that date are not counted: LATER on 2025-06-01");
    assertThat(result.disposals()).isEmpty();
    assertThat(lots(result, "joint", "VTI")).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("10"));
  }

  @Test
  void test_sale_naming_a_lot_acquired_after_it_is_a_problem() {
    LedgerResult result = LedgerScenario.of(JOINT)
        .open("joint", "VTI", "10", "2000.00", "2024-01-10").lotId("EARLY")
        .open("joint", "VTI", "10", "2000.00", "2025-06-01").lotId("LATER")
        .sell("2025-03-02", "joint", "VTI", "5", "210.00").lotId("LATER")
        .replay();

    assertThat(result.problems()).extracting(Problem::message).containsExactly(
        "was acquired on 2025-06-01, after this sale on 2025-03-02; a sale relieves only lots held on its date");
  }

  @Test
  void test_sale_relieves_only_the_lots_held_on_its_date() {
    // FIFO would take the 2025-06-01 lot's shares only if it counted; it must take EARLY's.
    LedgerResult result = LedgerScenario.of(JOINT)
        .open("joint", "VTI", "10", "1000.00", "2025-06-01").lotId("LATER")
        .open("joint", "VTI", "10", "2000.00", "2024-01-10").lotId("EARLY")
        .sell("2025-03-02", "joint", "VTI", "4", "210.00")
        .replayOk();

    assertThat(result.disposals()).singleElement().satisfies(d -> assertThat(d.lotId().value()).isEqualTo("EARLY"));
  }

  @Test
  void test_books_through_a_date_do_not_hold_lots_acquired_after_it() {
    LedgerScenario scenario = LedgerScenario.of(JOINT)
        .open("joint", "VTI", "10", "2000.00", "2024-01-10")
        .open("joint", "VTI", "7", "1400.00", "2025-06-01")
        .buy("2025-07-01", "joint", "VTI", "1", "200.00");

    LedgerResult before = scenario.replayThrough("2025-05-31");
    LedgerResult after = scenario.replayThrough("2025-07-01");

    assertThat(before.quantity(dev.keel.core.household.AccountId.of("joint"), dev.keel.core.security.Symbol.of("VTI")))
        .isEqualByComparingTo("10");
    assertThat(after.quantity(dev.keel.core.household.AccountId.of("joint"), dev.keel.core.security.Symbol.of("VTI")))
        .isEqualByComparingTo("18");
    // The ids the ledger generates do not depend on the date the books are kept to.
    assertThat(after.lots()).extracting(l -> l.id().value()).containsExactly("joint/VTI/1", "joint/VTI/2", "joint/VTI/3");
    assertThat(scenario.replayThrough("2025-06-30").lots()).extracting(l -> l.id().value())
        .containsExactly("joint/VTI/1", "joint/VTI/2");
  }
}
