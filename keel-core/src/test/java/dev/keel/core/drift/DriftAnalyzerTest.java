package dev.keel.core.drift;

import static dev.keel.core.drift.DriftFixtures.d;
import static dev.keel.core.drift.DriftFixtures.lot;
import static dev.keel.core.drift.DriftFixtures.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.policy.Band;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.Policy;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link DriftAnalyzer} on a four-account household worked by hand.
 *
 * <pre>
 * account  type         cash   holdings                          value
 * joint    taxable      2,000  VTI  100     × 310.00 = 31,000    us_stocks
 *                              VXUS 300     ×  60.00 = 18,000    intl_stocks
 * ira      traditional  1,500  BND  250     ×  80.00 = 20,000    bonds
 *                              VTI   50     × 310.00 = 15,500    us_stocks
 * rsu      taxable, held away  ACME 100     ×  95.00 =  9,500    us_stocks (never traded, still counted)
 * roth     roth                VNQ   31.25  ×  80.00 =  2,500    reits
 *
 * us_stocks 31,000 + 15,500 + 9,500 = 56,000;  cash 2,000 + 1,500 = 3,500;  total 100,000
 * </pre>
 */
class DriftAnalyzerTest {

  private static final AssetClass US = AssetClass.of("us_stocks");
  private static final AssetClass INTL = AssetClass.of("intl_stocks");
  private static final AssetClass BONDS = AssetClass.of("bonds");
  private static final AssetClass REITS = AssetClass.of("reits");
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  private static final SecurityMaster SECURITIES = SecurityMaster.of(
      Security.of("VTI", "us_stocks"), Security.of("ACME", "us_stocks"), Security.of("VXUS", "intl_stocks"),
      Security.of("BND", "bonds"), Security.of("VNQ", "reits"));

  private static final Account JOINT = Account.of("joint", AccountType.TAXABLE, "2000");
  private static final Account IRA = Account.of("ira", AccountType.TRADITIONAL, "1500");
  private static final Account RSU = Account.of("rsu", AccountType.TAXABLE, "0").withTradable(false);
  private static final Account ROTH = Account.of("roth", AccountType.ROTH, "0");

  private static final PriceTable PRICES = PriceTable.of("VTI", "310.00", "VXUS", "60.00", "BND", "80.00", "ACME", "95.00",
      "VNQ", "80.00");

  private static List<AccountPosition> positions() {
    return List.of(
        position(JOINT, "2000", lot("joint", "VTI", "60"), lot("joint", "VXUS", "300"), lot("joint", "VTI", "40")),
        position(IRA, "1500", lot("ira", "BND", "250"), lot("ira", "VTI", "50")),
        position(RSU, "0", lot("rsu", "ACME", "100")),
        position(ROTH, "0", lot("roth", "VNQ", "31.25")));
  }

  private static Map<AssetClass, BigDecimal> targets(Object... classAndWeight) {
    Map<AssetClass, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < classAndWeight.length; i += 2) {
      out.put(AssetClass.of((String) classAndWeight[i]), d((String) classAndWeight[i + 1]));
    }
    return out;
  }

  /** 50/20/25/5 with the 5/25 band and reits held to ±2 points; checked quarterly, last on 2026-08-15. */
  private static Policy policy() {
    return new Policy(targets("us_stocks", "0.50", "intl_stocks", "0.20", "bonds", "0.25", "reits", "0.05"),
        Band.of("0.05", "0.25"), Map.of(REITS, Band.of("0.02", "0.40")), CheckCadence.QUARTERLY,
        Optional.of(LocalDate.of(2026, 8, 15)), SECURITIES);
  }

  @Test
  void test_analyze_totalsAcrossAccounts_heldAwayIncluded() {
    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), positions(), PRICES, AS_OF);

    assertThat(report.asOf()).isEqualTo(AS_OF);
    assertThat(report.totalValue()).isEqualByComparingTo("100000");
    assertThat(report.cash()).isEqualByComparingTo("3500");
    assertThat(report.cashTargeted()).isFalse();
    assertThat(report.cashWeight()).isEqualByComparingTo("0.035"); // 3,500 / 100,000
    assertThat(report.holdings())
        .extracting(h -> h.account().value() + " " + h.symbol() + " " + h.quantity().stripTrailingZeros().toPlainString()
            + " " + h.value().stripTrailingZeros().toPlainString() + " " + h.assetClass())
        .containsExactly(
            "joint VTI 100 31000 us_stocks", // two lots, one holding
            "joint VXUS 300 18000 intl_stocks",
            "ira BND 250 20000 bonds",
            "ira VTI 50 15500 us_stocks",
            "rsu ACME 100 9500 us_stocks",
            "roth VNQ 31.25 2500 reits");
  }

  @Test
  void test_analyze_classes_handComputed() {
    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), positions(), PRICES, AS_OF);

    assertThat(report.classes()).extracting(ClassDrift::assetClass).containsExactly(US, INTL, BONDS, REITS);

    // us_stocks: 56,000 / 100,000 = 0.56; drift +0.06 > min(0.05, 0.125) = 0.05 → over the band
    ClassDrift us = report.find(US).orElseThrow();
    assertThat(us.value()).isEqualByComparingTo("56000");
    assertThat(us.actual()).isEqualByComparingTo("0.56");
    assertThat(us.drift()).isEqualByComparingTo("0.06");
    assertThat(us.tolerance()).isEqualByComparingTo("0.05");
    assertThat(us.lower()).isEqualByComparingTo("0.45");
    assertThat(us.upper()).isEqualByComparingTo("0.55");
    assertThat(us.breached()).isTrue();

    // intl_stocks: 0.18; drift −0.02; tolerance min(0.05, 0.25 × 0.20 = 0.05) = 0.05 → inside
    ClassDrift intl = report.find(INTL).orElseThrow();
    assertThat(intl.actual()).isEqualByComparingTo("0.18");
    assertThat(intl.drift()).isEqualByComparingTo("-0.02");
    assertThat(intl.breached()).isFalse();

    // bonds: 0.20; drift −0.05, exactly the tolerance min(0.05, 0.0625) → on the edge, inside
    ClassDrift bonds = report.find(BONDS).orElseThrow();
    assertThat(bonds.actual()).isEqualByComparingTo("0.20");
    assertThat(bonds.drift()).isEqualByComparingTo("-0.05");
    assertThat(bonds.lower()).isEqualByComparingTo("0.20");
    assertThat(bonds.upper()).isEqualByComparingTo("0.30");
    assertThat(bonds.breached()).isFalse();

    // reits: 2,500 / 100,000 = 0.025; override min(0.02, 0.40 × 0.05) = 0.02 → band [0.03, 0.07],
    // drift −0.025 → under (an override of absolute alone would keep the policy's relative 0.25)
    ClassDrift reits = report.find(REITS).orElseThrow();
    assertThat(reits.actual()).isEqualByComparingTo("0.025");
    assertThat(reits.tolerance()).isEqualByComparingTo("0.02");
    assertThat(reits.lower()).isEqualByComparingTo("0.03");
    assertThat(reits.upper()).isEqualByComparingTo("0.07");
    assertThat(reits.breached()).isTrue();

    // 0.56 + 0.18 + 0.20 + 0.025 + 0.035 cash = 1
    BigDecimal sum = report.classes().stream().map(ClassDrift::actual).reduce(report.cashWeight(), BigDecimal::add);
    assertThat(sum).isEqualByComparingTo("1");
  }

  @Test
  void test_analyze_checkDue_rebalanceNeeded() {
    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), positions(), PRICES, AS_OF);

    assertThat(report.anyBreached()).isTrue();
    assertThat(report.checkDue()).isTrue(); // 2026-08-15 + a quarter = 2026-11-15 ≤ 2026-11-22
    assertThat(report.nextCheck()).contains(LocalDate.of(2026, 11, 15));
    assertThat(report.rebalanceNeeded()).isTrue();
  }

  @Test
  void test_analyze_breachedButNoCheckDue_noRebalance() {
    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), positions(), PRICES, LocalDate.of(2026, 11, 14));

    assertThat(report.anyBreached()).isTrue();
    assertThat(report.checkDue()).isFalse();
    assertThat(report.rebalanceNeeded()).isFalse();
  }

  @Test
  void test_analyze_cashTargeted_isAClass() {
    // 50/20/22/5/3: cash 3,500 / 100,000 = 0.035, drift +0.005, tolerance min(0.05, 0.25 × 0.03 = 0.0075) → inside
    Policy policy = new Policy(
        targets("us_stocks", "0.50", "intl_stocks", "0.20", "bonds", "0.22", "reits", "0.05", "cash", "0.03"),
        Band.of("0.05", "0.25"), Map.of(), CheckCadence.QUARTERLY, Optional.empty(), SECURITIES);

    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy, positions(), PRICES, AS_OF);

    assertThat(report.cashTargeted()).isTrue();
    assertThat(report.cashWeight()).isEqualByComparingTo("0");
    assertThat(report.totalValue()).isEqualByComparingTo("100000");
    ClassDrift cash = report.find(AssetClass.CASH).orElseThrow();
    assertThat(cash.value()).isEqualByComparingTo("3500");
    assertThat(cash.actual()).isEqualByComparingTo("0.035");
    assertThat(cash.drift()).isEqualByComparingTo("0.005");
    assertThat(cash.tolerance()).isEqualByComparingTo("0.0075");
    assertThat(cash.breached()).isFalse();
    // bonds: 0.20 vs 0.22, tolerance min(0.05, 0.055) = 0.05 → inside
    assertThat(report.find(BONDS).orElseThrow().drift()).isEqualByComparingTo("-0.02");
    BigDecimal sum = report.classes().stream().map(ClassDrift::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo("1");
    assertThat(report.checkDue()).isTrue(); // never checked
    assertThat(report.rebalanceNeeded()).isTrue(); // us_stocks still over
  }

  @Test
  void test_analyze_classWithNothingHeld_isReportedAtZero() {
    List<AccountPosition> positions = List.of(position(JOINT, "0", lot("joint", "VTI", "10")));

    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), positions, PRICES, AS_OF);

    assertThat(report.classes()).hasSize(4);
    ClassDrift bonds = report.find(BONDS).orElseThrow();
    assertThat(bonds.value()).isEqualByComparingTo("0");
    assertThat(bonds.actual()).isEqualByComparingTo("0");
    assertThat(bonds.drift()).isEqualByComparingTo("-0.25");
    assertThat(bonds.breached()).isTrue();
    assertThat(report.find(US).orElseThrow().actual()).isEqualByComparingTo("1");
  }

  @Test
  void test_analyze_latestPriceOnOrBeforeAsOf() {
    PriceTable prices = PriceTable.builder()
        .put(Symbol.of("VTI"), LocalDate.of(2026, 1, 2), d("250"))
        .put(Symbol.of("VTI"), LocalDate.of(2026, 11, 20), d("300"))
        .put(Symbol.of("VTI"), LocalDate.of(2026, 11, 23), d("999")) // after the as-of date: not used
        .put(Symbol.of("BND"), null, d("80")) // undated
        .put(Symbol.of("BND"), LocalDate.of(2026, 12, 1), d("1"))
        .build();
    List<AccountPosition> positions = List.of(position(JOINT, "0", lot("joint", "VTI", "10"), lot("joint", "BND", "10")));

    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), positions, prices, AS_OF);

    assertThat(report.holdings()).extracting(Holding::price).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("80"), d("300")); // BND, VTI: symbols in order within an account
    assertThat(report.totalValue()).isEqualByComparingTo("3800");
  }

  @Test
  void test_analyze_missingPrice_namesSymbolAndAccounts() {
    PriceTable prices = PriceTable.builder().source("prices.csv")
        .put(Symbol.of("VXUS"), null, d("60"))
        .put(Symbol.of("BND"), null, d("80"))
        .put(Symbol.of("VNQ"), LocalDate.of(2026, 12, 1), d("80")) // only after the as-of date
        .build();

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> DriftAnalyzer.DEFAULT.analyze(policy(), positions(), prices, AS_OF));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "prices.csv: symbol: \"ACME\" is held (in rsu) but has no price on or before 2026-11-22",
        "prices.csv: symbol: \"VNQ\" is held (in roth) but has no price on or before 2026-11-22",
        "prices.csv: symbol: \"VTI\" is held (in ira, joint) but has no price on or before 2026-11-22");
    assertThat(e.getMessage()).startsWith("3 problem(s) in the input");
  }

  @Test
  void test_analyze_heldSecurityNotInPolicy_isAProblem() {
    List<AccountPosition> positions = List.of(position(JOINT, "0", lot("joint", "XYZ", "10")));

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> DriftAnalyzer.DEFAULT.analyze(policy(), positions, PriceTable.of("XYZ", "5"), AS_OF));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("policy.yaml");
      assertThat(p.value()).isEqualTo("XYZ");
      assertThat(p.message()).contains("joint");
    });
  }

  @Test
  void test_analyze_zeroValueHousehold_noDivisionByZero() {
    List<AccountPosition> positions = List.of(position(JOINT, "0"), position(IRA, "0"));

    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), positions, PriceTable.of(), AS_OF);

    assertThat(report.totalValue()).isEqualByComparingTo("0");
    assertThat(report.cashWeight()).isEqualByComparingTo("0");
    assertThat(report.classes()).hasSize(4).allSatisfy(c -> {
      assertThat(c.actual()).isEqualByComparingTo("0");
      assertThat(c.breached()).isFalse();
    });
    assertThat(report.anyBreached()).isFalse();
    assertThat(report.rebalanceNeeded()).isFalse();
  }

  @Test
  void test_analyze_noAccounts_zeroValue() {
    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), List.of(), PriceTable.of(), AS_OF);

    assertThat(report.totalValue()).isEqualByComparingTo("0");
    assertThat(report.holdings()).isEmpty();
  }

  @Test
  void test_analyze_onlyCash_allInCash() {
    List<AccountPosition> positions = List.of(position(JOINT, "5000"));

    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy(), positions, PriceTable.of(), AS_OF);

    assertThat(report.cashWeight()).isEqualByComparingTo("1");
    assertThat(report.classes()).allSatisfy(c -> assertThat(c.actual()).isEqualByComparingTo("0"));
    assertThat(report.find(US).orElseThrow().breached()).isTrue();
  }

  @Test
  void test_analyze_weightsUnrounded() {
    // 1 share at 100 and 2 at 100 plus nothing else: 100 / 300 = 0.3333… to 34 digits, never rounded to cents.
    Policy policy = new Policy(targets("us_stocks", "0.5", "bonds", "0.5"), Band.absolute("0.05"), Map.of(),
        CheckCadence.QUARTERLY, Optional.empty(), SECURITIES);
    List<AccountPosition> positions = List.of(position(JOINT, "0", lot("joint", "VTI", "1"), lot("joint", "BND", "2")));

    DriftReport report = DriftAnalyzer.DEFAULT.analyze(policy, positions, PriceTable.of("VTI", "100", "BND", "100"), AS_OF);

    assertThat(report.find(US).orElseThrow().actual()).isEqualByComparingTo("0.3333333333333333333333333333333333");
  }

  @Test
  void test_measure_untargetedClass_targetZero() {
    ClassDrift gold = DriftAnalyzer.measure(policy(), AssetClass.of("gold"), d("10"), d("100"));

    assertThat(gold.target()).isEqualByComparingTo("0");
    assertThat(gold.actual()).isEqualByComparingTo("0.1");
    assertThat(gold.tolerance()).isEqualByComparingTo("0"); // min(0.05, 0.25 × 0)
    assertThat(gold.breached()).isTrue();
  }
}
