package dev.keel.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.core.household.Account;
import dev.keel.core.household.AccountType;
import dev.keel.core.household.BasisReporting;
import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerInput;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.report.GainsReporter;
import dev.keel.core.report.RealizedGains;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link GainsReportWriter}: which tables and rates priced the year, the capital loss carried
 * in, the dividends by character and each row's Form 8949 box, in every format.
 *
 * <p>One taxable account whose 1099-B does not report basis (boxes B and E), income 150,000
 * married filing jointly, 1,000 long-term carried into 2026:
 * 2026-03-02 sell 10 VTI @ 300 (bought 2020 for 1,000): long-term +2,000;
 * 2026-03-02 sell 10 VXUS @ 50 (bought 2026-01-05 for 600): short-term −100;
 * 2026-06-30 qualified dividend 400; 2026-12-20 capital gain distribution 250.
 */
class GainsReportWriterTest {

  private static RealizedGains gains(int year) {
    TaxSettings tax = new TaxSettings(FilingStatus.MARRIED_JOINT, Optional.empty(), Optional.of(new BigDecimal("150000")),
        Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1000"), false, 30, Optional.empty(),
        Optional.of(2026), false);
    Household household = Household.of("Test", tax,
        List.of(Account.of("joint", AccountType.TAXABLE, "0").withBasisReporting(BasisReporting.NOT_REPORTED)));
    SecurityMaster securities = SecurityMaster.of(Security.of("VTI", "us_stocks"), Security.of("VXUS", "intl_stocks"));
    List<OpeningLot> lots = List.of(OpeningLot.of("joint", "VTI", "10", "1000.00", LocalDate.parse("2020-01-15")),
        OpeningLot.of("joint", "VXUS", "10", "600.00", LocalDate.parse("2026-01-05")));
    List<Transaction> rows = List.of(
        Transaction.trade(LocalDate.parse("2026-03-02"), "joint", Action.SELL, "VTI", "10", "300"),
        Transaction.trade(LocalDate.parse("2026-03-02"), "joint", Action.SELL, "VXUS", "10", "50"),
        Transaction.cash(LocalDate.parse("2026-06-30"), "joint", Action.QUALIFIED_DIVIDEND, "400"),
        Transaction.cash(LocalDate.parse("2026-12-20"), "joint", Action.CAP_GAIN_DISTRIBUTION, "250"));
    LedgerResult books = Ledger.DEFAULT.replay(
        new LedgerInput(household, securities, lots, rows, MarginalRates.of("0.35", "0.20"), Optional.empty()));
    assertThat(books.problems()).isEmpty();
    return GainsReporter.DEFAULT.report(household, books, year);
  }

  @Test
  void test_json_saysTablesRatesCarryAndBoxes() throws Exception {
    JsonNode json = new ObjectMapper().readTree(GainsReportWriter.json(gains(2026)));

    JsonNode tax = json.get("tax");
    assertThat(tax.get("tax_year").asInt()).isEqualTo(2026);
    assertThat(tax.get("table_year").asInt()).isEqualTo(2026);
    assertThat(tax.get("tables_estimated_from_nearest_year").asBoolean()).isFalse();
    assertThat(tax.get("tables_source").asText()).contains("Rev. Proc. 2025-32");
    assertThat(tax.get("rates_source").asText()).isEqualTo("brackets");
    assertThat(tax.get("carryforward_in_long_term").decimalValue()).isEqualByComparingTo("1000");
    assertThat(tax.get("carryforward_in_source").asText()).isEqualTo("household.yaml");
    assertThat(tax.get("deduction").decimalValue()).isEqualByComparingTo("32200");
    assertThat(json.get("summary").get("qualified_dividends").decimalValue()).isEqualByComparingTo("400");
    assertThat(json.get("summary").get("capital_gain_distributions").decimalValue()).isEqualByComparingTo("250");
    // Form 1040 line 3b (1099-DIV box 1a): qualified dividends included, capital gain distributions
    // not (they are Schedule D line 13). "dividends" alone is 650 and would overstate line 3b.
    assertThat(json.get("summary").get("ordinary_dividends").decimalValue()).isEqualByComparingTo("400");
    assertThat(json.get("disposals").findValuesAsText("box")).containsExactly("B", "E");
  }

  @Test
  void test_json_yearWithoutTable_flaggedAndNamesTheYearUsed() throws Exception {
    JsonNode tax = new ObjectMapper().readTree(GainsReportWriter.json(gains(2028))).get("tax");

    assertThat(tax.get("tax_year").asInt()).isEqualTo(2028);
    assertThat(tax.get("table_year").asInt()).isEqualTo(2026);
    assertThat(tax.get("tables_estimated_from_nearest_year").asBoolean()).isTrue();
    // 2026 left no loss: 1,000 carried in, net −100 + 2,000 + 250 − 1,000 = 1,150 gain
    assertThat(tax.get("carryforward_in_long_term").decimalValue()).isEqualByComparingTo("0");
    assertThat(tax.get("carryforward_in_source").asText()).isEqualTo("ledger");
  }

  @Test
  void test_table_boxesCarryAndTablesShown() {
    String table = GainsReportWriter.table("Test", gains(2026));

    assertThat(table).contains("Part I - short-term, box B (short-term, Form 1099-B without basis reported to the IRS)");
    assertThat(table).contains("Part II - long-term, box E (long-term, Form 1099-B without basis reported to the IRS)");
    assertThat(table).contains("Capital loss carried in  $0.00 short-term, $1,000.00 long-term  (as household.yaml states for 2026)");
    assertThat(table).contains("qualified $400.00 (taxed at long-term rates), capital gain distributions $250.00");
    assertThat(table).contains("Tax estimate 2026 (married_joint, federal brackets + NIIT + state; 2026 tables)");
    assertThat(table).doesNotContain("NOTE:");
  }

  @Test
  void test_table_yearWithoutTable_labelledAsAnEstimateWithTheNearestYear() {
    String table = GainsReportWriter.table("Test", gains(2017));

    assertThat(table).contains("Tax estimate 2017 (married_joint, federal brackets + NIIT + state; no 2017 tables are"
        + " bundled: estimated with the 2018 tables)");
    assertThat(table).contains("NOTE: no 2017 tables are bundled");
  }

  @Test
  void test_csv_hasTheBoxColumn() {
    String csv = GainsReportWriter.csv(gains(2026));

    String[] lines = csv.split("\n");
    assertThat(lines[0]).endsWith(",permanently_disallowed,adjusted_basis,ordinary_income,box");
    assertThat(lines[1]).endsWith(",B");
    assertThat(lines[2]).endsWith(",E");
  }
}
