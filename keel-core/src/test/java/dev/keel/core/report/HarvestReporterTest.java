package dev.keel.core.report;

import static dev.keel.core.report.ReportFixtures.books;
import static dev.keel.core.report.ReportFixtures.household;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerInput;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests {@link HarvestReporter}: the report names the tables its bracket estimate used. */
class HarvestReporterTest {

  private static Household withIncome() {
    return household(new TaxSettings(FilingStatus.MARRIED_JOINT, Optional.empty(), Optional.of(new BigDecimal("150000")),
        Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, 30, Optional.empty()));
  }

  @Test
  void test_report_bundledYear_namesItsTables() {
    Household h = withIncome();

    HarvestReport r = HarvestReporter.DEFAULT.report(h, ReportFixtures.securities(), books(h, Optional.empty()), 2026);

    assertThat(r.method()).isEqualTo("bracket estimate for 2026, 2026 tables");
  }

  @Test
  void test_report_yearWithoutTables_saysItIsEstimatedWithTheNearest() {
    // Before: "bracket estimate for 2026" for a 2030 report, with no word that 2030 has no tables.
    Household h = withIncome();

    HarvestReport r = HarvestReporter.DEFAULT.report(h, ReportFixtures.securities(), books(h, Optional.empty()), 2030);

    assertThat(r.method()).isEqualTo("bracket estimate for 2030, no 2030 tables are bundled: estimated with the 2026 tables");
  }

  @Test
  void test_report_bracketEstimate_dividendsMoveTheBracketTheLossIsWorthIn() {
    // Before: the value was figured on the sales alone, as if the year had no dividends, so a loss
    // worth 22% was valued at 12% (240.00). Rev. Proc. 2025-32, single, 2026: standard deduction
    // 16,100; 12% up to 50,400, 22% above.
    //   wages 40,000 + ordinary dividends 30,000 = 70,000 of other income
    //   with the harvest:    70,000 − 2,000 (ST loss, within the 3,000 limit) − 16,100 = 51,900
    //   without the harvest: 70,000 − 16,100 = 53,900
    //   both above 50,400, so the 2,000 loss saves 2,000 × 22% = 440.00 (no state tax, AGI far
    //   below the 200,000 NIIT threshold).
    Household h = household(new TaxSettings(FilingStatus.SINGLE, Optional.empty(), Optional.of(new BigDecimal("40000")),
        Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, 30, Optional.empty()));
    SecurityMaster securities = SecurityMaster.of(Security.of("VTI", "us_stocks"), Security.of("ITOT", "us_stocks"));
    List<OpeningLot> lots = List.of(OpeningLot.of("joint", "VTI", "100", "30000.00", ReportFixtures.date("2026-01-05")));
    List<Transaction> transactions = List.of(
        Transaction.trade(ReportFixtures.date("2026-06-01"), "joint", Action.SELL, "VTI", "100", "280"),
        Transaction.trade(ReportFixtures.date("2026-06-01"), "joint", Action.BUY, "ITOT", "100", "280"),
        Transaction.cash(ReportFixtures.date("2026-09-30"), "joint", Action.DIVIDEND, "30000"));
    LedgerResult books = Ledger.DEFAULT.replay(
        new LedgerInput(h, securities, lots, transactions, ReportFixtures.RATES, Optional.empty()));
    assertThat(books.ok()).as("%s", books.problems()).isTrue();

    HarvestReport r = HarvestReporter.DEFAULT.report(h, securities, books, 2026);

    assertThat(r.totalLoss()).isEqualByComparingTo("2000.00");
    assertThat(r.taxValue()).isEqualByComparingTo("440.00");
  }
}
