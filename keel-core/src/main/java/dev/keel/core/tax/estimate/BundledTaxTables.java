package dev.keel.core.tax.estimate;

import dev.keel.core.tax.FilingStatus;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The federal tables bundled with Keel, transcribed from the IRS's published figures. Every figure
 * is in whole dollars; rates are fractions.
 *
 * <h2>Sources</h2>
 *
 * <ul>
 *   <li><b>2018</b>: Rev. Proc. 2018-18 (IRB 2018-10), which superseded the 2018 rate tables and
 *       standard deduction of Rev. Proc. 2017-58 after the Tax Cuts and Jobs Act (Pub. L. 115-97);
 *       the 0% / 15% / 20% thresholds are the TCJA's own figures (IRC §1(j)(5)(B)), as Rev. Proc.
 *       2018-18 §3.03 repeats them.
 *   <li><b>2019</b>: Rev. Proc. 2018-57 (IRB 2018-49).
 *   <li><b>2020</b>: Rev. Proc. 2019-44 (IRB 2019-47).
 *   <li><b>2021</b>: Rev. Proc. 2020-45 (IRB 2020-46).
 *   <li><b>2022</b>: Rev. Proc. 2021-45 (IRB 2021-48).
 *   <li><b>2023</b>: Rev. Proc. 2022-38 (IRB 2022-45).
 *   <li><b>2024</b>: Rev. Proc. 2023-34 (IRB 2023-48).
 *   <li>For each of 2018 to 2024: the rate tables of §1(j)(2) (the revenue procedure's section
 *       3.01), the maximum zero-rate and 15%-rate amounts (section 3.03) and the basic standard
 *       deduction (section 3.15 or 3.16); each figure was checked against the year's published
 *       Tax Rate Schedules.
 *   <li><b>2025</b>: rate tables (10% to 37%) and the 0% / 15% / 20% capital gain thresholds from
 *       Rev. Proc. 2024-40 (IRB 2024-45), which the One Big Beautiful Bill Act (Pub. L. 119-21,
 *       enacted 4 July 2025) left unchanged; the standard deduction as that Act amended it
 *       (§70102): $15,750 single and married filing separately, $31,500 married filing jointly,
 *       $23,625 head of household, replacing the Rev. Proc.'s $15,000 / $30,000 / $22,500.
 *   <li><b>2026</b>: rate tables, capital gain thresholds and standard deduction from Rev. Proc.
 *       2025-32 (IRS news release IR-2025-103, "IRS releases tax inflation adjustments for tax year
 *       2026, including amendments from the One Big Beautiful Bill").
 *   <li><b>Every year</b>: net investment income tax 3.8% over $200,000 (single, head of
 *       household), $250,000 (married filing jointly), $125,000 (married filing separately), IRC
 *       §1411(a)(1) and (b), not indexed for inflation; capital loss deduction limit $3,000
 *       ($1,500 married filing separately), IRC §1211(b), Schedule D (Form 1040) line 21 and
 *       Publication 550.
 * </ul>
 *
 * <p>Note the married-filing-separately 15% capital gain ceiling: $300,000 for 2025, which is not
 * half of the joint $600,050 (each status's figure is rounded on its own), but $306,850 for 2026,
 * exactly half of $613,700. The qualifying surviving spouse status uses the married-filing-jointly
 * figures but is not a {@link FilingStatus} in Keel.
 *
 * <p>Not modelled: the additional standard deduction for age 65 or blindness, the 2025-2028 senior
 * deduction, the 28% collectibles and 25% unrecaptured §1250 rates, the alternative minimum tax.
 */
final class BundledTaxTables {

  private static final BigDecimal NIIT_RATE = new BigDecimal("0.038");
  private static final BigDecimal LOSS_LIMIT = new BigDecimal("3000");
  private static final BigDecimal LOSS_LIMIT_SEPARATE = new BigDecimal("1500");
  private static final BigDecimal NIIT_SINGLE = new BigDecimal("200000");
  private static final BigDecimal NIIT_JOINT = new BigDecimal("250000");
  private static final BigDecimal NIIT_SEPARATE = new BigDecimal("125000");

  private static final String STATUTES = "; IRC §1411 (NIIT); IRC §1211(b) (capital loss limit)";

  // Each year: single, married filing jointly, married filing separately, head of household, each
  // with the lower bounds of the 12% to 37% brackets, the 0% and 15% capital gain ceilings, and
  // the standard deduction.
  static final TaxYearTable YEAR_2018 = year(2018, "Rev. Proc. 2018-18 (TCJA figures, superseding Rev. Proc. 2017-58)",
      status(ordinary("9525", "38700", "82500", "157500", "200000", "500000"), capitalGains("38600", "425800"), "12000"),
      status(ordinary("19050", "77400", "165000", "315000", "400000", "600000"), capitalGains("77200", "479000"), "24000"),
      status(ordinary("9525", "38700", "82500", "157500", "200000", "300000"), capitalGains("38600", "239500"), "12000"),
      status(ordinary("13600", "51800", "82500", "157500", "200000", "500000"), capitalGains("51700", "452400"), "18000"));
  static final TaxYearTable YEAR_2019 = year(2019, "Rev. Proc. 2018-57",
      status(ordinary("9700", "39475", "84200", "160725", "204100", "510300"), capitalGains("39375", "434550"), "12200"),
      status(ordinary("19400", "78950", "168400", "321450", "408200", "612350"), capitalGains("78750", "488850"), "24400"),
      status(ordinary("9700", "39475", "84200", "160725", "204100", "306175"), capitalGains("39375", "244425"), "12200"),
      status(ordinary("13850", "52850", "84200", "160700", "204100", "510300"), capitalGains("52750", "461700"), "18350"));
  static final TaxYearTable YEAR_2020 = year(2020, "Rev. Proc. 2019-44",
      status(ordinary("9875", "40125", "85525", "163300", "207350", "518400"), capitalGains("40000", "441450"), "12400"),
      status(ordinary("19750", "80250", "171050", "326600", "414700", "622050"), capitalGains("80000", "496600"), "24800"),
      status(ordinary("9875", "40125", "85525", "163300", "207350", "311025"), capitalGains("40000", "248300"), "12400"),
      status(ordinary("14100", "53700", "85500", "163300", "207350", "518400"), capitalGains("53600", "469050"), "18650"));
  static final TaxYearTable YEAR_2021 = year(2021, "Rev. Proc. 2020-45",
      status(ordinary("9950", "40525", "86375", "164925", "209425", "523600"), capitalGains("40400", "445850"), "12550"),
      status(ordinary("19900", "81050", "172750", "329850", "418850", "628300"), capitalGains("80800", "501600"), "25100"),
      status(ordinary("9950", "40525", "86375", "164925", "209425", "314150"), capitalGains("40400", "250800"), "12550"),
      status(ordinary("14200", "54200", "86350", "164900", "209400", "523600"), capitalGains("54100", "473750"), "18800"));
  static final TaxYearTable YEAR_2022 = year(2022, "Rev. Proc. 2021-45",
      status(ordinary("10275", "41775", "89075", "170050", "215950", "539900"), capitalGains("41675", "459750"), "12950"),
      status(ordinary("20550", "83550", "178150", "340100", "431900", "647850"), capitalGains("83350", "517200"), "25900"),
      status(ordinary("10275", "41775", "89075", "170050", "215950", "323925"), capitalGains("41675", "258600"), "12950"),
      status(ordinary("14650", "55900", "89050", "170050", "215950", "539900"), capitalGains("55800", "488500"), "19400"));
  static final TaxYearTable YEAR_2023 = year(2023, "Rev. Proc. 2022-38",
      status(ordinary("11000", "44725", "95375", "182100", "231250", "578125"), capitalGains("44625", "492300"), "13850"),
      status(ordinary("22000", "89450", "190750", "364200", "462500", "693750"), capitalGains("89250", "553850"), "27700"),
      status(ordinary("11000", "44725", "95375", "182100", "231250", "346875"), capitalGains("44625", "276900"), "13850"),
      status(ordinary("15700", "59850", "95350", "182100", "231250", "578100"), capitalGains("59750", "523050"), "20800"));
  static final TaxYearTable YEAR_2024 = year(2024, "Rev. Proc. 2023-34",
      status(ordinary("11600", "47150", "100525", "191950", "243725", "609350"), capitalGains("47025", "518900"), "14600"),
      status(ordinary("23200", "94300", "201050", "383900", "487450", "731200"), capitalGains("94050", "583750"), "29200"),
      status(ordinary("11600", "47150", "100525", "191950", "243725", "365600"), capitalGains("47025", "291850"), "14600"),
      status(ordinary("16550", "63100", "100500", "191950", "243700", "609350"), capitalGains("63000", "551350"), "21900"));
  static final TaxYearTable YEAR_2025 = year2025();
  static final TaxYearTable YEAR_2026 = year2026();
  static final TaxTables TABLES = TaxTables.of(
      YEAR_2018, YEAR_2019, YEAR_2020, YEAR_2021, YEAR_2022, YEAR_2023, YEAR_2024, YEAR_2025, YEAR_2026);

  private BundledTaxTables() {}

  private static TaxYearTable year2025() {
    Map<FilingStatus, FilingStatusTable> statuses = new EnumMap<>(FilingStatus.class);
    statuses.put(
        FilingStatus.SINGLE,
        table(
            ordinary("11925", "48475", "103350", "197300", "250525", "626350"),
            capitalGains("48350", "533400"),
            "15750",
            LOSS_LIMIT,
            NIIT_SINGLE));
    statuses.put(
        FilingStatus.MARRIED_JOINT,
        table(
            ordinary("23850", "96950", "206700", "394600", "501050", "751600"),
            capitalGains("96700", "600050"),
            "31500",
            LOSS_LIMIT,
            NIIT_JOINT));
    statuses.put(
        FilingStatus.MARRIED_SEPARATE,
        table(
            ordinary("11925", "48475", "103350", "197300", "250525", "375800"),
            capitalGains("48350", "300000"),
            "15750",
            LOSS_LIMIT_SEPARATE,
            NIIT_SEPARATE));
    statuses.put(
        FilingStatus.HEAD_OF_HOUSEHOLD,
        table(
            ordinary("17000", "64850", "103350", "197300", "250500", "626350"),
            capitalGains("64750", "566700"),
            "23625",
            LOSS_LIMIT,
            NIIT_SINGLE));
    return new TaxYearTable(
        2025,
        statuses,
        NIIT_RATE,
        "Rev. Proc. 2024-40 (rate tables, capital gain thresholds); One Big Beautiful Bill Act"
            + " §70102 (standard deduction); IRC §1411 (NIIT); IRC §1211(b) (capital loss limit)");
  }

  private static TaxYearTable year2026() {
    Map<FilingStatus, FilingStatusTable> statuses = new EnumMap<>(FilingStatus.class);
    statuses.put(
        FilingStatus.SINGLE,
        table(
            ordinary("12400", "50400", "105700", "201775", "256225", "640600"),
            capitalGains("49450", "545500"),
            "16100",
            LOSS_LIMIT,
            NIIT_SINGLE));
    statuses.put(
        FilingStatus.MARRIED_JOINT,
        table(
            ordinary("24800", "100800", "211400", "403550", "512450", "768700"),
            capitalGains("98900", "613700"),
            "32200",
            LOSS_LIMIT,
            NIIT_JOINT));
    statuses.put(
        FilingStatus.MARRIED_SEPARATE,
        table(
            ordinary("12400", "50400", "105700", "201775", "256225", "384350"),
            capitalGains("49450", "306850"),
            "16100",
            LOSS_LIMIT_SEPARATE,
            NIIT_SEPARATE));
    statuses.put(
        FilingStatus.HEAD_OF_HOUSEHOLD,
        table(
            ordinary("17700", "67450", "105700", "201750", "256200", "640600"),
            capitalGains("66200", "579600"),
            "24150",
            LOSS_LIMIT,
            NIIT_SINGLE));
    return new TaxYearTable(
        2026,
        statuses,
        NIIT_RATE,
        "Rev. Proc. 2025-32 (rate tables, capital gain thresholds, standard deduction);"
            + " IRC §1411 (NIIT); IRC §1211(b) (capital loss limit)");
  }

  /** The figures of one filing status before its loss limit and NIIT threshold are known. */
  private record Status(RateSchedule ordinary, RateSchedule capitalGains, String standardDeduction) {}

  private static Status status(RateSchedule ordinary, RateSchedule capitalGains, String standardDeduction) {
    return new Status(ordinary, capitalGains, standardDeduction);
  }

  /** A year whose loss limits and NIIT thresholds are the statutory ones (not indexed). */
  private static TaxYearTable year(
      int year, String revenueProcedure, Status single, Status joint, Status separate, Status head) {
    Map<FilingStatus, FilingStatusTable> statuses = new EnumMap<>(FilingStatus.class);
    statuses.put(FilingStatus.SINGLE, table(single, LOSS_LIMIT, NIIT_SINGLE));
    statuses.put(FilingStatus.MARRIED_JOINT, table(joint, LOSS_LIMIT, NIIT_JOINT));
    statuses.put(FilingStatus.MARRIED_SEPARATE, table(separate, LOSS_LIMIT_SEPARATE, NIIT_SEPARATE));
    statuses.put(FilingStatus.HEAD_OF_HOUSEHOLD, table(head, LOSS_LIMIT, NIIT_SINGLE));
    return new TaxYearTable(
        year,
        statuses,
        NIIT_RATE,
        revenueProcedure + " (rate tables, capital gain thresholds, standard deduction)" + STATUTES);
  }

  private static FilingStatusTable table(Status s, BigDecimal lossLimit, BigDecimal niitThreshold) {
    return table(s.ordinary(), s.capitalGains(), s.standardDeduction(), lossLimit, niitThreshold);
  }

  /** The seven-rate schedule with the lower bounds of the 12%, 22%, 24%, 32%, 35% and 37% rates. */
  private static RateSchedule ordinary(
      String over12, String over22, String over24, String over32, String over35, String over37) {
    return RateSchedule.of("0.10")
        .over(over12, "0.12")
        .over(over22, "0.22")
        .over(over24, "0.24")
        .over(over32, "0.32")
        .over(over35, "0.35")
        .over(over37, "0.37");
  }

  /** 0% up to {@code maxZeroRate}, 15% up to {@code maxFifteenRate}, 20% above (IRC §1(j)(5)). */
  private static RateSchedule capitalGains(String maxZeroRate, String maxFifteenRate) {
    return RateSchedule.of("0").over(maxZeroRate, "0.15").over(maxFifteenRate, "0.20");
  }

  private static FilingStatusTable table(
      RateSchedule ordinary,
      RateSchedule capitalGains,
      String standardDeduction,
      BigDecimal lossLimit,
      BigDecimal niitThreshold) {
    return new FilingStatusTable(
        ordinary, capitalGains, new BigDecimal(standardDeduction), lossLimit, niitThreshold);
  }
}
