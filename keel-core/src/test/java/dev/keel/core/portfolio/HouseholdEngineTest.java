package dev.keel.core.portfolio;

import dev.keel.core.engine.HouseholdEngine;
import static dev.keel.core.portfolio.PortfolioFixtures.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.core.drift.DriftReport;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.report.LotsReport;
import dev.keel.core.report.RealizedGains;
import dev.keel.core.security.AssetClass;
import dev.keel.core.tax.MarginalRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests {@link HouseholdEngine}: books through the as-of date, but checks every row. */
class HouseholdEngineTest {

  private static final HouseholdEngine ENGINE = HouseholdEngine.DEFAULT;

  @Test
  void test_drift_booksThroughAsOf() {
    HouseholdData data = PortfolioFixtures.data();

    // Before the IRA's purchase: VTI 5,000, cash 6,000 → total 11,000
    DriftReport before = ENGINE.drift(data, date("2026-01-31"));
    // After: VTI 5,000, BND 4,000, cash 1,000 + 1,000 → total 11,000
    DriftReport after = ENGINE.drift(data, date("2026-02-01"));

    assertThat(before.totalValue()).isEqualByComparingTo("11000");
    assertThat(before.find(AssetClass.of("bonds")).orElseThrow().value()).isEqualByComparingTo("0");
    assertThat(after.totalValue()).isEqualByComparingTo("11000");
    assertThat(after.find(AssetClass.of("bonds")).orElseThrow().value()).isEqualByComparingTo("4000");
    assertThat(after.cash()).isEqualByComparingTo("2000");
  }

  @Test
  void test_books_badRowAfterAsOf_stillReported() {
    List<Transaction> transactions = new ArrayList<>(PortfolioFixtures.transactions());
    transactions.add(Transaction.trade(date("2026-12-01"), "joint", Action.SELL, "VTI", "500", "50")
        .withSource(SourceRef.of("transactions.csv", 3)));
    HouseholdData data = PortfolioFixtures.data().withTransactions(transactions);

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> ENGINE.drift(data, date("2026-06-30")));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "transactions.csv:3: quantity: \"500\" is more than the 100 VTI held in joint on 2026-12-01");
    assertThat(ENGINE.check(data)).hasSize(1);
  }

  @Test
  void test_check_cleanBooks_empty() {
    assertThat(ENGINE.check(PortfolioFixtures.data())).isEmpty();
  }

  @Test
  void test_books_everything_whenNoDate() {
    LedgerResult books = ENGINE.books(PortfolioFixtures.data(), Optional.empty(), 2026);

    assertThat(books.lots()).hasSize(2);
    assertThat(books.cash()).isEqualByComparingTo("2000");
  }

  @Test
  void test_rates_givenRatesUsedAsIs() {
    assertThat(ENGINE.rates(PortfolioFixtures.data(), 2026)).isEqualTo(MarginalRates.of("0.35", "0.15"));
  }

  @Test
  void test_gainsAndLots_delegateToReporters() {
    HouseholdData data = PortfolioFixtures.data();

    RealizedGains gains = ENGINE.gains(data, 2026);
    LotsReport lots = ENGINE.lots(data, date("2026-02-10"));

    assertThat(gains.shortTerm()).isEmpty();
    assertThat(gains.longTerm()).isEmpty();
    assertThat(lots.lots()).hasSize(2);
    // The IRA's purchase of 2026-02-01 is within 30 days: a loss sale of BND would be washed through 2026-03-03.
    assertThat(lots.washWindows()).singleElement()
        .satisfies(w -> assertThat(w.lossSaleWashedThrough()).contains(date("2026-03-03")));
  }

  /**
   * Issue 8 item 8: the rebalancer and the harvester price a year with the loss carried into that
   * year. 5,000 long-term carried into 2025; 2025-03-03 joint sells 20 VTI @ 50: 1,000 − 800 = +200
   * long-term; line 15 = 200 − 5,000 = −4,800, 3,000 deducted, so 1,800 is carried into 2026 (IRC
   * §1212(b)), not the 5,000 again; 2026 has no taxable result and deducts it all.
   */
  @Test
  void test_pricedFor_usesTheCarryIntoTheYearPriced() {
    HouseholdData base = PortfolioFixtures.data();
    TaxSettings tax = base.household().tax().withCarryforward(2025, java.math.BigDecimal.ZERO, new java.math.BigDecimal("5000"));
    List<Transaction> transactions = new ArrayList<>(PortfolioFixtures.transactions());
    transactions.add(0, Transaction.trade(date("2025-03-03"), "joint", Action.SELL, "VTI", "20", "50"));
    HouseholdData data = base.withTax(tax).withTransactions(transactions);
    LedgerResult books = ENGINE.books(data, Optional.of(date("2026-06-30")), 2026);

    assertThat(ENGINE.pricedFor(data, books, 2025).household().tax().longTermCarryforward()).isEqualByComparingTo("5000");
    assertThat(ENGINE.pricedFor(data, books, 2026).household().tax().longTermCarryforward()).isEqualByComparingTo("1800");
    assertThat(ENGINE.pricedFor(data, books, 2027).household().tax().longTermCarryforward()).isEqualByComparingTo("0");
    assertThat(ENGINE.gains(data, 2026).carryIn().longTerm()).isEqualByComparingTo("1800");
  }
}
