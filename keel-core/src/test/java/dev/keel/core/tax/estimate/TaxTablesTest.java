package dev.keel.core.tax.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.keel.core.tax.FilingStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests {@link TaxTables} and the bundled figures in {@link BundledTaxTables} against their
 * sources: Rev. Proc. 2018-18, 2018-57, 2019-44, 2020-45, 2021-45, 2022-38 and 2023-34 (2018 to
 * 2024), Rev. Proc. 2024-40 (2025 rate tables and capital gain thresholds), the One Big Beautiful
 * Bill Act §70102 (2025 standard deduction), Rev. Proc. 2025-32 (2026), IRC §1411(b) (NIIT
 * thresholds) and IRC §1211(b) (capital loss limit).
 */
class TaxTablesTest {

  private static final TaxTables BUNDLED = TaxTables.bundled();

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  /** Issue 8 item 3: a household's history reaches back years; 2018 is the first TCJA year. */
  @Test
  void test_bundled_coversEveryYearFrom2018Through2026() {
    assertThat(BUNDLED.years()).containsExactly(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
  }

  @Test
  void test_find_missingYear_isEmpty() {
    assertThat(BUNDLED.find(2017)).isEmpty();
    assertThat(BUNDLED.find(2027)).isEmpty();
  }

  @Test
  void test_get_missingYear_namesTheYearAndTheYearsAvailable() {
    assertThatThrownBy(() -> BUNDLED.get(2027))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2027")
        .hasMessageContaining("2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026");
  }

  @Test
  void test_tablesUsed_bundledYear_isItsOwn() {
    TablesUsed used = TablesUsed.forYear(2024, BUNDLED);

    assertThat(used.tableYear()).isEqualTo(2024);
    assertThat(used.estimatedFromNearest()).isFalse();
    assertThat(used.source()).contains("Rev. Proc. 2023-34");
    assertThat(used.label()).isEqualTo("2024 tables");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"2017, 2018", "2010, 2018", "2027, 2026", "2031, 2026"})
  void test_tablesUsed_yearWithoutTable_nearestYearLabelled(int year, int nearest) {
    TablesUsed used = TablesUsed.forYear(year, BUNDLED);

    assertThat(used.tableYear()).isEqualTo(nearest);
    assertThat(used.estimatedFromNearest()).isTrue();
    assertThat(used.label()).isEqualTo("no " + year + " tables are bundled: estimated with the " + nearest + " tables");
  }

  @Test
  void test_get_emptyTables_saysNoYear() {
    assertThatThrownBy(() -> TaxTables.of(List.of()).get(2025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025")
        .hasMessageContaining("no year");
  }

  @Test
  void test_of_twoTablesForOneYear_isAnError() {
    assertThatThrownBy(() -> TaxTables.of(BundledTaxTables.YEAR_2025, BundledTaxTables.YEAR_2025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025");
  }

  @Test
  void test_new_keyMustMatchTableYear() {
    TreeMap<Integer, TaxYearTable> wrong = new TreeMap<>();
    wrong.put(2030, BundledTaxTables.YEAR_2025);
    assertThatThrownBy(() -> new TaxTables(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2030");
  }

  @Test
  void test_yearTable_mustHaveEveryFilingStatus() {
    Map<FilingStatus, FilingStatusTable> onlySingle =
        Map.of(FilingStatus.SINGLE, BundledTaxTables.YEAR_2025.forStatus(FilingStatus.SINGLE));
    assertThatThrownBy(() -> new TaxYearTable(2025, onlySingle, d("0.038"), "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("married_joint");
  }

  /**
   * Every threshold, as published. Columns: lower bounds of the 12%, 22%, 24%, 32%, 35%, 37%
   * rates; top of the 0% and of the 15% capital gain rate; standard deduction; capital loss limit;
   * NIIT threshold.
   *
   * <p>2025: Rev. Proc. 2024-40 Tables 1 to 4 and the maximum zero-rate and 15-percent-rate
   * amounts; standard deduction per OBBBA §70102 (not the Rev. Proc.'s 15,000 / 30,000 / 22,500).
   * 2026: Rev. Proc. 2025-32. NIIT: IRC §1411(b). Loss limit: IRC §1211(b), Schedule D line 21.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // 2018: Rev. Proc. 2018-18 (post-TCJA); capital gain thresholds IRC §1(j)(5)(B)
    "2018, SINGLE,            9525,  38700, 82500,  157500, 200000, 500000, 38600, 425800, 12000, 3000, 200000",
    "2018, MARRIED_JOINT,     19050, 77400, 165000, 315000, 400000, 600000, 77200, 479000, 24000, 3000, 250000",
    "2018, MARRIED_SEPARATE,  9525,  38700, 82500,  157500, 200000, 300000, 38600, 239500, 12000, 1500, 125000",
    "2018, HEAD_OF_HOUSEHOLD, 13600, 51800, 82500,  157500, 200000, 500000, 51700, 452400, 18000, 3000, 200000",
    // 2019: Rev. Proc. 2018-57
    "2019, SINGLE,            9700,  39475, 84200,  160725, 204100, 510300, 39375, 434550, 12200, 3000, 200000",
    "2019, MARRIED_JOINT,     19400, 78950, 168400, 321450, 408200, 612350, 78750, 488850, 24400, 3000, 250000",
    "2019, MARRIED_SEPARATE,  9700,  39475, 84200,  160725, 204100, 306175, 39375, 244425, 12200, 1500, 125000",
    "2019, HEAD_OF_HOUSEHOLD, 13850, 52850, 84200,  160700, 204100, 510300, 52750, 461700, 18350, 3000, 200000",
    // 2020: Rev. Proc. 2019-44
    "2020, SINGLE,            9875,  40125, 85525,  163300, 207350, 518400, 40000, 441450, 12400, 3000, 200000",
    "2020, MARRIED_JOINT,     19750, 80250, 171050, 326600, 414700, 622050, 80000, 496600, 24800, 3000, 250000",
    "2020, MARRIED_SEPARATE,  9875,  40125, 85525,  163300, 207350, 311025, 40000, 248300, 12400, 1500, 125000",
    "2020, HEAD_OF_HOUSEHOLD, 14100, 53700, 85500,  163300, 207350, 518400, 53600, 469050, 18650, 3000, 200000",
    // 2021: Rev. Proc. 2020-45
    "2021, SINGLE,            9950,  40525, 86375,  164925, 209425, 523600, 40400, 445850, 12550, 3000, 200000",
    "2021, MARRIED_JOINT,     19900, 81050, 172750, 329850, 418850, 628300, 80800, 501600, 25100, 3000, 250000",
    "2021, MARRIED_SEPARATE,  9950,  40525, 86375,  164925, 209425, 314150, 40400, 250800, 12550, 1500, 125000",
    "2021, HEAD_OF_HOUSEHOLD, 14200, 54200, 86350,  164900, 209400, 523600, 54100, 473750, 18800, 3000, 200000",
    // 2022: Rev. Proc. 2021-45
    "2022, SINGLE,            10275, 41775, 89075,  170050, 215950, 539900, 41675, 459750, 12950, 3000, 200000",
    "2022, MARRIED_JOINT,     20550, 83550, 178150, 340100, 431900, 647850, 83350, 517200, 25900, 3000, 250000",
    "2022, MARRIED_SEPARATE,  10275, 41775, 89075,  170050, 215950, 323925, 41675, 258600, 12950, 1500, 125000",
    "2022, HEAD_OF_HOUSEHOLD, 14650, 55900, 89050,  170050, 215950, 539900, 55800, 488500, 19400, 3000, 200000",
    // 2023: Rev. Proc. 2022-38
    "2023, SINGLE,            11000, 44725, 95375,  182100, 231250, 578125, 44625, 492300, 13850, 3000, 200000",
    "2023, MARRIED_JOINT,     22000, 89450, 190750, 364200, 462500, 693750, 89250, 553850, 27700, 3000, 250000",
    "2023, MARRIED_SEPARATE,  11000, 44725, 95375,  182100, 231250, 346875, 44625, 276900, 13850, 1500, 125000",
    "2023, HEAD_OF_HOUSEHOLD, 15700, 59850, 95350,  182100, 231250, 578100, 59750, 523050, 20800, 3000, 200000",
    // 2024: Rev. Proc. 2023-34
    "2024, SINGLE,            11600, 47150, 100525, 191950, 243725, 609350, 47025, 518900, 14600, 3000, 200000",
    "2024, MARRIED_JOINT,     23200, 94300, 201050, 383900, 487450, 731200, 94050, 583750, 29200, 3000, 250000",
    "2024, MARRIED_SEPARATE,  11600, 47150, 100525, 191950, 243725, 365600, 47025, 291850, 14600, 1500, 125000",
    "2024, HEAD_OF_HOUSEHOLD, 16550, 63100, 100500, 191950, 243700, 609350, 63000, 551350, 21900, 3000, 200000",
    "2025, SINGLE,            11925, 48475, 103350, 197300, 250525, 626350, 48350, 533400, 15750, 3000, 200000",
    "2025, MARRIED_JOINT,     23850, 96950, 206700, 394600, 501050, 751600, 96700, 600050, 31500, 3000, 250000",
    "2025, MARRIED_SEPARATE,  11925, 48475, 103350, 197300, 250525, 375800, 48350, 300000, 15750, 1500, 125000",
    "2025, HEAD_OF_HOUSEHOLD, 17000, 64850, 103350, 197300, 250500, 626350, 64750, 566700, 23625, 3000, 200000",
    "2026, SINGLE,            12400, 50400, 105700, 201775, 256225, 640600, 49450, 545500, 16100, 3000, 200000",
    "2026, MARRIED_JOINT,     24800, 100800, 211400, 403550, 512450, 768700, 98900, 613700, 32200, 3000, 250000",
    "2026, MARRIED_SEPARATE,  12400, 50400, 105700, 201775, 256225, 384350, 49450, 306850, 16100, 1500, 125000",
    "2026, HEAD_OF_HOUSEHOLD, 17700, 67450, 105700, 201750, 256200, 640600, 66200, 579600, 24150, 3000, 200000",
  })
  void test_bundled_figuresMatchThePublishedTables(
      int year,
      FilingStatus status,
      String over12,
      String over22,
      String over24,
      String over32,
      String over35,
      String over37,
      String zeroRateTop,
      String fifteenRateTop,
      String standardDeduction,
      String lossLimit,
      String niitThreshold) {
    FilingStatusTable table = BUNDLED.get(year).forStatus(status);

    assertThat(table.ordinary().brackets())
        .extracting(RateSchedule.Bracket::over, RateSchedule.Bracket::rate)
        .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .containsExactly(
            tuple(d("0"), d("0.10")),
            tuple(d(over12), d("0.12")),
            tuple(d(over22), d("0.22")),
            tuple(d(over24), d("0.24")),
            tuple(d(over32), d("0.32")),
            tuple(d(over35), d("0.35")),
            tuple(d(over37), d("0.37")));
    assertThat(table.capitalGains().brackets())
        .extracting(RateSchedule.Bracket::over, RateSchedule.Bracket::rate)
        .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .containsExactly(
            tuple(d("0"), d("0")),
            tuple(d(zeroRateTop), d("0.15")),
            tuple(d(fifteenRateTop), d("0.20")));
    assertThat(table.standardDeduction()).isEqualByComparingTo(standardDeduction);
    assertThat(table.capitalLossLimit()).isEqualByComparingTo(lossLimit);
    assertThat(table.niitThreshold()).isEqualByComparingTo(niitThreshold);
    assertThat(BUNDLED.get(year).niitRate()).isEqualByComparingTo("0.038");
  }

  /**
   * The tax at each threshold: the "base amounts" a rate table prints ("$5,578.50 plus 22% of the
   * excess over $48,475"). Rebuilt here from the thresholds and rates, by hand:
   *
   * <pre>
   * 2025 single (Rev. Proc. 2024-40):
   *   11,925 × 10%                          =   1,192.50
   *   + (48,475 − 11,925) × 12% = 4,386      =   5,578.50
   *   + (103,350 − 48,475) × 22% = 12,072.50 =  17,651.00
   *   + (197,300 − 103,350) × 24% = 22,548   =  40,199.00
   *   + (250,525 − 197,300) × 32% = 17,032   =  57,231.00
   *   + (626,350 − 250,525) × 35% = 131,538.75 = 188,769.75
   * 2025 married filing jointly: 2,385; 11,157; 35,302; 80,398; 114,462; 202,154.50
   * 2026 single (Rev. Proc. 2025-32): 1,240; 5,800; 17,966; 41,024; 58,448; 192,979.25
   * 2026 married filing jointly: 2,480; 11,600; 35,932; 82,048; 116,896; 206,583.50
   * 2026 head of household: 1,770; 7,740; 16,155; 39,207; 56,631; 191,171
   * </pre>
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // The base amounts printed in the published Tax Rate Schedules of each year, an independent
    // check of the thresholds above: 2019 Schedule X; 2022 Schedules X and Y-1;
    // 2023 Schedules X and Y-1 (Form 1040 instructions, "2023 Tax Rate Schedules").
    "2019, SINGLE,            970,     4543,    14382.50, 32748.50, 46628.50, 153798.50",
    "2022, SINGLE,            1027.50, 4807.50, 15213.50, 34647.50, 49335.50, 162718",
    "2022, MARRIED_JOINT,     2055,    9615,    30427,    69295,    98671,    174253.50",
    "2023, SINGLE,            1100,    5147,    16290,    37104,    52832,    174238.25",
    "2023, MARRIED_JOINT,     2200,    10294,   32580,    74208,    105664,   186601.50",
    "2025, SINGLE,            1192.50, 5578.50, 17651, 40199, 57231, 188769.75",
    "2025, MARRIED_JOINT,     2385,    11157,   35302, 80398, 114462, 202154.50",
    "2025, MARRIED_SEPARATE,  1192.50, 5578.50, 17651, 40199, 57231, 101077.25",
    "2025, HEAD_OF_HOUSEHOLD, 1700,    7442,    15912, 38460, 55484, 187031.50",
    "2026, SINGLE,            1240,    5800,    17966, 41024, 58448, 192979.25",
    "2026, MARRIED_JOINT,     2480,    11600,   35932, 82048, 116896, 206583.50",
    "2026, MARRIED_SEPARATE,  1240,    5800,    17966, 41024, 58448, 103291.75",
    "2026, HEAD_OF_HOUSEHOLD, 1770,    7740,    16155, 39207, 56631, 191171",
  })
  void test_bundled_taxAtEachThreshold(
      int year,
      FilingStatus status,
      String at12,
      String at22,
      String at24,
      String at32,
      String at35,
      String at37) {
    RateSchedule ordinary = BUNDLED.get(year).forStatus(status).ordinary();
    List<RateSchedule.Bracket> brackets = ordinary.brackets();
    List<String> expected = List.of(at12, at22, at24, at32, at35, at37);
    for (int i = 0; i < expected.size(); i++) {
      BigDecimal threshold = brackets.get(i + 1).over();
      assertThat(ordinary.taxOn(threshold))
          .as("tax at %s", threshold)
          .isEqualByComparingTo(expected.get(i));
    }
  }

  @Test
  void test_bundled_citesItsSources() {
    assertThat(BUNDLED.get(2025).source()).contains("Rev. Proc. 2024-40").contains("70102");
    assertThat(BUNDLED.get(2026).source()).contains("Rev. Proc. 2025-32");
    assertThat(BUNDLED.get(2018).source()).contains("Rev. Proc. 2018-18");
    assertThat(BUNDLED.get(2019).source()).contains("Rev. Proc. 2018-57");
    assertThat(BUNDLED.get(2020).source()).contains("Rev. Proc. 2019-44");
    assertThat(BUNDLED.get(2021).source()).contains("Rev. Proc. 2020-45");
    assertThat(BUNDLED.get(2022).source()).contains("Rev. Proc. 2021-45");
    assertThat(BUNDLED.get(2023).source()).contains("Rev. Proc. 2022-38");
    assertThat(BUNDLED.get(2024).source()).contains("Rev. Proc. 2023-34");
  }
}
