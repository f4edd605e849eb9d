package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.io.report.Json;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs every command on examples/chen-okafor, a two-earner household with employer stock (RSU
 * vests, ESPP purchases), a split, an in-kind transfer, a return of capital and a loss washed by a
 * spouse's 401(k) purchases. Every figure asserted here is worked out by hand in its README.
 */
class ChenOkaforExampleTest {

  static final String HOUSEHOLD = Path.of("..", "examples", "chen-okafor").toString();
  static final String AS_OF = "2026-11-20";

  private static JsonNode json(String... args) throws Exception {
    CliRun run = CliRun.of(args);
    assertThat(run.status()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  private static JsonNode find(JsonNode rows, String field, String value) {
    for (JsonNode row : rows) {
      if (row.get(field).asText().equals(value)) {
        return row;
      }
    }
    throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
  }

  private static BigDecimal dec(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value.isTextual() ? new BigDecimal(value.asText()) : value.decimalValue(); // quantities are text
  }

  @Test
  void test_analyze_employerStockIs18PercentAndARebalanceIsDue() throws Exception {
    JsonNode root = json("analyze", HOUSEHOLD, "--as-of", AS_OF, "--format", "json", "--holdings");

    assertThat(dec(root, "total_value")).isEqualByComparingTo("1734167.20");
    assertThat(root.get("rebalance_needed").asBoolean()).isTrue();
    BigDecimal kln = BigDecimal.ZERO;
    for (JsonNode h : root.get("holdings")) {
      if (h.get("symbol").asText().equals("KLN")) {
        kln = kln.add(dec(h, "value"));
      }
    }
    // 2,603 in mei-plan + 200 in joint = 2,803 × 110.00
    assertThat(kln).isEqualByComparingTo("308330.00");
    JsonNode us = find(root.get("asset_classes"), "asset_class", "us_stocks");
    assertThat(us.get("breached").asBoolean()).isTrue();
    JsonNode reits = find(root.get("asset_classes"), "asset_class", "reits");
    assertThat(reits.get("breached").asBoolean()).isTrue();
    // The override states both keys (an override replaces only the keys it gives): min(0.02, 0.40 × 0.05) = 2 points.
    assertThat(dec(reits, "lower")).isEqualByComparingTo("0.03");
    assertThat(dec(reits, "upper")).isEqualByComparingTo("0.07");
  }

  @Test
  void test_lots_splitAndTransferKeepBasisAndDate_returnOfCapitalReducesBasis() throws Exception {
    JsonNode lots = json("lots", HOUSEHOLD, "--as-of", AS_OF, "--format", "json").get("lots");

    // KLN-2019: 250 for 7,500 (2019-02-15) → 500 after 2:1 → moved to joint → 300 sold: 200 left, 3,000.
    JsonNode kln = find(lots, "lot_id", "KLN-2019");
    assertThat(kln.get("account").asText()).isEqualTo("joint");
    assertThat(dec(kln, "quantity")).isEqualByComparingTo("200");
    assertThat(dec(kln, "cost_basis")).isEqualByComparingTo("3000.00");
    assertThat(kln.get("acquired").asText()).isEqualTo("2019-02-15");
    // VNQ: 30,400 − 120 of return of capital
    assertThat(dec(find(lots, "lot_id", "J-VNQ-2018"), "cost_basis")).isEqualByComparingTo("30280.00");
  }

  @Test
  void test_lots_esppLotsShowTheirQualifyingDispositionDate() throws Exception {
    // IRC §423(a)(1), Publication 525: a sale is a qualifying disposition when it is more than 2
    // years after the offering date and more than 1 year after the purchase; the first such day is
    // the day after the later anniversary.
    JsonNode lots = json("lots", HOUSEHOLD, "--as-of", AS_OF, "--format", "json").get("lots");

    // offering 2025-01-02, bought 2025-06-30: later of 2027-01-02 and 2026-06-30, plus a day
    assertThat(find(lots, "lot_id", "ESPP-2025-06").get("espp_qualifying_from").asText()).isEqualTo("2027-01-03");
    // offering 2025-07-01, bought 2025-12-31: later of 2027-07-01 and 2026-12-31, plus a day
    assertThat(find(lots, "lot_id", "ESPP-2025-12").get("espp_qualifying_from").asText()).isEqualTo("2027-07-02");
    // offering 2026-01-02, bought 2026-06-30: later of 2028-01-02 and 2027-06-30, plus a day
    assertThat(find(lots, "lot_id", "ESPP-2026-06").get("espp_qualifying_from").asText()).isEqualTo("2028-01-03");
    // an RSU lot and an ordinary lot have none
    assertThat(find(lots, "lot_id", "J-VNQ-2018").get("espp_qualifying_from").isNull()).isTrue();

    CliRun table = CliRun.of("lots", HOUSEHOLD, "--as-of", AS_OF);
    assertThat(table.status()).as(table.err()).isZero();
    assertThat(table.out()).contains("ESPP qualifies").containsPattern("ESPP-2025-06 .*2027-01-03");
  }

  @Test
  void test_gains2025_rsuAndEsppCodeB_washedVxus_transferredKln() throws Exception {
    JsonNode root = json("gains", HOUSEHOLD, "--year", "2025", "--format", "json");
    JsonNode rows = root.get("disposals");

    JsonNode rsu = find(rows, "lot_id", "RSU-2024-02");
    assertThat(rsu.get("adjustment_code").asText()).isEqualTo("B");
    assertThat(dec(rsu, "cost_basis")).isEqualByComparingTo("0.00");
    assertThat(dec(rsu, "adjustment")).isEqualByComparingTo("-5369.00");
    assertThat(dec(rsu, "gain")).isEqualByComparingTo("2403.00");
    assertThat(rsu.get("term").asText()).isEqualTo("long");

    JsonNode espp = find(rows, "lot_id", "ESPP-2024-12");
    assertThat(dec(espp, "ordinary_income")).isEqualByComparingTo("4662.60"); // 114 × (150.00 − 109.10)
    assertThat(dec(espp, "cost_basis")).isEqualByComparingTo("12437.40");
    assertThat(dec(espp, "gain")).isEqualByComparingTo("785.46");
    assertThat(espp.get("term").asText()).isEqualTo("short");

    JsonNode vxus = find(rows, "lot_id", "J-VXUS-2025");
    assertThat(vxus.get("adjustment_code").asText()).isEqualTo("W");
    assertThat(dec(vxus, "adjustment")).isEqualByComparingTo("370.37"); // 61.7290 × 6.00
    assertThat(dec(vxus, "permanently_disallowed")).isEqualByComparingTo("370.37");
    assertThat(dec(vxus, "gain")).isEqualByComparingTo("-2029.63");

    JsonNode kln = find(rows, "lot_id", "KLN-2019");
    assertThat(kln.get("account").asText()).isEqualTo("joint");
    assertThat(dec(kln, "gain")).isEqualByComparingTo("23925.00");

    JsonNode summary = root.get("summary");
    assertThat(dec(summary, "net_short_term")).isEqualByComparingTo("-1244.17");
    assertThat(dec(summary, "net_long_term")).isEqualByComparingTo("26328.00");
  }

  @Test
  void test_gains2025_table_showsReportedBasisAndTheEsppWages() {
    CliRun run = CliRun.of("gains", HOUSEHOLD, "--year", "2025");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("50 sh KLN", "$0.00  B        -$5,369.00         $2,403.00");
    assertThat(run.out()).contains("ESPP ordinary income   $4,662.60");
  }

  @Test
  void test_gains2026_qualifyingEsppSale() throws Exception {
    JsonNode rows = json("gains", HOUSEHOLD, "--year", "2026", "--format", "json").get("disposals");

    JsonNode espp = find(rows, "lot_id", "ESPP-2024-06");
    assertThat(dec(espp, "quantity")).isEqualByComparingTo("292"); // 146 before the split
    assertThat(dec(espp, "ordinary_income")).isEqualByComparingTo("2203.14"); // 146 × (100.62 − 85.53)
    assertThat(dec(espp, "gain")).isEqualByComparingTo("15689.16");
    assertThat(espp.get("term").asText()).isEqualTo("long");
  }

  @Test
  void test_harvest_bndLossIntoAgg_worthItsLongTermRate() throws Exception {
    JsonNode harvests = json("harvest", HOUSEHOLD, "--as-of", AS_OF, "--format", "json").get("harvests");

    assertThat(harvests).hasSize(1);
    JsonNode h = harvests.get(0);
    assertThat(h.get("lot_id").asText()).isEqualTo("J-BND-2021");
    assertThat(h.get("substitute").asText()).isEqualTo("AGG");
    assertThat(dec(h, "loss")).isEqualByComparingTo("11040.00"); // 70,400 − 800 × 74.20
    assertThat(dec(h, "tax_saved_this_year")).isEqualByComparingTo("2627.52"); // × (15% + 3.8% + 5%)
    assertThat(h.get("warnings")).isEmpty();
  }

  @Test
  void test_rebalance_sellsOnlyWhereItCostsNoTax_keepsTheReserve() throws Exception {
    JsonNode root = json("rebalance", HOUSEHOLD, "--as-of", AS_OF, "--format", "json");

    assertThat(dec(root.get("tax"), "estimated_tax")).isEqualByComparingTo("0");
    Set<String> taxAdvantaged = Set.of("mei-401k", "tobi-401k", "mei-roth", "tobi-roth", "family-hsa");
    List<String> sellers = new ArrayList<>();
    for (JsonNode t : root.get("trades")) {
      if (t.get("side").asText().equals("sell")) {
        sellers.add(t.get("account").asText());
      }
    }
    assertThat(sellers).isNotEmpty().allMatch(taxAdvantaged::contains);
    assertThat(dec(root.get("cash_left"), "joint")).isGreaterThanOrEqualTo(new BigDecimal("2000"));
    for (JsonNode c : root.get("after")) {
      assertThat(c.get("breached").asBoolean()).as(c.get("asset_class").asText()).isFalse();
    }
  }

  @Test
  void test_analyze_daysAfterTheSplit_preSplitPriceIsHalved() throws Exception {
    // The last KLN price before 2025-06-15 is 177.14 on 2025-05-30, quoted before the 2:1 split of
    // 2025-06-10: it prices the 2,292 post-split shares in mei-plan at 88.57, not 177.14.
    JsonNode root = json("analyze", HOUSEHOLD, "--as-of", "2025-06-15", "--format", "json", "--holdings");
    JsonNode kln = find(root.get("holdings"), "symbol", "KLN");

    assertThat(dec(kln, "quantity")).isEqualByComparingTo("2292");
    assertThat(dec(kln, "price")).isEqualByComparingTo("88.57");
    assertThat(dec(kln, "value")).isEqualByComparingTo("203002.44");
  }
}
