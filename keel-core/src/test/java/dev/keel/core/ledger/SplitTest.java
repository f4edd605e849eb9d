package dev.keel.core.ledger;

import static dev.keel.core.ledger.LedgerScenario.date;
import static dev.keel.core.ledger.LedgerScenario.disposal;
import static dev.keel.core.ledger.LedgerScenario.lot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Household;
import dev.keel.core.problem.Problem;
import dev.keel.core.tax.Term;
import dev.keel.core.testkit.HouseholdBuilder;
import org.junit.jupiter.api.Test;

/**
 * Stock splits and reverse splits (IRS Publication 550, "Stock splits": the basis of the old
 * shares is spread over the new ones, and the holding period of the new shares is that of the old).
 */
class SplitTest {

  private static final Household HOUSEHOLD = HouseholdBuilder.household()
      .taxable("joint").cash("100000")
      .taxable("sam").cash("100000")
      .roth("sam-roth").cash("100000")
      .build();

  private static LedgerScenario scenario() {
    return LedgerScenario.of(HOUSEHOLD);
  }

  @Test
  void test_forwardSplit_everyAccount_basisKept_perShareDivided_datesKept() {
    // joint: 100 M for 10,000 (100.00/share) on 2024-03-01; sam: 40 M for 4,400 (110.00) on
    // 2025-02-03; sam-roth: 5 M. A 4-for-1 split on 2025-06-02: 400 shares at 25.00, 160 at 27.50,
    // 20 in the Roth; same total basis, same acquisition dates.
    LedgerResult result = scenario()
        .buy("2024-03-01", "joint", "M", "100", "100").lotId("J")
        .buy("2025-02-03", "sam", "M", "40", "110").lotId("S")
        .buy("2025-02-03", "sam-roth", "M", "5", "110").lotId("R")
        .split("2025-06-02", null, "M", "4:1")
        .replayOk();

    assertThat(lot(result, "J").quantity()).isEqualByComparingTo("400");
    assertThat(lot(result, "J").costBasis()).isEqualByComparingTo("10000.00");
    assertThat(lot(result, "J").costPerShare()).isEqualByComparingTo("25");
    assertThat(lot(result, "J").acquired()).isEqualTo(date("2024-03-01"));
    assertThat(lot(result, "S").quantity()).isEqualByComparingTo("160");
    assertThat(lot(result, "S").costPerShare()).isEqualByComparingTo("27.5");
    assertThat(lot(result, "S").holdingSince()).isEqualTo(date("2025-02-03"));
    assertThat(lot(result, "R").quantity()).isEqualByComparingTo("20");
  }

  @Test
  void test_saleAfterSplit_relievesPostSplitShares_longTermFromTheOriginalDate() {
    // 100 of J's 400 post-split shares sold at 30.00 on 2025-07-01: proceeds 3,000.00, basis
    // 10,000 × 100/400 = 2,500.00, gain 500.00, long-term (held since 2024-03-01).
    LedgerResult result = scenario()
        .buy("2024-03-01", "joint", "M", "100", "100").lotId("J")
        .split("2025-06-02", null, "M", "4:1")
        .sell("2025-07-01", "joint", "M", "100", "30")
        .replayOk();

    Disposal sold = disposal(result, "J");
    assertThat(sold.costBasis()).isEqualByComparingTo("2500.00");
    assertThat(sold.gain()).isEqualByComparingTo("500.00");
    assertThat(sold.term()).isEqualTo(Term.LONG);
    assertThat(lot(result, "J").quantity()).isEqualByComparingTo("300");
  }

  @Test
  void test_reverseSplit_fractionsKept_exactWhenTheyTerminate() {
    // 1-for-10: 25 shares become 2.5; 1-for-3: 10 shares become 3.333… (34 significant digits).
    LedgerResult result = scenario()
        .buy("2025-01-03", "joint", "X", "25", "4").lotId("A")
        .buy("2025-01-03", "sam", "M", "10", "9").lotId("B")
        .split("2025-06-02", "joint", "X", "1:10")
        .split("2025-06-02", "sam", "M", "1:3")
        .replayOk();

    assertThat(lot(result, "A").quantity()).isEqualByComparingTo("2.5");
    assertThat(lot(result, "A").costBasis()).isEqualByComparingTo("100.00");
    assertThat(lot(result, "B").quantity().setScale(6, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("3.333333");
    assertThat(lot(result, "B").costBasis()).isEqualByComparingTo("90.00");
  }

  @Test
  void test_namedAccount_splitsThatAccountOnly() {
    LedgerResult result = scenario()
        .buy("2025-01-03", "joint", "M", "10", "100").lotId("J")
        .buy("2025-01-03", "sam", "M", "10", "100").lotId("S")
        .split("2025-06-02", "joint", "M", "2:1")
        .replayOk();

    assertThat(lot(result, "J").quantity()).isEqualByComparingTo("20");
    assertThat(lot(result, "S").quantity()).isEqualByComparingTo("10");
  }

  @Test
  void test_lossWaitingForReplacement_isMatchedAtTheSplitRatio() {
    // joint sells 10 X at a loss of 200 (bought 100.00, sold 80.00) on 2025-03-01; X splits 2:1 on
    // 2025-03-10; sam buys 20 X at 41.00 on 2025-03-15. The 20 new shares are the 10 old ones:
    // the whole loss is disallowed and added to the 20-share lot (820 + 200 = 1,020).
    LedgerResult result = scenario()
        .buy("2024-06-03", "joint", "X", "10", "100").lotId("J")
        .sell("2025-03-01", "joint", "X", "10", "80")
        .split("2025-03-10", null, "X", "2:1")
        .buy("2025-03-15", "sam", "X", "20", "41").lotId("S")
        .replayOk();

    Disposal loss = disposal(result, "J");
    assertThat(loss.disallowed()).isEqualByComparingTo("200.00");
    assertThat(loss.washSales()).singleElement().satisfies(w -> assertThat(w.quantity()).isEqualByComparingTo("10"));
    assertThat(result.lots()).filteredOn(l -> l.symbol().value().equals("X")).singleElement()
        .satisfies(l -> {
          assertThat(l.quantity()).isEqualByComparingTo("20");
          assertThat(l.costBasis()).isEqualByComparingTo("1020.00");
        });
  }

  @Test
  void test_splitOfASymbolNotHeld_isAProblem() {
    LedgerResult result = scenario()
        .buy("2025-01-03", "joint", "M", "10", "100")
        .split("2025-06-02", null, "X", "2:1")
        .replay();

    assertThat(result.problems()).extracting(Problem::line, Problem::field).containsExactly(org.assertj.core.groups.Tuple.tuple(3, "symbol"));
    assertThat(result.problems().get(0).message()).contains("has no open lot in any account on 2025-06-02");
  }

  @Test
  void test_ratio_parse() {
    assertThat(ActionTerms.Split.parse("4:1")).hasValueSatisfying(s -> {
      assertThat(s.newShares()).isEqualByComparingTo("4");
      assertThat(s.oldShares()).isEqualByComparingTo("1");
    });
    assertThat(ActionTerms.Split.parse(" 3 : 2 ")).hasValueSatisfying(s -> {
      assertThat(s.newShares()).isEqualByComparingTo("3");
      assertThat(s.oldShares()).isEqualByComparingTo("2");
    });
    assertThat(ActionTerms.Split.parse("4")).isEmpty();
    assertThat(ActionTerms.Split.parse("0:1")).isEmpty();
    assertThat(ActionTerms.Split.parse("2:2")).isEmpty();
    assertThat(ActionTerms.Split.parse("-2:1")).isEmpty();
    assertThat(ActionTerms.Split.parse("a:b")).isEmpty();
    assertThat(ActionTerms.Split.parse("1e400:1")).isEmpty();
  }
}
