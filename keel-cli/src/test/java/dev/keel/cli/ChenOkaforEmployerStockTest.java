package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.io.report.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Employer stock of examples/chen-okafor under other household settings, run through the CLI: how
 * the ESPP ordinary income enters the estimate (IRS Publication 525: it is wages), and code B by
 * Form 8949 box (Instructions for Form 8949, code B).
 */
class ChenOkaforEmployerStockTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "chen-okafor");

  /** A copy of examples/chen-okafor in {@code dir}, household.yaml's {@code from} replaced by {@code to}. */
  private static Path copy(Path dir, String from, String to) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path yaml = dir.resolve("household.yaml");
    String text = Files.readString(yaml);
    assertThat(text).contains(from);
    Files.writeString(yaml, text.replace(from, to));
    return dir;
  }

  private static JsonNode json(String... args) throws Exception {
    CliRun run = CliRun.of(args);
    assertThat(run.status()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  private static BigDecimal dec(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value.isTextual() ? new BigDecimal(value.asText()) : value.decimalValue();
  }

  private static JsonNode row(JsonNode root, String lotId) {
    for (JsonNode row : root.get("disposals")) {
      if (row.get("lot_id").asText().equals(lotId)) {
        return row;
      }
    }
    throw new AssertionError("no row of " + lotId);
  }

  private static final String INCLUDES = "  income_includes_espp: true";

  @Test
  void test_esppIncome_withinIncome_notAddedAgain_andSaidSo() throws Exception {
    JsonNode tax = json("gains", EXAMPLE.toString(), "--year", "2025", "--format", "json").get("tax");

    // 2025: the disqualifying sale of ESPP-2024-12 realizes 114 × (150.00 − 109.10) = 4,662.60 of wages.
    assertThat(dec(tax, "espp_ordinary_income")).isEqualByComparingTo("4662.60");
    assertThat(tax.get("espp_income_in_estimate").asText()).isEqualTo("included_in_tax_income");
    assertThat(dec(tax, "taxable_income")).isEqualByComparingTo("391917.68");
    CliRun table = CliRun.of("gains", EXAMPLE.toString(), "--year", "2025");
    assertThat(table.out()).contains("ESPP ordinary income $4,662.60: within tax.income, not added again");
  }

  @Test
  void test_esppIncome_notInIncome_isAddedToTheEstimate(@TempDir Path dir) throws Exception {
    // Before: the 4,662.60 entered no estimate whatever the household said (fails before: no such
    // setting, the same taxable income).
    Path household = copy(dir, INCLUDES, "  income_includes_espp: false");

    JsonNode tax = json("gains", household.toString(), "--year", "2025", "--format", "json").get("tax");

    assertThat(tax.get("espp_income_in_estimate").asText()).isEqualTo("added_to_tax_income");
    // 391,917.68 + 4,662.60: the wages raise taxable income by exactly their amount.
    assertThat(dec(tax, "taxable_income")).isEqualByComparingTo("396580.28");
    CliRun table = CliRun.of("gains", household.toString(), "--year", "2025");
    assertThat(table.out()).contains("ESPP ordinary income $4,662.60: added to tax.income");
  }

  @Test
  void test_esppIncome_withoutIncome_saysItIsNotInTheEstimate(@TempDir Path dir) throws Exception {
    Path household = copy(dir, "  income: 390000 ", "  rates: {short_term: 0.35, long_term: 0.20}  #");

    JsonNode tax = json("gains", household.toString(), "--year", "2025", "--format", "json").get("tax");

    assertThat(tax.get("espp_income_in_estimate").asText()).isEqualTo("not_in_estimate");
    assertThat(dec(tax, "espp_ordinary_income")).isEqualByComparingTo("4662.60");
  }

  @Test
  void test_incomeIncludesEspp_notABoolean_isAProblem(@TempDir Path dir) throws Exception {
    Path household = copy(dir, INCLUDES, "  income_includes_espp: sometimes");

    CliRun run = CliRun.of("gains", household.toString(), "--year", "2025");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("household.yaml").contains("income_includes_espp").contains("sometimes");
  }

  @Test
  void test_codeB_boxE_correctBasisInColumnE_zeroInG(@TempDir Path dir) throws Exception {
    // Form 8949 instructions, code B: with box E checked, "enter the correct basis in column (e),
    // and enter -0- in column (g)". RSU-2024-02: 50 KLN vested at 107.38 (5,369.00), sold for 7,772.00.
    Path household = copy(dir, "    custodian: E*Trade stock plan\n",
        "    custodian: E*Trade stock plan\n    basis_reported: false\n");

    JsonNode rsu = row(json("gains", household.toString(), "--year", "2025", "--format", "json"), "RSU-2024-02");

    assertThat(rsu.get("box").asText()).isEqualTo("E");
    assertThat(rsu.get("adjustment_code").asText()).isEqualTo("B");
    assertThat(dec(rsu, "cost_basis")).isEqualByComparingTo("5369.00");
    assertThat(dec(rsu, "adjustment")).isEqualByComparingTo("0.00");
    assertThat(dec(rsu, "gain")).isEqualByComparingTo("2403.00");
    // The ESPP sale, short-term, box B: 12,437.40 + 4,662.60 = 17,100.00 in column (e).
    JsonNode espp = row(json("gains", household.toString(), "--year", "2025", "--format", "json"), "ESPP-2024-12");
    assertThat(espp.get("box").asText()).isEqualTo("B");
    assertThat(dec(espp, "cost_basis")).isEqualByComparingTo("17100.00");
    assertThat(dec(espp, "adjustment")).isEqualByComparingTo("0.00");
    assertThat(dec(espp, "gain")).isEqualByComparingTo("785.46");
  }

  @Test
  void test_codeB_boxD_reportedBasisInColumnE_correctionInG() throws Exception {
    JsonNode rsu = row(json("gains", EXAMPLE.toString(), "--year", "2025", "--format", "json"), "RSU-2024-02");

    assertThat(rsu.get("box").asText()).isEqualTo("D");
    assertThat(rsu.get("adjustment_code").asText()).isEqualTo("B");
    assertThat(dec(rsu, "cost_basis")).isEqualByComparingTo("0.00");
    assertThat(dec(rsu, "adjustment")).isEqualByComparingTo("-5369.00");
    assertThat(dec(rsu, "gain")).isEqualByComparingTo("2403.00");
  }

  @Test
  void test_noForm1099B_boxF_noCodeB(@TempDir Path dir) throws Exception {
    Path household = copy(dir, "    custodian: E*Trade stock plan\n",
        "    custodian: E*Trade stock plan\n    basis_reported: no_1099b\n");

    JsonNode rsu = row(json("gains", household.toString(), "--year", "2025", "--format", "json"), "RSU-2024-02");

    assertThat(rsu.get("box").asText()).isEqualTo("F");
    assertThat(rsu.get("adjustment_code").asText()).isEmpty();
    assertThat(dec(rsu, "cost_basis")).isEqualByComparingTo("5369.00");
    assertThat(dec(rsu, "gain")).isEqualByComparingTo("2403.00");
  }

  @Test
  void test_openingRsuLotOfLotsCsv_soldWithCodeB_likeAVest() throws Exception {
    // KLN-2019 is in lots.csv with award rsu: 300 of its 500 post-split shares sold from joint on
    // 2025-09-15 for 28,425.00; basis 7,500 × 300/500 = 4,500.00, which the 1099-B shows as 0.
    // Before lots.csv had an award column, the row had no code B and column (e) 4,500.00.
    JsonNode kln = row(json("gains", EXAMPLE.toString(), "--year", "2025", "--format", "json"), "KLN-2019");

    assertThat(kln.get("adjustment_code").asText()).isEqualTo("B");
    assertThat(dec(kln, "cost_basis")).isEqualByComparingTo("0.00");
    assertThat(dec(kln, "adjustment")).isEqualByComparingTo("-4500.00");
    assertThat(dec(kln, "adjusted_basis")).isEqualByComparingTo("4500.00");
    assertThat(dec(kln, "gain")).isEqualByComparingTo("23925.00");
  }
}
