package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.io.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cron job needs ({@code analyze --exit-code}, {@code keel checked}), the ages of the prices
 * every report used, and inputs that are valid but used to be refused or misread.
 */
class CronAndPricesCommandTest {

  @Test
  void test_exit_code_is_3_when_a_rebalance_is_needed() {
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22", "--exit-code");

    assertThat(run.status()).isEqualTo(3);
    assertThat(run.out()).contains("Rebalance needed: yes");
  }

  @Test
  void test_exit_code_is_0_when_no_check_is_due() {
    // The same breach, but the next check is 2026-11-15.
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-14", "--exit-code");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Rebalance needed: not yet");
  }

  @Test
  void test_without_exit_code_a_needed_rebalance_exits_0() {
    assertThat(CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22").status()).isZero();
  }

  @Test
  void test_checked_sets_last_checked_and_keeps_the_rest(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    String before = Files.readString(folder.resolve("policy.yaml"));

    CliRun run = CliRun.of("checked", folder.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Recorded a check on 2026-11-22").contains("last_checked was 2026-08-15")
        .contains("next check due 2027-02-22");
    String after = Files.readString(folder.resolve("policy.yaml"));
    assertThat(after).isEqualTo(before.replace("last_checked: 2026-08-15", "last_checked: 2026-11-22"));
    // And the household now reads as checked: nothing due until 2027-02-22.
    CliRun analyze = CliRun.of("analyze", folder.toString(), "--as-of", "2026-11-22", "--exit-code");
    assertThat(analyze.status()).isZero();
    assertThat(analyze.out()).contains("no check is due until 2027-02-22");
  }

  @Test
  void test_checked_adds_last_checked_after_check_when_absent(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("policy.yaml"),
        Files.readString(folder.resolve("policy.yaml")).replace("last_checked: 2026-08-15\n", ""));

    CliRun run = CliRun.of("checked", folder.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(Files.readString(folder.resolve("policy.yaml")))
        .contains("check: quarterly          # act only on a breach found at a quarterly check\nlast_checked: 2026-11-22\n");
  }

  @Test
  void test_checked_refuses_a_date_before_the_last_check(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    String before = Files.readString(folder.resolve("policy.yaml"));

    CliRun run = CliRun.of("checked", folder.toString(), "--as-of", "2026-08-01");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--as-of: \"2026-08-01\" is before the last check recorded in policy.yaml (2026-08-15)");
    assertThat(Files.readString(folder.resolve("policy.yaml"))).isEqualTo(before);
  }

  @Test
  void test_checked_on_a_bad_household_changes_nothing(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir, "bad-input/lots.csv");
    String before = Files.readString(folder.resolve("policy.yaml"));

    CliRun run = CliRun.of("checked", folder.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isEqualTo(2);
    assertThat(Files.readString(folder.resolve("policy.yaml"))).isEqualTo(before);
  }

  @Test
  void test_analyze_names_the_date_of_prices_older_than_the_as_of_date() {
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22");

    assertThat(run.out()).contains("Prices older than 2026-11-22:\n  2026-11-20 (2 days): ACME, BND, IXUS, VNQ, VOO, VTI, VXUS\n")
        .doesNotContain("Warning");
  }

  @Test
  void test_analyze_warns_past_the_warning_age() {
    // On 2026-11-14 the latest prices are the year-end 2025 ones: 318 days old.
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-14");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("2025-12-31 (318 days): ACME, BND, IXUS, VNQ, VOO, VTI, VXUS")
        .contains("Warning: ACME (2025-12-31), BND (2025-12-31)")
        .contains("more than 5 days old (policy.yaml prices.warn_after_days)");
  }

  @Test
  void test_analyze_json_lists_old_prices() throws Exception {
    CliRun run = CliRun.of("analyze", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22", "--format", "json");

    JsonNode prices = Json.mapper().readTree(run.out()).get("old_prices");
    assertThat(prices).hasSize(7);
    assertThat(prices.get(0).get("symbol").asText()).isEqualTo("ACME");
    assertThat(prices.get(0).get("date").asText()).isEqualTo("2026-11-20");
    assertThat(prices.get(0).get("age_days").asInt()).isEqualTo(2);
    assertThat(prices.get(0).get("level").asText()).isEqualTo("older");
  }

  @Test
  void test_rebalance_json_keeps_its_numbers_and_adds_old_prices() throws Exception {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22", "--format", "json");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    assertThat(root.get("old_prices").size()).isPositive();
    // Amounts keep their cents when the field is added (no 1.0E+3, no dropped zeros).
    assertThat(run.out()).containsPattern("\"amount\" : \\d+\\.\\d\\d");
    // Quantities are plain JSON numbers as well (no quotes, no exponent), and exact: quantity x price = amount.
    assertThat(run.out()).containsPattern("\"quantity\" : \\d+,").doesNotContain("\"quantity\" : \"");
    for (JsonNode t : root.get("trades")) {
      assertThat(t.get("quantity").isNumber()).as(t.toString()).isTrue();
      assertThat(t.get("quantity").decimalValue().multiply(t.get("price").decimalValue()))
          .as(t.toString()).isEqualByComparingTo(t.get("amount").decimalValue());
    }
  }

  @Test
  void test_rebalance_on_stale_prices_only_when_allowed(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("policy.yaml"),
        Files.readString(folder.resolve("policy.yaml")).replace("refuse_after_days: 365", "refuse_after_days: 30"));

    CliRun refused = CliRun.of("rebalance", folder.toString(), "--as-of", "2026-11-14", "--force");
    CliRun allowed = CliRun.of("rebalance", folder.toString(), "--as-of", "2026-11-14", "--force", "--allow-stale-prices");

    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).contains("prices.csv:2: date: \"2025-12-31\" is the latest price of VTI, 318 days before");
    assertThat(allowed.status()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("more than 30 days old (policy.yaml prices.refuse_after_days)");
  }

  @Test
  void test_rebalance_csv_puts_price_warnings_on_stderr() {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-14", "--format", "csv");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("Prices older");
    assertThat(run.err()).contains("keel: Prices older than 2026-11-14:").contains("keel: 2025-12-31 (318 days)");
  }

  @Test
  void test_lots_table_names_old_prices() {
    CliRun run = CliRun.of("lots", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Prices older than 2026-11-22:");
  }

  @Test
  void test_valid_yaml_alias_is_accepted(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("household.yaml"), Files.readString(folder.resolve("household.yaml"))
        .replace("    owners: [Alex, Sam]\n    custodian: Vanguard", "    owners: &both [Alex, Sam]\n    custodian: Vanguard")
        .replace("    owners: [Sam]\n    custodian: Fidelity", "    owners: *both\n    custodian: Fidelity"));

    CliRun run = CliRun.of("analyze", folder.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Total value $957,075.25");
  }

  @Test
  void test_lot_acquired_after_the_as_of_date_is_not_held_yet(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("lots.csv"),
        Files.readString(folder.resolve("lots.csv")) + "joint,SCHH,1000,22000.00,2026-12-01,J-SCHH-FUTURE\n");

    CliRun lots = CliRun.of("lots", folder.toString(), "--as-of", "2026-11-22");
    CliRun analyze = CliRun.of("analyze", folder.toString(), "--as-of", "2026-11-22");
    CliRun later = CliRun.of("lots", folder.toString(), "--as-of", "2026-12-02");

    assertThat(lots.status()).as(lots.err()).isZero();
    assertThat(lots.out()).doesNotContain("J-SCHH-FUTURE");
    // The same total as without the lot: 1,000 SCHH at 22.05 would add $22,050.
    assertThat(analyze.out()).contains("Total value $957,075.25");
    assertThat(later.out()).contains("J-SCHH-FUTURE");
  }

  @Test
  void test_household_file_instead_of_folder_is_named(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("household.yaml"), "name: x\n");

    CliRun run = CliRun.of("analyze", file.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("is a file, not a folder");
  }

  @Test
  void test_out_into_missing_folder_writes_nothing(@TempDir Path dir) {
    Path out = dir.resolve("no-such").resolve("orders.csv");

    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22", "--out", out.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("the folder " + dir.resolve("no-such") + " does not exist").doesNotContain(".tmp");
    assertThat(run.out()).isEmpty();
  }
}
