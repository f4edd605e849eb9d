package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.io.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebalanceCommandTest {

  @Test
  void test_rebalance_example_json_has_every_part() throws Exception {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22", "--format", "json");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    assertThat(root.get("acted").asBoolean()).isTrue();
    JsonNode trades = root.get("trades");
    assertThat(trades.size()).isPositive();
    for (JsonNode t : trades) {
      assertThat(t.get("reason").asText()).startsWith(t.get("side").asText() + " " + t.get("quantity").asText() + " "
          + t.get("symbol").asText() + " in " + t.get("account").asText() + ": ");
      assertThat(t.get("account").asText()).isNotEqualTo("alex-rsu"); // held away
      assertThat(t.get("symbol").asText()).isNotEqualTo("ACME"); // restricted
      if (t.get("side").asText().equals("sell")) {
        assertThat(t.get("lots").size()).isPositive();
      }
    }
    for (JsonNode c : root.get("after")) {
      assertThat(c.get("breached").asBoolean()).as(c.toString()).isFalse();
    }
    // Both sales are in the 401(k) and the Roth IRA: no gain is taxed, so the estimate is exactly zero.
    assertThat(root.get("tax").get("estimated_tax").decimalValue()).isEqualByComparingTo("0.00");
    // Every class ends inside its band: nothing is left unresolved.
    assertThat(root.get("unresolved").isArray()).isTrue();
    assertThat(root.get("unresolved")).isEmpty();
  }

  @Test
  void test_rebalance_not_due_before_the_check_date() {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-14");

    assertThat(run.status()).isZero();
    // Harvesting is on in the example, but its one loss lot would be washed by the 401(k)'s
    // scheduled VTI contribution: nothing trades, and the summary says why nothing rebalances.
    assertThat(run.out()).contains("No trades: no rebalance, because no check is due until 2026-11-15");
    assertThat(run.out()).doesNotContain("sell 226 VTI in alex-401k");
  }

  @Test
  void test_contribution_is_placed_without_sales_when_enough(@TempDir Path dir) throws Exception {
    Path orders = dir.resolve("orders.csv");
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-14", "--cash-flow", "joint=400000",
        "--format", "json", "--out", orders.toString());

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    for (JsonNode t : root.get("trades")) {
      // The only taxable sale is the harvest of the loss lot; the contribution alone fixes the drift.
      // Tax-advantaged accounts may still swap stocks for bonds for asset location, at no tax.
      if (t.get("side").asText().equals("sell")) {
        assertThat(t.get("reason").asText()).containsAnyOf("harvests a short-term loss", "sold for asset location");
        if (t.get("account").asText().equals("joint")) {
          assertThat(t.get("reason").asText()).contains("harvests a short-term loss");
        }
      }
    }
    // Today the loss lot's harvest is blocked by the 401(k)'s scheduled VTI contribution, so nothing
    // taxable is sold: every sale is a tax-free swap for asset location (issue 8 item 7), and the
    // loop above must not pass on an empty list.
    assertThat(root.get("trades")).isNotEmpty().allSatisfy(t -> {
      if (t.get("side").asText().equals("sell")) {
        assertThat(t.get("taxable").asBoolean()).as("a sale in a taxable account").isFalse();
      }
    });
    assertThat(root.get("trades")).anySatisfy(t -> assertThat(t.get("side").asText()).isEqualTo("buy"));
    assertThat(root.get("trades")).anySatisfy(t -> assertThat(t.get("account").asText()).isEqualTo("joint"));
    assertThat(Files.readAllLines(orders).get(0)).startsWith("account,symbol,side,quantity,order_type,limit_price,order,");
    // No sale in a taxable account: one row per order.
    assertThat(Files.readAllLines(orders)).hasSize(root.get("trades").size() + 1);
    assertThat(run.err()).contains("wrote " + root.get("trades").size() + " orders to");
  }

  @Test
  void test_not_due_without_harvesting_proposes_nothing(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Files.writeString(folder.resolve("policy.yaml"),
        Files.readString(folder.resolve("policy.yaml")).replace("enabled: true", "enabled: false"));

    CliRun run = CliRun.of("rebalance", folder.toString(), "--as-of", "2026-11-14");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("No rebalance proposed: no check is due until 2026-11-15 (use --force to act now).");
  }

  @Test
  void test_a_household_beyond_the_lot_limit_is_refused_at_once_with_what_to_do(@TempDir Path dir) throws Exception {
    // 50,001 small VTI lots in the joint account, beside the example's own (16 opening lots in
    // tradable accounts and 5 bought since): 50,022, more than the 50,000 lots in tradable
    // accounts the rebalancing program is built for.
    Path folder = CliRun.exampleWith(dir);
    StringBuilder lots = new StringBuilder(Files.readString(folder.resolve("lots.csv")));
    for (int i = 0; i < 50_001; i++) {
      lots.append("joint,VTI,1,250.00,2018-03-").append(String.format("%02d", 1 + i % 28)).append(",BIG-").append(i).append('\n');
    }
    Files.writeString(folder.resolve("lots.csv"), lots);

    CliRun run = CliRun.of("rebalance", folder.toString(), "--as-of", "2026-11-22");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("keel: error: the household holds 50,022 lots in tradable accounts; "
        + "Keel proposes trades for at most 50,000").contains("Combine lots").doesNotContain("Exception");
  }

  @Test
  void test_harvest_example_json(@TempDir Path dir) throws Exception {
    // Without the 401(k)'s scheduled VTI contribution, which would wash it (see RebalanceCorrectnessTest).
    Path folder = CliRun.exampleWith(dir);
    Path policy = folder.resolve("policy.yaml");
    String text = Files.readString(policy);
    Files.writeString(policy, text.substring(0, text.indexOf("  scheduled:")));
    CliRun run = CliRun.of("harvest", folder.toString(), "--as-of", "2026-11-22", "--format", "json");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    JsonNode h = root.get("harvests").get(0);
    assertThat(h.get("symbol").asText()).isEqualTo("VTI");
    assertThat(h.get("lot_id").asText()).isEqualTo("J-VTI-2026");
    assertThat(h.get("loss").decimalValue()).isEqualByComparingTo("607.50"); // 16,120.00 - 50 x 310.25
    assertThat(h.get("substitute").asText()).isEqualTo("ITOT");
    assertThat(h.get("warnings")).isEmpty();
    assertThat(h.get("note").asText()).contains("a deferral, not a gift");
    assertThat(root.get("trades")).hasSize(2);
    // The one loss lot is harvested: no harvest is blocked.
    assertThat(root.get("blocked").isArray()).isTrue();
    assertThat(root.get("blocked")).isEmpty();
  }

  @Test
  void test_harvest_report_2025_on_wash_sales_example() {
    CliRun run = CliRun.of("harvest", GainsAndLotsCommandTest.WASH, "--report", "--year", "2025");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("losses harvested in 2025");
  }

  @Test
  void test_bad_cash_flow_exits_2_with_every_problem() {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--cash-flow", "joint=lots", "--cash-flow", "nowhere");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("--cash-flow: amount: \"lots\" is not a number")
        .contains("--cash-flow: \"nowhere\" is not ACCOUNT=AMOUNT, e.g. joint=5000");
  }

  @Test
  void test_unknown_cash_flow_account() {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--cash-flow", "brokerage=100");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--cash-flow: account: \"brokerage\" is not an account of household.yaml");
  }

  @Test
  void test_csv_format_one_row_per_trade() {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-22", "--format", "csv");

    assertThat(run.status()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow())
        .isEqualTo("account,symbol,side,quantity,price,amount,asset_class,short_term_gain,long_term_gain,reason,taxable");
  }
}
