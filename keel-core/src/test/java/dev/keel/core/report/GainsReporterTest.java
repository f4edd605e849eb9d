package dev.keel.core.report;

import static dev.keel.core.report.ReportFixtures.books;
import static dev.keel.core.report.ReportFixtures.flatRates;
import static dev.keel.core.report.ReportFixtures.household;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.household.TaxSettings;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.estimate.CapitalGainsInput;
import dev.keel.core.tax.estimate.TaxEstimate;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfiles;
import java.math.BigDecimal;
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
}
