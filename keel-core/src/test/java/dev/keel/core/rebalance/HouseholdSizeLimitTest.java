package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.tax.estimate.TaxEstimator;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Beyond the lots the program is built for, a proposal is refused at once with what to do. */
class HouseholdSizeLimitTest {

  private static RebalanceRequest request() {
    // Three lots in tradable accounts, two held away (never traded, so not counted).
    Scenario s = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .heldAway("rsu", AccountType.TAXABLE)
        .target("stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "100", "5000", "2015-01-05")
        .lot("joint", "VTI", "100", "5000", "2016-01-05")
        .lot("joint", "BND", "10", "500", "2016-01-05")
        .lot("rsu", "VTI", "100", "5000", "2016-01-05")
        .lot("rsu", "VTI", "100", "5000", "2017-01-05");
    HouseholdData data = s.data();
    LocalDate asOf = LocalDate.parse("2026-11-20");
    LedgerResult books = HouseholdEngine.DEFAULT.books(data, Optional.of(asOf), asOf.getYear());
    return new RebalanceRequest(data, books, asOf, Map.of(), true, HouseholdEngine.DEFAULT.rates(data, asOf.getYear()));
  }

  @Test
  void test_more_tradable_lots_than_the_limit_is_refused_with_the_count_and_what_to_do() {
    Rebalancer limited = new Rebalancer(OrToolsLpSolver.GLOP, TaxEstimator.DEFAULT, 2);

    assertThatThrownBy(() -> limited.propose(request()))
        .isInstanceOf(HouseholdTooLargeException.class)
        .hasMessageStartingWith("the household holds 3 lots in tradable accounts; Keel proposes trades for at most 2")
        .hasMessageContaining("Combine lots of the same account, symbol, acquisition date and cost per share");
  }

  @Test
  void test_held_away_lots_do_not_count() {
    Rebalancer limited = new Rebalancer(OrToolsLpSolver.GLOP, TaxEstimator.DEFAULT, 3);

    assertThat(limited.propose(request()).acted()).isTrue();
  }

  @Test
  void test_the_default_limit_is_fifty_thousand() {
    assertThat(Rebalancer.MAX_TRADABLE_LOTS).isEqualTo(50_000);
  }
}
