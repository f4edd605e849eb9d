package dev.keel.core.report;

import static dev.keel.core.report.ReportFixtures.books;
import static dev.keel.core.report.ReportFixtures.household;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.household.TaxSettings;
import java.math.BigDecimal;
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
}
