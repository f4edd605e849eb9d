package dev.keel.core.report;

import static dev.keel.core.report.ReportFixtures.books;
import static dev.keel.core.report.ReportFixtures.flatRates;
import static dev.keel.core.report.ReportFixtures.household;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.BasisReporting;
import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.estimate.CapitalGainsInput;
import dev.keel.core.tax.estimate.TaxEstimate;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfiles;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests {@link GainsReporter} on the booked ledger of {@link ReportFixtures} (worked there). */
class GainsReporterTest {

  private static RealizedGains report(Household household, int year) {
    return GainsReporter.DEFAULT.report(household, books(household, Optional.empty()), year);
  }

  private static String row(Disposal d) {
    return d.sold() + " " + d.account() + " " + d.symbol() + " " + d.quantity().stripTrailingZeros().toPlainString()
        + " proceeds " + d.proceeds().toPlainString() + " basis " + d.costBasis().toPlainString() + " adj "
        + d.disallowed().toPlainString() + " " + d.adjustmentCode() + " gain " + d.gain().toPlainString();
  }

  @Test
  void test_report_form8949Rows_taxableOnly_inDateOrder() {
    RealizedGains gains = report(household(flatRates()), 2026);

    assertThat(gains.year()).isEqualTo(2026);
    assertThat(gains.shortTerm()).extracting(GainsReporterTest::row).containsExactly(
        "2026-03-02 joint VXUS 50 proceeds 3000.00 basis 3500.00 adj 0  gain -500.00",
        "2026-06-01 joint BND 40 proceeds 3600.00 basis 4000.00 adj 100.00 W gain -300.00",
        "2026-07-01 joint VNQ 30 proceeds 2400.00 basis 3000.00 adj 200.00 W gain -400.00");
    assertThat(gains.longTerm()).extracting(GainsReporterTest::row).containsExactly(
        "2026-03-02 joint VTI 40 proceeds 11995.00 basis 8000.00 adj 0  gain 3995.00");
    assertThat(gains.shortTerm()).allMatch(d -> d.term() == Term.SHORT && d.taxable());
    // The IRA's sale of 2026-08-01 realizes nothing and is on no part of the form.
    assertThat(gains.shortTerm()).noneMatch(d -> d.account().value().equals("ira"));
  }

  @Test
  void test_report_totalsPerPart() {
    RealizedGains gains = report(household(flatRates()), 2026);

    // Part I: proceeds 3,000 + 3,600 + 2,400 = 9,000; basis 3,500 + 4,000 + 3,000 = 10,500;
    // adjustment 100 + 200 = 300; gain −500 − 300 − 400 = −1,200
    TermTotals st = gains.shortTermTotals();
    assertThat(st.proceeds()).isEqualByComparingTo("9000");
    assertThat(st.costBasis()).isEqualByComparingTo("10500");
    assertThat(st.adjustment()).isEqualByComparingTo("300");
    assertThat(st.gain()).isEqualByComparingTo("-1200");
    // Part II: the VTI sale alone
    TermTotals lt = gains.longTermTotals();
    assertThat(lt.proceeds()).isEqualByComparingTo("11995");
    assertThat(lt.costBasis()).isEqualByComparingTo("8000");
    assertThat(lt.adjustment()).isEqualByComparingTo("0");
    assertThat(lt.gain()).isEqualByComparingTo("3995");
    assertThat(gains.netShortTerm()).isEqualByComparingTo("-1200");
    assertThat(gains.netLongTerm()).isEqualByComparingTo("3995");
    // (h) = (d) − (e) + (g) per part
    assertThat(st.gain()).isEqualByComparingTo(st.proceeds().subtract(st.costBasis()).add(st.adjustment()));
  }

  @Test
  void test_report_washSaleTotals_deferredAndPermanent() {
    RealizedGains gains = report(household(flatRates()), 2026);

    // 300 disallowed in all: 200 by the joint VNQ purchase (deferred into the new lot's basis),
    // 100 by the IRA's BND purchase (lost for good)
    assertThat(gains.washDisallowed()).isEqualByComparingTo("200");
    assertThat(gains.permanentlyDisallowed()).isEqualByComparingTo("100");
    Disposal bnd = gains.shortTerm().get(1);
    assertThat(bnd.permanentlyDisallowed()).isEqualByComparingTo("100");
    assertThat(bnd.washSales()).singleElement().satisfies(w -> {
      assertThat(w.permanent()).isTrue();
      assertThat(w.replacementAccount().value()).isEqualTo("ira");
    });
  }

  @Test
  void test_report_incomeFromTaxableAccountsOnly() {
    RealizedGains gains = report(household(flatRates()), 2026);

    assertThat(gains.dividends()).isEqualByComparingTo("150"); // the IRA's 40 is not taxable
    assertThat(gains.interest()).isEqualByComparingTo("10");
  }

  @Test
  void test_report_flatRateEstimate_whenRatesGiven() {
    RealizedGains gains = report(household(flatRates()), 2026);

    // Schedule D netting (FlatRateTax): the short-term loss absorbs long-term gain,
    // (3,995 − 1,200) × 0.20 + (150 + 10) × 0.35 = 559 + 56 = 615.00
    assertThat(gains.estimate()).isEmpty();
    assertThat(gains.flatRateTax()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("615.00"));
    assertThat(gains.flatRateTax().orElseThrow().scale()).isEqualTo(2);
    assertThat(gains.estimatedTax()).isEqualByComparingTo("615.00");
    assertThat(gains.rates()).isEqualTo(ReportFixtures.RATES);
  }

  @Test
  void test_report_flatRateEstimate_lossReducesTaxOnOtherIncome() {
    // 2026 with only the VXUS loss: deductible against ordinary income (IRC §1211(b)), −500 × 0.35 = −175
    Household household = household(flatRates());
    LedgerResult books = books(household, ReportFixtures.openingLots(),
        ReportFixtures.transactions().subList(2, 3), Optional.empty());

    RealizedGains gains = GainsReporter.DEFAULT.report(household, books, 2026);

    assertThat(gains.netShortTerm()).isEqualByComparingTo("-500");
    assertThat(gains.flatRateTax()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("-175.00"));
  }

  @Test
  void test_report_noRatesNoIncome_defaultRates() {
    RealizedGains gains = report(household(TaxSettings.defaults()), 2026);

    // (3,995 − 1,200) × 0.15 + 160 × 0.32 = 419.25 + 51.20 = 470.45
    assertThat(gains.rates()).isEqualTo(TaxSettings.DEFAULT_RATES);
    assertThat(gains.flatRateTax()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("470.45"));
  }

  @Test
  void test_report_otherYear_onlyItsSales() {
    RealizedGains gains = report(household(flatRates()), 2025);

    // 2025-12-15: 10 VTI at 280 = 2,800 against 20,000 × 10/100 = 2,000 → long-term +800
    assertThat(gains.shortTerm()).isEmpty();
    assertThat(gains.longTerm()).extracting(GainsReporterTest::row).containsExactly(
        "2025-12-15 joint VTI 10 proceeds 2800.00 basis 2000.00 adj 0  gain 800.00");
    assertThat(gains.dividends()).isEqualByComparingTo("0");
    assertThat(gains.washDisallowed()).isEqualByComparingTo("0");
    assertThat(gains.flatRateTax()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("160.00")); // 800 × 0.20
  }

  @Test
  void test_report_bracketEstimate_whenIncomeGiven_matchesEstimator() {
    TaxSettings tax = new TaxSettings(FilingStatus.MARRIED_JOINT, Optional.empty(), Optional.of(new BigDecimal("150000")),
        Optional.empty(), new BigDecimal("0.05"), BigDecimal.ZERO, new BigDecimal("1200"), false, 30, Optional.empty());
    Household household = household(tax);

    RealizedGains gains = report(household, 2026);

    TaxEstimator estimator = TaxEstimator.DEFAULT;
    TaxEstimate expected = estimator.estimate(TaxProfiles.from(tax, 2026, estimator.tables()),
        CapitalGainsInput.of(new BigDecimal("-1200.00"), new BigDecimal("3995.00"))
            .withDividends(new BigDecimal("150"), BigDecimal.ZERO)
            .withInterest(new BigDecimal("10")));
    assertThat(gains.flatRateTax()).isEmpty();
    assertThat(gains.estimate()).contains(expected);
    assertThat(gains.estimatedTax()).isEqualByComparingTo(expected.taxOnInvestments());
    MarginalRates rates = TaxProfiles.marginalRates(tax, 2026, estimator);
    assertThat(gains.rates()).isEqualTo(rates);
    // Consistency: the carryforward is applied and the estimate is for 2026, married filing jointly.
    assertThat(expected.year()).isEqualTo(2026);
    assertThat(expected.filingStatus()).isEqualTo(FilingStatus.MARRIED_JOINT);
    assertThat(expected.taxOnInvestments()).isPositive();
  }

  // Issue 8 item 8: the carry into a year comes from the ledger, year after year.
  //
  // joint: VTI 100 for 10,000 (2020-01-15), VXUS 100 for 10,000 (2024-06-01)
  // 2025-03-03 sell VTI 40 @ 325: 13,000 − 4,000 = LT +9,000
  // 2026-03-02 sell VTI 10 @ 300: 3,000 − 1,000 = LT +2,000
  private static List<OpeningLot> carryLots() {
    return List.of(OpeningLot.of("joint", "VTI", "100", "10000.00", ReportFixtures.date("2020-01-15")),
        OpeningLot.of("joint", "VXUS", "100", "10000.00", ReportFixtures.date("2024-06-01")));
  }

  private static Transaction sell(String date, String symbol, String quantity, String price) {
    return Transaction.trade(ReportFixtures.date(date), "joint", Action.SELL, symbol, quantity, price);
  }

  private static TaxSettings carry(Optional<Integer> into, String shortTerm, String longTerm) {
    return new TaxSettings(FilingStatus.MARRIED_JOINT, Optional.of(ReportFixtures.RATES), Optional.empty(),
        Optional.empty(), BigDecimal.ZERO, new BigDecimal(shortTerm), new BigDecimal(longTerm), false, 30, Optional.empty(),
        into, false);
  }

  @Test
  void test_report_carryforwardUsedUpByGains_isNotUsedAgainNextYear() {
    // 5,000 long-term carried into 2025 is used up by the 2025 gain of 9,000 (net 4,000).
    // Before: 2026 applied the same 5,000 again (2,000 − 5,000 = −3,000 and a "saving").
    Household household = household(carry(Optional.of(2025), "0", "5000"));
    LedgerResult books = books(household, carryLots(),
        List.of(sell("2025-03-03", "VTI", "40", "325"), sell("2026-03-02", "VTI", "10", "300")), Optional.empty());

    RealizedGains y2025 = GainsReporter.DEFAULT.report(household, books, 2025);
    RealizedGains y2026 = GainsReporter.DEFAULT.report(household, books, 2026);

    assertThat(y2025.carryIn().longTerm()).isEqualByComparingTo("5000");
    assertThat(y2025.carryIn().fromHousehold()).isTrue();
    // With the sales: (9,000 − 5,000) × 0.20 = 800; without them the carry alone would have deducted
    // 3,000 × 0.35 = 1,050: the year's investments add 1,850.
    assertThat(y2025.flatRateTax()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("1850.00"));
    assertThat(y2026.carryIn().longTerm()).isEqualByComparingTo("0");
    assertThat(y2026.carryIn().fromHousehold()).isFalse();
    // 2,000 × 0.20 = 400
    assertThat(y2026.flatRateTax()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("400.00"));
  }

  @Test
  void test_report_aYearsUnusedLossIsCarriedIntoTheNext() {
    // 2025-03-03 sell VXUS 100 @ 20: 2,000 − 10,000 = ST −8,000. 3,000 deducted, 5,000 carried.
    // Before: 2026 ignored it and taxed its 2,000 long-term gain.
    Household household = household(flatRates());
    LedgerResult books = books(household, carryLots(),
        List.of(sell("2025-03-03", "VXUS", "100", "20"), sell("2026-03-02", "VTI", "10", "300")), Optional.empty());

    RealizedGains y2026 = GainsReporter.DEFAULT.report(household, books, 2026);

    assertThat(y2026.carryIn().shortTerm()).isEqualByComparingTo("5000");
    assertThat(y2026.carryIn().longTerm()).isEqualByComparingTo("0");
    // With the carry: −5,000 + 2,000 = −3,000, deducted at 35% = −1,050; without the year's sales
    // the carry alone deducts 3,000 too: the 2,000 gain costs nothing this year.
    assertThat(y2026.flatRateTax()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.00"));
  }

  @Test
  void test_report_threeYears_carryKeepsItsCharacter_distributionsAndQualifiedDividendsCounted() {
    // Single, wages 60,000; household.yaml: carried into 2024 2,000 short-term, 10,000 long-term.
    // Capital Loss Carryover Worksheet (Schedule D instructions) each year, taxable income positive
    // so line 4 = the loss deducted:
    // 2024: VXUS 20 @ 175 (basis 2,000, bought 2024-06-01): ST +1,500; capital gain distribution
    //       500 (long-term, Publication 550); qualified dividend 1,000 (not on Schedule D).
    //       line 7 = 1,500 − 2,000 = −500; line 15 = 500 − 10,000 = −9,500; line 16 = −10,000
    //       deduct 3,000; ST carry: 500 − (3,000 + 0) < 0 → 0; LT carry: 9,500 − (0 + (3,000 − 500))
    //       = 7,000. Taxable: 60,000 + 1,000 − 3,000 − 14,600 (Rev. Proc. 2023-34) = 43,400.
    // 2025: VTI 40 @ 200 (basis 4,000, 2020): LT +4,000; VXUS 80 @ 87.50 (basis 8,000, held
    //       under a year): ST −1,000. line 7 = −1,000; line 15 = 4,000 − 7,000 = −3,000;
    //       line 16 = −4,000, deduct 3,000; ST carry: 1,000 − 3,000 < 0 → 0; LT carry:
    //       3,000 − (0 + (3,000 − 1,000)) = 1,000.
    // 2026: carried in 0 short-term, 1,000 long-term.
    TaxSettings tax = new TaxSettings(FilingStatus.SINGLE, Optional.empty(), Optional.of(new BigDecimal("60000")),
        Optional.empty(), BigDecimal.ZERO, new BigDecimal("2000"), new BigDecimal("10000"), false, 30, Optional.empty(),
        Optional.of(2024), false);
    Household household = household(tax);
    LedgerResult books = books(household, carryLots(), List.of(
        Transaction.cash(ReportFixtures.date("2024-06-30"), "joint", Action.CAP_GAIN_DISTRIBUTION, "500"),
        Transaction.cash(ReportFixtures.date("2024-06-30"), "joint", Action.QUALIFIED_DIVIDEND, "1000"),
        sell("2024-09-03", "VXUS", "20", "175"),
        sell("2025-03-03", "VTI", "40", "200"),
        sell("2025-04-01", "VXUS", "80", "87.50")), Optional.empty());

    RealizedGains y2024 = GainsReporter.DEFAULT.report(household, books, 2024);
    RealizedGains y2025 = GainsReporter.DEFAULT.report(household, books, 2025);
    RealizedGains y2026 = GainsReporter.DEFAULT.report(household, books, 2026);

    TaxEstimate e2024 = y2024.estimate().orElseThrow();
    assertThat(e2024.scheduleD().shortTermNet()).isEqualByComparingTo("-500");
    assertThat(e2024.scheduleD().longTermNet()).isEqualByComparingTo("-9500");
    assertThat(e2024.scheduleD().lossDeducted()).isEqualByComparingTo("3000");
    assertThat(e2024.taxableIncome()).isEqualByComparingTo("43400");
    assertThat(y2025.carryIn().shortTerm()).isEqualByComparingTo("0");
    assertThat(y2025.carryIn().longTerm()).isEqualByComparingTo("7000");
    assertThat(y2025.carryIn().fromHousehold()).isFalse();
    assertThat(y2026.carryIn().shortTerm()).isEqualByComparingTo("0");
    assertThat(y2026.carryIn().longTerm()).isEqualByComparingTo("1000");
  }

  @Test
  void test_report_bracketEstimate_carryFromTheLedger_inTheScheduleD() {
    TaxSettings tax = new TaxSettings(FilingStatus.MARRIED_JOINT, Optional.empty(), Optional.of(new BigDecimal("150000")),
        Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, 30, Optional.empty());
    Household household = household(tax);
    LedgerResult books = books(household, carryLots(),
        List.of(sell("2025-03-03", "VXUS", "100", "20"), sell("2026-03-02", "VTI", "10", "300")), Optional.empty());

    RealizedGains y2026 = GainsReporter.DEFAULT.report(household, books, 2026);

    // Schedule D 2026: line 7 = 0 − 5,000; line 15 = 2,000; loss deducted 3,000; nothing carried to 2027.
    TaxEstimate e = y2026.estimate().orElseThrow();
    assertThat(e.scheduleD().shortTermNet()).isEqualByComparingTo("-5000");
    assertThat(e.scheduleD().longTermNet()).isEqualByComparingTo("2000");
    assertThat(e.scheduleD().lossDeducted()).isEqualByComparingTo("3000");
    assertThat(y2026.tables()).hasValueSatisfying(t -> assertThat(t.tableYear()).isEqualTo(2026));
    assertThat(y2026.ratesSource()).isEqualTo("brackets");
  }

  @Test
  void test_report_yearWithoutTable_saysWhichTableWasUsed() {
    TaxSettings tax = new TaxSettings(FilingStatus.MARRIED_JOINT, Optional.empty(), Optional.of(new BigDecimal("150000")),
        Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, 30, Optional.empty());

    RealizedGains gains = report(household(tax), 2027);

    assertThat(gains.tables()).hasValueSatisfying(t -> {
      assertThat(t.taxYear()).isEqualTo(2027);
      assertThat(t.tableYear()).isEqualTo(2026);
      assertThat(t.estimatedFromNearest()).isTrue();
    });
  }

  // Issue 8 item 4: qualified dividends at the long-term rates, capital gain distributions long-term
  // gains whatever the holding period (Publication 550).
  @Test
  void test_report_qualifiedDividendsAndDistributions_atLongTermRates() {
    Household household = household(flatRates());
    LedgerResult books = books(household, carryLots(), List.of(
        Transaction.cash(ReportFixtures.date("2026-06-30"), "joint", Action.QUALIFIED_DIVIDEND, "400"),
        Transaction.cash(ReportFixtures.date("2026-06-30"), "joint", Action.DIVIDEND, "100"),
        Transaction.cash(ReportFixtures.date("2026-12-20"), "joint", Action.CAP_GAIN_DISTRIBUTION, "1000"),
        Transaction.cash(ReportFixtures.date("2026-12-20"), "ira", Action.CAP_GAIN_DISTRIBUTION, "700")),
        Optional.empty());

    RealizedGains gains = GainsReporter.DEFAULT.report(household, books, 2026);

    assertThat(gains.investments().qualifiedDividends()).isEqualByComparingTo("400");
    assertThat(gains.investments().nonQualifiedDividends()).isEqualByComparingTo("100");
    assertThat(gains.investments().capitalGainDistributions()).isEqualByComparingTo("1000"); // the IRA's is not taxable
    assertThat(gains.investments().longTermNet()).isEqualByComparingTo("1000");
    assertThat(gains.dividends()).isEqualByComparingTo("1500");
    // 1,000 × 0.20 + 400 × 0.20 + 100 × 0.35 = 200 + 80 + 35 = 315 (all dividends at 35% was 525)
    assertThat(gains.flatRateTax()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("315.00"));
  }

  @Test
  void test_report_qualifiedDividends_bracketEstimate_preferential() {
    TaxSettings tax = new TaxSettings(FilingStatus.MARRIED_JOINT, Optional.empty(), Optional.of(new BigDecimal("150000")),
        Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, 30, Optional.empty());
    Household household = household(tax);
    LedgerResult books = books(household, carryLots(), List.of(
        Transaction.cash(ReportFixtures.date("2026-06-30"), "joint", Action.QUALIFIED_DIVIDEND, "400"),
        Transaction.cash(ReportFixtures.date("2026-12-20"), "joint", Action.CAP_GAIN_DISTRIBUTION, "1000")),
        Optional.empty());

    TaxEstimate e = GainsReporter.DEFAULT.report(household, books, 2026).estimate().orElseThrow();

    // Qualified dividends 400 + net capital gain 1,000 stack on ordinary income at 15% (2026 joint
    // taxable income 150,000 + 1,400 − 32,200 = 119,200, above the 98,900 zero-rate ceiling): 210.
    assertThat(e.preferentialIncome()).isEqualByComparingTo("1400");
    assertThat(e.preferentialTax()).isEqualByComparingTo("210.00");
  }

  // Form 8949 boxes (Form 8949 instructions): A/D basis reported, B/E not reported, C/F no 1099-B.
  @Test
  void test_report_form8949Box_fromTheAccountsBasisReporting() {
    Household plain = household(flatRates());
    Household noncovered = plain.withTax(flatRates());
    noncovered = new Household(plain.name(), plain.members(), plain.tax(), plain.accounts().stream()
        .map(a -> a.id().value().equals("joint") ? a.withBasisReporting(BasisReporting.NOT_REPORTED) : a).toList(),
        plain.source());

    RealizedGains covered = report(plain, 2026);
    RealizedGains notReported = report(noncovered, 2026);

    assertThat(covered.shortTerm()).extracting(covered::box).containsOnly(Form8949Box.A);
    assertThat(covered.longTerm()).extracting(covered::box).containsOnly(Form8949Box.D);
    assertThat(notReported.shortTerm()).extracting(notReported::box).containsOnly(Form8949Box.B);
    assertThat(notReported.longTerm()).extracting(notReported::box).containsOnly(Form8949Box.E);
    assertThat(Form8949Box.of(Term.SHORT, BasisReporting.NO_1099B)).isEqualTo(Form8949Box.C);
    assertThat(Form8949Box.of(Term.LONG, BasisReporting.NO_1099B)).isEqualTo(Form8949Box.F);
  }

  @Test
  void test_report_form8949Box_lotOverridesItsAccount() {
    // J-VTI (bought 2020) sold in 2026 is long-term: box D by its account, E when the lot says its
    // basis is not reported.
    Household household = household(flatRates());
    List<OpeningLot> lots = ReportFixtures.openingLots().stream()
        .map(l -> l.lotId().map(id -> id.value().equals("J-VTI")).orElse(false)
            ? l.withBasisReporting(BasisReporting.NOT_REPORTED) : l)
        .toList();

    RealizedGains gains = GainsReporter.DEFAULT.report(household, lots, books(household, Optional.empty()), 2026);

    assertThat(gains.longTerm()).extracting(gains::box).containsExactly(Form8949Box.E);
    assertThat(gains.shortTerm()).extracting(gains::box).containsOnly(Form8949Box.A);
  }
}
