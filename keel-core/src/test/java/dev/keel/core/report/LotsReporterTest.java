package dev.keel.core.report;

import static dev.keel.core.report.ReportFixtures.books;
import static dev.keel.core.report.ReportFixtures.date;
import static dev.keel.core.report.ReportFixtures.flatRates;
import static dev.keel.core.report.ReportFixtures.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.core.household.Household;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.LedgerInput;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.tax.Term;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests {@link LotsReporter}: open lots on a date, days to long-term, and the wash-sale calendar. */
class LotsReporterTest {

  private static final Household HOUSEHOLD = household(flatRates());
  private static final PriceTable PRICES = PriceTable.of("VTI", "310", "VNQ", "85", "BND", "91.50", "VXUS", "61");

  private static LotsReport report(LocalDate asOf) {
    return LotsReporter.DEFAULT.report(books(HOUSEHOLD, Optional.of(asOf)), ReportFixtures.securities(), PRICES, asOf);
  }

  @Test
  void test_report_openLots_valuedAndTermed() {
    LotsReport report = report(date("2026-07-25"));

    // joint: 50 VTI left of J-VTI (basis 20,000 − 2,000 − 8,000 = 10,000); 10 VNQ bought 2026-07-20 for 820 + 200 washed;
    // ira: 10 BND bought 2026-06-15 for 910. Within an account by symbol.
    assertThat(report.asOf()).isEqualTo(date("2026-07-25"));
    assertThat(report.lots()).extracting(o -> o.lot().account() + " " + o.lot().symbol() + " "
            + o.lot().quantity().stripTrailingZeros().toPlainString() + " basis " + o.lot().costBasis().toPlainString()
            + " value " + o.marketValue().stripTrailingZeros().toPlainString() + " unrealized "
            + o.unrealizedGain().stripTrailingZeros().toPlainString() + " " + o.term())
        .containsExactly(
            "joint VNQ 10 basis 1020.00 value 850 unrealized -170 SHORT",
            "joint VTI 50 basis 10000.00 value 15500 unrealized 5500 LONG",
            "ira BND 10 basis 910.00 value 915 unrealized 5 SHORT");
  }

  @Test
  void test_report_daysToLongTerm() {
    LotsReport report = report(date("2026-07-25"));

    // VNQ: the washed lot's 273 days (2025-10-01 → 2026-07-01) are tacked on: holding since
    // 2026-07-20 − 273 days = 2025-10-20, long-term from 2026-10-21: 6 + 31 + 30 + 21 = 88 days away.
    OpenLot vnq = report.lots().get(0);
    assertThat(vnq.lot().holdingSince()).isEqualTo(date("2025-10-20"));
    assertThat(vnq.lot().washAdjustment()).isEqualByComparingTo("200");
    assertThat(vnq.daysToLongTerm()).contains(88L);
    // VTI: long-term already
    assertThat(report.lots().get(1).daysToLongTerm()).isEmpty();
    // BND bought 2026-06-15: long-term from 2027-06-16, 326 days after 2026-07-25
    assertThat(report.lots().get(2).daysToLongTerm()).contains(326L);
  }

  @Test
  void test_report_daysToLongTerm_dayBeforeAndOnAnniversary() {
    // Bought 2025-03-10: short-term through 2026-03-10, long-term from 2026-03-11.
    List<OpeningLot> lots = List.of(OpeningLot.of("joint", "VTI", "1", "100", date("2025-03-10")));
    LedgerResult books = books(HOUSEHOLD, lots, List.of(), Optional.empty());

    OpenLot onAnniversary = LotsReporter.DEFAULT.report(books, ReportFixtures.securities(), PRICES, date("2026-03-10"))
        .lots().get(0);
    OpenLot dayAfter = LotsReporter.DEFAULT.report(books, ReportFixtures.securities(), PRICES, date("2026-03-11"))
        .lots().get(0);

    assertThat(onAnniversary.term()).isEqualTo(Term.SHORT);
    assertThat(onAnniversary.daysToLongTerm()).contains(1L);
    assertThat(dayAfter.term()).isEqualTo(Term.LONG);
    assertThat(dayAfter.daysToLongTerm()).isEmpty();
  }

  @Test
  void test_report_inheritedLot_longTermAlready() {
    List<OpeningLot> lots = List.of(new OpeningLot(dev.keel.core.household.AccountId.of("joint"),
        dev.keel.core.security.Symbol.of("VTI"), new java.math.BigDecimal("5"), new java.math.BigDecimal("1500"),
        Optional.empty(), true, Optional.empty(), null));
    LedgerResult books = books(HOUSEHOLD, lots, List.of(), Optional.empty());

    OpenLot lot = LotsReporter.DEFAULT.report(books, ReportFixtures.securities(), PRICES, date("2026-07-25")).lots().get(0);

    assertThat(lot.term()).isEqualTo(Term.LONG);
    assertThat(lot.daysToLongTerm()).isEmpty();
  }

  @Test
  void test_washCalendar_afterPartlyWashedLoss() {
    LotsReport report = report(date("2026-07-25"));

    // Window 2026-06-25 .. 2026-07-25: the VNQ purchase of 07-20 and the VNQ loss sale of 07-01 (20 of 30 shares
    // still unmatched). The BND sale (06-01) and purchase (06-15) are older than 30 days.
    assertThat(report.washWindows()).singleElement().satisfies(w -> {
      assertThat(w.group()).isEqualTo("VNQ");
      assertThat(w.symbols()).containsExactly("VNQ");
      assertThat(w.lossSaleWashedThrough()).contains(date("2026-08-19")); // 07-20 + 30
      assertThat(w.lastPurchase()).contains("bought 10 VNQ in joint on 2026-07-20");
      assertThat(w.purchaseWashesThrough()).contains(date("2026-07-31")); // 07-01 + 30
      assertThat(w.lastLossSale()).contains("sold 30 VNQ at a loss of $600.00 in joint on 2026-07-01");
    });
  }

  @Test
  void test_washCalendar_purchaseInIraCounts() {
    LotsReport report = report(date("2026-06-20"));

    // Window 2026-05-21 .. 2026-06-20: BND sold at a loss 06-01 (10 of 40 matched by the IRA's purchase),
    // and the IRA's purchase of 06-15, which would wash a new loss sale in joint.
    assertThat(report.washWindows()).singleElement().satisfies(w -> {
      assertThat(w.group()).isEqualTo("BND");
      assertThat(w.lossSaleWashedThrough()).contains(date("2026-07-15"));
      assertThat(w.lastPurchase()).contains("bought 10 BND in ira on 2026-06-15");
      assertThat(w.purchaseWashesThrough()).contains(date("2026-07-01"));
    });
  }

  /**
   * A purchase scheduled outside Keel (a payroll contribution, policy.yaml harvest.scheduled) washes
   * a loss sold within 30 days of it as surely as a booked one (IRC §1091(a); Rev. Rul. 2008-5 for
   * an IRA): the calendar shows it, or it would say a VTI loss sale is safe a week before the
   * contribution.
   */
  @Test
  void test_washCalendar_scheduledPurchaseCounts() {
    LocalDate asOf = date("2026-07-25");
    var payroll = new dev.keel.core.policy.ScheduledPurchase(dev.keel.core.household.AccountId.of("ira"),
        dev.keel.core.security.Symbol.of("VTI"), "payroll_contribution", date("2026-08-05"),
        Optional.of(dev.keel.core.policy.CheckCadence.MONTHLY));

    LotsReport report = LotsReporter.DEFAULT.report(books(HOUSEHOLD, Optional.of(asOf)), ReportFixtures.securities(), PRICES,
        asOf, List.of(payroll));

    // Occurrences within 30 days either side of 07-25: 08-05 only (09-05 is 42 days away).
    assertThat(report.washWindows()).filteredOn(w -> w.group().equals("VTI")).singleElement().satisfies(w -> {
      assertThat(w.lossSaleWashedThrough()).contains(date("2026-09-04")); // 08-05 + 30
      assertThat(w.lastPurchase()).contains("the scheduled payroll contribution of VTI in ira on 2026-08-05 (repeats monthly)");
    });
    // The VNQ window of the booked purchases is unchanged.
    assertThat(report.washWindows()).extracting(WashWindow::group).containsExactly("VNQ", "VTI");
  }

  @Test
  void test_washCalendar_windowEdges() {
    // A purchase exactly 30 days before the as-of date is in the window; 31 days before it is not.
    LotsReport day30 = report(date("2026-08-19"));
    LotsReport day31 = report(date("2026-08-20"));

    assertThat(day30.washWindows()).singleElement().satisfies(w -> {
      assertThat(w.group()).isEqualTo("VNQ");
      assertThat(w.lossSaleWashedThrough()).contains(date("2026-08-19")); // a loss sale today is still washed
      assertThat(w.purchaseWashesThrough()).isEmpty(); // the loss of 07-01 is 49 days old
    });
    // The IRA's BND sale of 08-01 is in the window but realizes no loss: nothing to show.
    assertThat(day31.washWindows()).isEmpty();
  }

  @Test
  void test_washCalendar_fullyMatchedLoss_noLongerWashesPurchases() {
    // Sell 10 VTI at a loss and buy 10 back the next week: the loss is fully matched.
    List<OpeningLot> lots = List.of(OpeningLot.of("joint", "VTI", "10", "3500.00", date("2025-01-02")));
    List<Transaction> transactions = List.of(
        Transaction.trade(date("2026-05-01"), "joint", Action.SELL, "VTI", "10", "300"),
        Transaction.trade(date("2026-05-08"), "joint", Action.BUY, "VTI", "10", "299"));
    LedgerResult books = books(HOUSEHOLD, lots, transactions, Optional.empty());

    LotsReport report = LotsReporter.DEFAULT.report(books, ReportFixtures.securities(), PRICES, date("2026-05-10"));

    assertThat(report.washWindows()).singleElement().satisfies(w -> {
      assertThat(w.lossSaleWashedThrough()).contains(date("2026-06-07"));
      assertThat(w.purchaseWashesThrough()).isEmpty();
      assertThat(w.lastLossSale()).isEmpty();
    });
  }

  @Test
  void test_washCalendar_identicalGroup_namedByGroup() {
    SecurityMaster securities = SecurityMaster.of(Security.of("VOO", "us_stocks", "sp500"),
        Security.of("IVV", "us_stocks", "sp500"));
    List<OpeningLot> lots = List.of(OpeningLot.of("joint", "VOO", "10", "5000.00", date("2025-01-02")));
    List<Transaction> transactions = List.of(
        Transaction.trade(date("2026-05-01"), "joint", Action.SELL, "VOO", "10", "450"),
        Transaction.trade(date("2026-05-20"), "ira", Action.BUY, "IVV", "2", "460"));
    LedgerResult books = Ledger.DEFAULT.replay(
        new LedgerInput(HOUSEHOLD, securities, lots, transactions, ReportFixtures.RATES, Optional.empty()));

    LotsReport report = LotsReporter.DEFAULT.report(books, securities, PriceTable.of("IVV", "470"), date("2026-05-25"));

    // 10 VOO sold at a loss of 500; 2 replaced by IVV in the IRA (permanently), 8 unmatched.
    assertThat(report.washWindows()).singleElement().satisfies(w -> {
      assertThat(w.group()).isEqualTo("sp500");
      assertThat(w.symbols()).containsExactly("IVV", "VOO");
      assertThat(w.lossSaleWashedThrough()).contains(date("2026-06-19"));
      assertThat(w.purchaseWashesThrough()).contains(date("2026-05-31"));
    });
  }

  @Test
  void test_report_missingPrice_namesSymbolAndAccounts() {
    PriceTable prices = PriceTable.of("VTI", "310");

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> LotsReporter.DEFAULT.report(books(HOUSEHOLD, Optional.of(date("2026-07-25"))), ReportFixtures.securities(),
            prices, date("2026-07-25")));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "prices.csv: symbol: \"BND\" is held (in ira) but has no price on or before 2026-07-25",
        "prices.csv: symbol: \"VNQ\" is held (in joint) but has no price on or before 2026-07-25");
  }
}
