package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.io.report.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  @Test
  void test_analyze_example_table() {
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("Rivera household - drift as of 2026-11-22")
        .contains("Total value $957,075.25")
        .containsPattern("us_stocks\\s+50.00%\\s+58.72%\\s+\\+8.72 pts\\s+45.00% - 55.00%\\s+\\$561,977.00\\s+OVER band")
        .containsPattern("bonds\\s+25.00%\\s+17.57%\\s+-7.43 pts\\s+20.00% - 30.00%.*UNDER band")
        .containsPattern("reits\\s+5.00%\\s+5.30%\\s+\\+0.30 pts\\s+3.00% - 7.00%.*ok")
        .contains("Rebalance needed: yes");
  }

  @Test
  void test_analyze_example_json() throws Exception {
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22", "--format", "json");

    assertThat(run.status()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    assertThat(root.get("as_of").asText()).isEqualTo("2026-11-22");
    assertThat(root.get("total_value").decimalValue()).isEqualByComparingTo("957075.25");
    assertThat(root.get("rebalance_needed").asBoolean()).isTrue();
    JsonNode classes = root.get("asset_classes");
    assertThat(classes).hasSize(4);
    JsonNode us = classes.get(0);
    assertThat(us.get("asset_class").asText()).isEqualTo("us_stocks");
    assertThat(us.get("target").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(us.get("lower").decimalValue()).isEqualByComparingTo("0.45");
    assertThat(us.get("upper").decimalValue()).isEqualByComparingTo("0.55");
    assertThat(us.get("breached").asBoolean()).isTrue();
    // Class weights plus cash sum to one (to display rounding).
    BigDecimal sum = root.get("cash").get("actual").decimalValue();
    for (JsonNode c : classes) {
      sum = sum.add(c.get("actual").decimalValue());
    }
    assertThat(sum).isCloseTo(BigDecimal.ONE, org.assertj.core.data.Offset.offset(new BigDecimal("0.0000001")));
  }

  @Test
  void test_analyze_before_next_check_is_not_due() {
    // last_checked 2026-08-15, quarterly: the next check is 2026-11-15.
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-14");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Rebalance needed: not yet - us_stocks, bonds outside band, but no check is due until 2026-11-15.");
  }

  @Test
  void test_analyze_missing_folder_exits_2() {
    CliRun run = CliRun.of("analyze", "no/such/folder");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("no/such/folder: no such folder");
  }

  @Test
  void test_analyze_bad_date_exits_2() {
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-13-01");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--as-of").contains("\"2026-13-01\" is not a date; expected YYYY-MM-DD").doesNotContain("Exception");
  }

  @Test
  void test_bad_lots_every_problem_at_once(@TempDir Path dir) {
    CliRun run = CliRun.of("analyze", CliRun.exampleWith(dir, "bad-input/lots.csv").toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("lots.csv:3: quantity: \"1O0\" is not a number")
        .contains("lots.csv:4: quantity: \"-5\" must be greater than zero")
        .contains("lots.csv:5: acquired: \"2022-13-26\" is not a date; expected YYYY-MM-DD")
        .contains("lots.csv:7: account: \"brokerage\" is not an account of household.yaml")
        .contains("lots.csv:8: symbol: \"XYZ\" is not listed under securities in policy.yaml")
        .contains("lots.csv:9: lot_id: \"J-VTI-2017\" is already the id of another lot")
        .doesNotContain("Exception");
  }

  @Test
  void test_bad_policy(@TempDir Path dir) {
    CliRun run = CliRun.of("analyze", CliRun.exampleWith(dir, "bad-input/policy.yaml").toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("policy.yaml:2: targets: sum to 0.97; expected 1")
        .contains("policy.yaml:9: check: \"fortnightly\" is not one of daily, weekly, monthly, quarterly, annually")
        .contains("policy.yaml:24: securities[6].symbol: \"VTI\" is listed twice (first on line 12)");
  }

  @Test
  void test_security_whose_class_has_no_target(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("policy.yaml"),
        Files.readString(folder.resolve("policy.yaml")).replace("asset_class: us_stocks\n    restricted", "asset_class: company_stock\n    restricted"));

    CliRun run = CliRun.of("analyze", folder.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).containsPattern("policy.yaml:\\d+: asset_class: \"company_stock\" has no target in policy.yaml targets");
  }

  @Test
  void test_bad_household(@TempDir Path dir) {
    CliRun run = CliRun.of("analyze", CliRun.exampleWith(dir, "bad-input/household.yaml").toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("household.yaml:4: tax.filing_status: \"married_jointly\" is not one of single, married_joint")
        .contains("household.yaml:10: accounts[1].type: \"pension\" is not one of taxable, traditional, roth, hsa")
        .contains("household.yaml:11: accounts[2].id: \"joint\" is a duplicate account id (first on line 6)")
        .contains("household.yaml:13: accounts[2].lot_metod: is not a known setting")
        .contains("household.yaml:16: accounts[3].owners: \"Pat\" is not one of the members (Alex, Sam)")
        .contains("household.yaml:17: accounts[3].cash: \"-50\" must not be negative");
  }

  @Test
  void test_bad_transactions_format_and_ledger_problems_together(@TempDir Path dir) {
    CliRun run = CliRun.of("analyze", CliRun.exampleWith(dir, "bad-input/transactions.csv").toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("transactions.csv:4: action: \"journal\" is not one of buy, sell, deposit")
        .contains("transactions.csv:6: price: reinvest needs a price or an amount")
        .contains("transactions.csv:8: date: \"2026/05/01\" is not a date; expected YYYY-MM-DD")
        .contains("transactions.csv:3: price: \"16120.00\" would take cash in joint to -10920.00 on 2026-01-06")
        .contains("transactions.csv:5: quantity: \"5000\" is more than the 700 VTI held in joint on 2026-02-10")
        .contains("transactions.csv:7: lot_id: \"NO-SUCH-LOT\" is not an open VTI lot in joint on 2026-04-01");
  }

  @Test
  void test_held_symbol_without_price(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("prices.csv"),
        Files.readString(folder.resolve("prices.csv")).replaceAll("(?m)^VNQ,.*\\n", ""));

    CliRun run = CliRun.of("analyze", folder.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("prices.csv: symbol: \"VNQ\" is held (in alex-roth, sam-ira) but has no price on or before 2026-11-22");
  }

  @Test
  void test_demo_runs_on_bundled_example() {
    CliRun run = CliRun.of("demo", "--as-of", "2026-11-22");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Rivera household - drift as of 2026-11-22").contains("Try next:");
  }

  @Test
  void test_help_lists_commands() {
    CliRun run = CliRun.of("--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("analyze").contains("demo");
  }
}
