package dev.keel.core.tax.estimate;

import dev.keel.core.household.FilingStatus;
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
 *   <li><b>2025</b>: rate tables (10% to 37%) and the 0% / 15% / 20% capital gain thresholds from
 *       Rev. Proc. 2024-40 (IRB 2024-45), which the One Big Beautiful Bill Act (Pub. L. 119-21,
 *       enacted 4 July 2025) left unchanged; the standard deduction as that Act amended it
 *       (§70102): $15,750 single and married filing separately, $31,500 married filing jointly,
 *       $23,625 head of household, replacing the Rev. Proc.'s $15,000 / $30,000 / $22,500.
 *   <li><b>2026</b>: rate tables, capital gain thresholds and standard deduction from Rev. Proc.
 *       2025-32 (IRS news release IR-2025-103, "IRS releases tax inflation adjustments for tax year
 *       2026, including amendments from the One Big Beautiful Bill").
 *   <li><b>Both years</b>: net investment income tax 3.8% over $200,000 (single, head of
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

  static final TaxYearTable YEAR_2025 = year2025();
  static final TaxYearTable YEAR_2026 = year2026();
  static final TaxTables TABLES = TaxTables.of(YEAR_2025, YEAR_2026);

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
