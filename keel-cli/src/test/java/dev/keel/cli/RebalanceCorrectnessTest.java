package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.io.report.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's wrong answers on the Rivera example, each run through the CLI as a user would. On
 * 2026-11-22 the joint account holds $9,968.62 of cash and a $2,000 reserve; the 401(k)'s payroll
 * contribution buys VTI on 2026-12-01.
 */
class RebalanceCorrectnessTest {

  private static final String AS_OF = "2026-11-22";

  private static JsonNode propose(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", AS_OF, "--format", "json"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.status()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  private static BigDecimal cashLeft(JsonNode root, String account) {
    return root.get("cash_left").get(account).decimalValue();
  }

  // --- Withdrawals -------------------------------------------------------------------------

  /**
   * Chen-Okafor on 2026-01-16: three classes are outside their bands, the next check is 2026-11-15.
   * The harvest said "(no rebalance due)" as if every class were inside its band.
   */
  @Test
  void test_harvest_between_checks_names_the_classes_outside_their_bands() {
    CliRun run = CliRun.of("harvest", CliRun.EXAMPLE.resolveSibling("chen-okafor").toString(), "--as-of", "2026-01-16");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Tax-loss harvesting only (no rebalance due: us_stocks, bonds, reits outside band, "
        + "but no check is due until 2026-11-15).");
  }

  /**
   * A class over its target before the trades may still be bought, in place of what another account
   * sells of it (sam-ira's $95,000 withdrawal sells its VNQ; the Roth buys REITs back): the reason
   * says so, instead of giving "reits 0.3 pts over target" alone as the reason to buy.
   */
  @Test
  void test_a_buy_of_a_class_over_target_says_it_replaces_what_is_sold_elsewhere() throws Exception {
    JsonNode root = propose("--cash-flow", "sam-ira=-95000");
    int checked = 0;
    for (JsonNode t : root.get("trades")) {
      String reason = t.get("reason").asText();
      if (t.get("side").asText().equals("buy") && reason.contains(" pts over target")) {
        assertThat(reason).as(reason).contains("bought here in place of " + t.get("asset_class").asText() + " sold in another account");
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void test_withdrawal_of_30000_is_paid_in_full_and_keeps_the_reserve() throws Exception {
    // Before the fix: joint ended at -$27.68, "not enough tradable holdings in the account".
    JsonNode root = propose("--cash-flow", "joint=-30000");

    assertThat(cashLeft(root, "joint")).isGreaterThanOrEqualTo(new BigDecimal("2000.00"));
    assertThat(root.get("unresolved").toString()).doesNotContain("short by");
    for (JsonNode c : root.get("after")) {
      assertThat(c.get("breached").asBoolean()).as(c.toString()).isFalse();
    }
  }

  @Test
  void test_withdrawal_of_10000_keeps_the_reserve_instead_of_buying_with_it() throws Exception {
    // Before the fix: joint ended at $33.77 against its $2,000 reserve while buying $15,000 of VXUS.
    JsonNode root = propose("--cash-flow", "joint=-10000");

    assertThat(cashLeft(root, "joint")).isGreaterThanOrEqualTo(new BigDecimal("2000.00"));
  }

  @Test
  void test_every_account_ends_with_cash_of_at_least_zero_whatever_the_withdrawal() throws Exception {
    for (String flow : List.of("joint=-1", "joint=-9968.62", "joint=-50000", "joint=-200000", "sam-ira=-500", "alex-401k=-70000")) {
      JsonNode root = propose("--cash-flow", flow);
      root.get("cash_left").fields().forEachRemaining(e -> assertThat(e.getValue().decimalValue()).as(flow + " " + e.getKey())
          .isGreaterThanOrEqualTo(BigDecimal.ZERO));
      assertThat(root.get("unresolved").toString()).as(flow).doesNotContain("short by");
    }
  }

  @Test
  void test_withdrawal_from_an_ira_sells_what_it_holds_and_rebuys_the_classes_elsewhere() throws Exception {
    // sam-ira holds $350 + 800.15 BND + 400 VNQ, about $95,000. Before the fix: "short by 15,779.70",
    // because bonds (under target) could not be sold even to pay a withdrawal.
    JsonNode root = propose("--cash-flow", "sam-ira=-95000");

    assertThat(cashLeft(root, "sam-ira")).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    assertThat(root.get("unresolved").toString()).doesNotContain("short by");
    boolean paid = false;
    for (JsonNode t : root.get("trades")) {
      if (t.get("account").asText().equals("sam-ira") && t.get("symbol").asText().equals("BND")) {
        assertThat(t.get("side").asText()).isEqualTo("sell");
        assertThat(t.get("reason").asText()).contains("pays the withdrawal of $95,000.00 from sam-ira");
        paid = true;
      }
    }
    assertThat(paid).isTrue();
    for (JsonNode c : root.get("after")) {
      assertThat(c.get("breached").asBoolean()).as(c.toString()).isFalse(); // the bonds are bought back elsewhere
    }
  }

  @Test
  void test_withdrawal_larger_than_the_account_is_a_problem_with_its_numbers() {
    // Before the fix: sells everywhere and weights of -692%.
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", AS_OF, "--cash-flow", "joint=-1000000");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    // joint: cash $9,968.62; VTI 550 x 310.25 + 50 x 310.25, VXUS 1,300 x 68.05, VOO 120 x 561.40, IXUS ...
    assertThat(run.err()).contains("--cash-flow: amount: \"joint=-1000000\" is a withdrawal of $1,000,000.00 from joint, "
        + "more than it can pay: cash $9,968.62 + holdings Keel may sell ").contains(", short by $");
  }

  @Test
  void test_withdrawal_from_an_account_keel_does_not_trade_is_a_problem() {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", AS_OF, "--cash-flow", "alex-rsu=-100");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("cash $0.00 + holdings Keel may sell $0.00 = $0.00, short by $100.00 (the account is not tradable");
  }

  // --- Loss sales and scheduled purchases ----------------------------------------------------

  @Test
  void test_loss_lot_washed_by_the_401k_contribution_is_not_sold() throws Exception {
    // Before the fix: sold 50 VTI of lot J-VTI-2026 at a $607.50 loss, counted -$176.17 of tax, with
    // no word of the 401(k)'s VTI contribution on 2026-12-01, which washes it for good (Rev. Rul. 2008-5).
    JsonNode root = propose();

    for (JsonNode t : root.get("trades")) {
      for (JsonNode lot : t.get("lots")) {
        assertThat(lot.get("lot_id").asText()).isNotEqualTo("J-VTI-2026");
      }
    }
    assertThat(root.get("blocked").toString()).contains("J-VTI-2026")
        .contains("alex-401k on 2026-12-01 would wash this loss permanently (Rev. Rul. 2008-5)");
  }

  @Test
  void test_loss_sale_still_proposed_carries_the_warning_and_counts_no_loss(@TempDir Path dir) throws Exception {
    // Every other us_stocks lot restricted: the loss lot is the only one left to sell.
    Path folder = CliRun.exampleWith(dir);
    Path policy = folder.resolve("policy.yaml");
    Files.writeString(policy, Files.readString(policy).replace("min_trade: 100", "min_trade: 100\nrestricted_lots: [J-VTI-2017, "
        + "J-VTI-2019, J-VTI-2021, J-VTI-2022, J-VOO-2025, J-VOO-INH, alex-401k/VTI/1, alex-roth/VTI/1, family-hsa/VOO/1]"));
    CliRun run = CliRun.of("rebalance", folder.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());

    JsonNode sale = null;
    for (JsonNode t : root.get("trades")) {
      if (t.get("lots").toString().contains("J-VTI-2026")) {
        sale = t;
      }
    }
    assertThat(sale).as(run.out()).isNotNull();
    assertThat(sale.get("reason").asText()).contains("warning: the scheduled payroll contribution of VTI in alex-401k on 2026-12-01"
        + " would wash this loss permanently");
    JsonNode lot = sale.get("lots").get(0);
    assertThat(lot.get("economic_gain").decimalValue()).isNegative();
    assertThat(lot.get("gain").decimalValue()).isEqualByComparingTo("0.00"); // the loss is washed: nothing deducted
    assertThat(lot.get("disallowed_loss").decimalValue()).isEqualByComparingTo(lot.get("economic_gain").decimalValue().negate());
    assertThat(root.get("tax").get("short_term_gain").decimalValue()).isEqualByComparingTo("0.00");
  }

  @Test
  void test_purchase_scheduled_in_the_30_days_before_the_sale_washes_it_too(@TempDir Path dir) throws Exception {
    // Contribution on 2026-11-15, monthly; a harvest on 2026-11-22 is 7 days after it.
    Path folder = CliRun.exampleWith(dir);
    Path policy = folder.resolve("policy.yaml");
    Files.writeString(policy, Files.readString(policy).replace("next: 2026-12-01", "next: 2026-10-15"));
    CliRun run = CliRun.of("harvest", folder.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());

    assertThat(root.get("harvests")).isEmpty();
    assertThat(root.get("blocked").toString()).contains("J-VTI-2026")
        .contains("on 2026-11-15, within the 30 days before the sale, washes this loss permanently");
  }

  // --- Sales in tax-advantaged accounts ----------------------------------------------------

  @Test
  void test_sales_in_tax_advantaged_accounts_realize_nothing_in_every_format() throws Exception {
    JsonNode root = propose();
    for (JsonNode t : root.get("trades")) {
      boolean advantaged = t.get("account").asText().matches("alex-401k|sam-ira|alex-roth|sam-roth|family-hsa");
      if (t.get("side").asText().equals("sell") && advantaged) {
        assertThat(t.get("taxable").asBoolean()).isFalse();
        assertThat(t.get("reason").asText()).contains("no tax in a");
        for (JsonNode lot : t.get("lots")) {
          assertThat(lot.get("gain").decimalValue()).isEqualByComparingTo("0.00");
          assertThat(lot.get("taxable").asBoolean()).isFalse();
        }
      }
      if (t.get("side").asText().equals("buy")) {
        // A purchase realizes nothing: it read "taxable": true even in the 401(k); the CSV leaves it empty.
        assertThat(t.get("taxable").isNull()).as(t.toString()).isTrue();
      }
    }

    // Before the fix the CSV showed the 401(k) sales as long-term gains (51,909.52 and 1,964.70).
    CliRun csv = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", AS_OF, "--format", "csv");
    assertThat(csv.status()).isZero();
    BigDecimal sum = BigDecimal.ZERO;
    for (String line : csv.out().lines().skip(1).toList()) {
      String[] cells = line.split(",", -1);
      if (cells[0].matches("alex-401k|alex-roth|family-hsa|sam-ira|sam-roth") && cells[2].equals("sell")) {
        assertThat(cells[7]).as(line).isEmpty();
        assertThat(cells[8]).as(line).isEmpty();
        assertThat(cells[cells.length - 1]).as(line).isEqualTo("false");
      }
      if (!cells[8].isEmpty()) {
        sum = sum.add(new BigDecimal(cells[7])).add(new BigDecimal(cells[8]));
      }
    }
    BigDecimal net = root.get("tax").get("short_term_gain").decimalValue().add(root.get("tax").get("long_term_gain").decimalValue());
    assertThat(sum).isEqualByComparingTo(net);

    CliRun table = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", AS_OF);
    assertThat(table.out()).doesNotContain("lot alex-401k/VTI/1").doesNotContain("lot alex-roth/VTI/1");
  }

  // --- Order files -------------------------------------------------------------------------

  @Test
  void test_order_file_carries_the_lots_to_relieve(@TempDir Path dir) throws Exception {
    Path orders = dir.resolve("orders.csv");
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", AS_OF, "--cash-flow", "joint=-30000",
        "--format", "json", "--out", orders.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    List<String> lines = Files.readAllLines(orders);

    assertThat(lines.get(0)).isEqualTo("account,symbol,side,quantity,order_type,limit_price,order,lot_id,lot_acquired,"
        + "lot_quantity,lot_cost_basis");
    int order = 0;
    for (JsonNode t : root.get("trades")) {
      order++;
      String number = String.valueOf(order);
      List<String[]> rows = lines.stream().skip(1).map(l -> l.split(",", -1)).filter(c -> c[6].equals(number)).toList();
      assertThat(rows).isNotEmpty();
      boolean lotsMatter = t.get("side").asText().equals("sell") && t.get("taxable").asBoolean();
      if (!lotsMatter) {
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[7]).isEmpty();
        continue;
      }
      assertThat(rows).hasSize(t.get("lots").size());
      BigDecimal total = BigDecimal.ZERO;
      for (int i = 0; i < rows.size(); i++) {
        String[] row = rows.get(i);
        JsonNode lot = t.get("lots").get(i);
        assertThat(row[3]).isEqualTo(t.get("quantity").asText());
        assertThat(row[7]).isEqualTo(lot.get("lot_id").asText());
        assertThat(row[8]).isEqualTo(lot.get("acquired").asText());
        assertThat(new BigDecimal(row[10])).isEqualByComparingTo(lot.get("cost_basis").decimalValue());
        total = total.add(new BigDecimal(row[9]));
      }
      assertThat(total).isEqualByComparingTo(new BigDecimal(t.get("quantity").asText()));
    }
    assertThat(lines.stream().anyMatch(l -> l.startsWith("joint,") && l.contains(",sell,") && l.contains("J-VXUS-2024")))
        .as(String.join("\n", lines)).isTrue();
  }

  // --- Messages ----------------------------------------------------------------------------

  @Test
  void test_harvest_does_not_say_no_rebalance_due_when_one_is() {
    CliRun run = CliRun.of("harvest", CliRun.EXAMPLE.toString(), "--as-of", AS_OF);

    assertThat(run.status()).isZero();
    assertThat(run.out()).doesNotContain("no rebalance due").contains("a rebalance is due (us_stocks, bonds outside band)");
  }

  @Test
  void test_no_trades_before_the_check_says_no_check_is_due() {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", "2026-11-14");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("no check is due until 2026-11-15").doesNotContain("only the cash flows were placed");
  }

  @Test
  void test_rebalance_messages_use_dollars_points_and_define_turnover() {
    CliRun run = CliRun.of("rebalance", CliRun.EXAMPLE.toString(), "--as-of", AS_OF, "--cash-flow", "joint=-30000");

    assertThat(run.status()).isZero();
    assertThat(run.out()).containsPattern("realizes a [a-z-]+ (gain|loss) of \\$[0-9,]+\\.[0-9]{2}").contains("8.7 pts over target")
        .contains("pays the withdrawal of $30,000.00 from joint")
        .contains("Turnover: ").contains("(half of all dollars sold and bought, over the household's value before)")
        // every class ends inside its band: nothing is listed as not fixed
        .contains("every class ends inside its band").doesNotContain("Not fixed");
  }

  @Test
  void test_contribution_is_not_explained_as_cash_on_hand() throws Exception {
    JsonNode root = propose("--cash-flow", "sam-roth=20000");

    boolean seen = false;
    for (JsonNode t : root.get("trades")) {
      if (t.get("account").asText().equals("sam-roth") && t.get("side").asText().equals("buy")) {
        assertThat(t.get("reason").asText()).contains("paid for by the contribution of $20,000.00").doesNotContain("cash on hand");
        seen = true;
      }
    }
    assertThat(seen).isTrue();
  }

  @Test
  void test_a_lot_sold_is_not_also_listed_as_not_harvested(@TempDir Path dir) throws Exception {
    Path folder = CliRun.exampleWith(dir);
    Path policy = folder.resolve("policy.yaml");
    Files.writeString(policy, Files.readString(policy).replace("min_trade: 100", "min_trade: 100\nrestricted_lots: [J-VTI-2017, "
        + "J-VTI-2019, J-VTI-2021, J-VTI-2022, J-VOO-2025, J-VOO-INH, alex-401k/VTI/1, alex-roth/VTI/1, family-hsa/VOO/1]"));
    CliRun run = CliRun.of("rebalance", folder.toString(), "--as-of", AS_OF);

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("lot J-VTI-2026 acquired").doesNotContain("Not harvested:\n  - VTI lot J-VTI-2026");
  }
}
