package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.io.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code keel gains} and {@code keel lots} on examples/wash-sales, whose README works every
 * figure out by hand from IRS Publication 550 ("Wash Sales") and Rev. Rul. 2008-5.
 */
class GainsAndLotsCommandTest {

  static final String WASH = Path.of("..", "examples", "wash-sales").toString();

  @Test
  void test_gains_2025_cross_account_and_ira_wash_sales_json() throws Exception {
    CliRun run = CliRun.of("gains", WASH, "--year", "2025", "--format", "json");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    JsonNode rows = root.get("disposals");
    assertThat(rows).hasSize(2);
    // VOO: proceeds 45,000, basis 50,000, loss 5,000 all washed: 3,000 by Wei's IVV (deferred),
    // 2,000 by Wei's IRA VOO (permanent, Rev. Rul. 2008-5). Gain = 45,000 - 50,000 + 5,000 = 0.
    JsonNode voo = rows.get(0);
    assertThat(voo.get("symbol").asText()).isEqualTo("VOO");
    assertThat(voo.get("term").asText()).isEqualTo("short");
    assertThat(voo.get("proceeds").decimalValue()).isEqualByComparingTo("45000");
    assertThat(voo.get("cost_basis").decimalValue()).isEqualByComparingTo("50000");
    assertThat(voo.get("adjustment_code").asText()).isEqualTo("W");
    assertThat(voo.get("adjustment").decimalValue()).isEqualByComparingTo("5000");
    assertThat(voo.get("gain").decimalValue()).isEqualByComparingTo("0");
    assertThat(voo.get("permanently_disallowed").decimalValue()).isEqualByComparingTo("2000");
    // BND: loss 1,600 long-term; DRIPs wash 2.5 + 1.5 of 200 shares: 20.00 + 12.00.
    JsonNode bnd = rows.get(1);
    assertThat(bnd.get("term").asText()).isEqualTo("long");
    assertThat(bnd.get("adjustment").decimalValue()).isEqualByComparingTo("32.00");
    assertThat(bnd.get("gain").decimalValue()).isEqualByComparingTo("-1568.00");
    JsonNode summary = root.get("summary");
    assertThat(summary.get("net_short_term").decimalValue()).isEqualByComparingTo("0");
    assertThat(summary.get("net_long_term").decimalValue()).isEqualByComparingTo("-1568.00");
    assertThat(summary.get("wash_sale_disallowed").decimalValue()).isEqualByComparingTo("3012.00");
    assertThat(summary.get("permanently_disallowed").decimalValue()).isEqualByComparingTo("2020.00");
  }

  @Test
  void test_gains_2026_tacked_holding_period_makes_gain_long_term() {
    CliRun run = CliRun.of("gains", WASH, "--year", "2026", "--format", "csv");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(
        "account,symbol,lot_id,quantity,acquired,holding_since,sold,proceeds,cost_basis,adjustment_code,adjustment,gain,term,"
            + "permanently_disallowed,adjusted_basis,ordinary_income,box\n"
            + "wei-taxable,IVV,C,60,2025-06-23,2025-01-24,2026-02-02,31200.00,30300.00,,0.00,900.00,long,0.00,30300.00,0.00,D\n");
  }

  @Test
  void test_gains_table_explains_each_wash_sale() {
    CliRun run = CliRun.of("gains", WASH, "--year", "2025");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("Part I - short-term")
        .containsPattern("100 sh VOO\\s+lin-taxable\\s+2025-01-10\\s+2025-06-09\\s+\\$45,000.00\\s+\\$50,000.00\\s+W\\s+\\$5,000.00\\s+\\$0.00")
        .contains("washed by IVV bought 2025-06-23 (after the sale) in wei-taxable; added to the basis of lot C with 150 days")
        .contains("disallowed permanently and its basis is not raised (Rev. Rul. 2008-5)");
  }

  @Test
  void test_lots_shows_adjusted_basis_and_tacked_holding_period() throws Exception {
    CliRun run = CliRun.of("lots", WASH, "--as-of", "2025-12-15", "--format", "json");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode lots = Json.mapper().readTree(run.out()).get("lots");
    JsonNode c = lot(lots, "C");
    JsonNode ira = lot(lots, "D");
    // Quantities are JSON numbers, like amounts (docs/formats.md, "Numbers in JSON reports").
    assertThat(c.get("quantity").isNumber()).as(c.toString()).isTrue();
    assertThat(c.get("quantity").decimalValue()).isEqualByComparingTo("60");
    assertThat(lot(lots, "wei-taxable/BND/1").get("quantity").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(c.get("cost_basis").decimalValue()).isEqualByComparingTo("30300.00");
    assertThat(c.get("wash_sale_adjustment").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(c.get("acquired").asText()).isEqualTo("2025-06-23");
    assertThat(c.get("holding_since").asText()).isEqualTo("2025-01-24");
    assertThat(ira.get("cost_basis").decimalValue()).isEqualByComparingTo("18400.00");
    JsonNode calendar = Json.mapper().readTree(run.out()).get("wash_sale_calendar");
    assertThat(calendar.get(0).get("group").asText()).isEqualTo("BND");
    assertThat(calendar.get(0).get("loss_sale_washed_through").asText()).isEqualTo("2025-12-31");
  }

  @Test
  void test_lots_on_rivera_calendar_shows_open_loss_window() {
    CliRun run = CliRun.of("lots", CliRun.EXAMPLE.toString(), "--as-of", "2026-09-25");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("a purchase through 2026-10-02 would wash a loss - sold 200 VXUS at a loss of $1,040.00 in joint on 2026-09-02");
  }

  @Test
  void test_sale_of_unknown_lot_id(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("transactions.csv"), "2026-11-02,joint,sell,VTI,10,300,,,J-VTI-1999\n",
        java.nio.file.StandardOpenOption.APPEND);

    CliRun run = CliRun.of("gains", folder.toString(), "--year", "2026");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("transactions.csv:14: lot_id: \"J-VTI-1999\" is not an open VTI lot in joint on 2026-11-02");
  }

  @Test
  void test_reinvest_without_price(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("transactions.csv"), "2026-11-02,sam-ira,reinvest,BND,3,,,,\n",
        java.nio.file.StandardOpenOption.APPEND);

    CliRun run = CliRun.of("lots", folder.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("transactions.csv:14: price: reinvest needs a price or an amount");
  }

  /**
   * Issue 8 item 3: "keel gains DIR --year 2024" printed "Tax estimate 2025" with 2025's brackets.
   * Rev. Proc. 2023-34, married filing jointly: 285,000 − 29,200 = 255,800 taxable; 2,320 + 8,532 +
   * 23,485 + (255,800 − 201,050) × 24% = 47,477.
   */
  @Test
  void test_gains_2024_usesThe2024Tables() {
    CliRun run = CliRun.of("gains", CliRun.EXAMPLE.toString(), "--year", "2024");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Tax estimate 2024 (married_joint, federal brackets + NIIT + state; 2024 tables)")
        .contains("Deduction $29,200.00; tables: Rev. Proc. 2023-34")
        .contains("Taxable income $255,800.00: ordinary tax $47,477.00");
  }

  @Test
  void test_gains_yearWithoutTables_labelledInTableAndJson() throws Exception {
    CliRun table = CliRun.of("gains", CliRun.EXAMPLE.toString(), "--year", "2027");
    CliRun json = CliRun.of("gains", CliRun.EXAMPLE.toString(), "--year", "2027", "--format", "json");

    assertThat(table.out()).contains("no 2027 tables are bundled: estimated with the 2026 tables");
    JsonNode tax = Json.mapper().readTree(json.out()).get("tax");
    assertThat(tax.get("table_year").asInt()).isEqualTo(2026);
    assertThat(tax.get("tables_estimated_from_nearest_year").asBoolean()).isTrue();
  }

  /**
   * Issue 8 item 8: a 2026 loss beyond the $3,000 limit is carried into 2027 with its character.
   * Rivera 2026 plus a sale of lot J-VXUS-2024 (400 VXUS, basis 23,600) at 40: long-term −7,600.
   * Line 7 = −1,023.36; line 15 = −7,600 − 1,200 carried in = −8,800; 3,000 deducted.
   * Worksheet: line 8 = max(0, 1,023.36 − 3,000) = 0 short-term; line 11 = 3,000 − 1,023.36 =
   * 1,976.64; line 13 = 8,800 − 1,976.64 = 6,823.36 long-term into 2027.
   */
  @Test
  void test_gains_lossCarriedIntoTheNextYear(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("transactions.csv"), "2026-11-02,joint,sell,VXUS,400,40,,,J-VXUS-2024\n",
        java.nio.file.StandardOpenOption.APPEND);

    CliRun y2026 = CliRun.of("gains", folder.toString(), "--year", "2026");
    CliRun y2027 = CliRun.of("gains", folder.toString(), "--year", "2027", "--format", "json");

    assertThat(y2026.status()).as(y2026.err()).isZero();
    assertThat(y2026.out()).contains("carried to next year $0.00 short, $6,823.36 long");
    JsonNode tax = Json.mapper().readTree(y2027.out()).get("tax");
    assertThat(tax.get("carryforward_in_short_term").decimalValue()).isEqualByComparingTo("0");
    assertThat(tax.get("carryforward_in_long_term").decimalValue()).isEqualByComparingTo("6823.36");
    assertThat(tax.get("carryforward_in_source").asText()).isEqualTo("ledger");
  }

  @Test
  void test_gains_carryforwardWithoutYear_isAValidationProblem(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Path yaml = folder.resolve("household.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("    into: 2026\n", ""));

    CliRun run = CliRun.of("gains", folder.toString(), "--year", "2026");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("tax.carryforward.into: is missing; say which tax year this carryforward enters");
  }

  /** Form 8949 boxes: an account whose 1099-B does not report basis files its sales in box B / E. */
  @Test
  void test_gains_basisNotReported_boxB(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Path yaml = folder.resolve("household.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("    reserve: 2000\n", "    reserve: 2000\n    basis_reported: false\n"));

    CliRun run = CliRun.of("gains", folder.toString(), "--year", "2026");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Part I - short-term, box B (short-term, Form 1099-B without basis reported to the IRS)");
  }

  /** The one lot of a {@code keel lots} JSON with this id; fails the test when there is none or several. */
  private static JsonNode lot(JsonNode lots, String id) {
    java.util.List<JsonNode> found = new java.util.ArrayList<>();
    lots.forEach(l -> {
      if (l.get("lot_id").asText().equals(id)) {
        found.add(l);
      }
    });
    assertThat(found).as("lots with id %s in %s", id, lots).hasSize(1);
    return found.get(0);
  }
}
