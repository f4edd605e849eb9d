package dev.keel.core.tax.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.tax.FilingStatus;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link TaxEstimator} that must hold for any household: more income never lowers
 * the tax (the rate schedules of Rev. Proc. 2024-40 and 2025-32 never decrease, and the Qualified
 * Dividends and Capital Gain Tax Worksheet keeps the smaller of two non-decreasing taxes), gains
 * never cost less than nothing, and Schedule D neither creates nor loses a loss (IRC §1211(b),
 * §1212(b)).
 */
class TaxEstimatorProperties {

  private static final TaxEstimator ESTIMATOR = TaxEstimator.DEFAULT;

  @Property
  void totalIsMonotoneInLongTermGains(
      @ForAll("profiles") TaxProfile profile,
      @ForAll("investments") CapitalGainsInput investments,
      @ForAll("increments") BigDecimal more) {
    BigDecimal before = ESTIMATOR.estimate(profile, investments).total();
    BigDecimal after = ESTIMATOR.estimate(profile, investments.plusLongTerm(more)).total();

    assertThat(after).isGreaterThanOrEqualTo(before);
  }

  @Property
  void totalIsMonotoneInShortTermGains(
      @ForAll("profiles") TaxProfile profile,
      @ForAll("investments") CapitalGainsInput investments,
      @ForAll("increments") BigDecimal more) {
    BigDecimal before = ESTIMATOR.estimate(profile, investments).total();
    BigDecimal after = ESTIMATOR.estimate(profile, investments.plusShortTerm(more)).total();

    assertThat(after).isGreaterThanOrEqualTo(before);
  }

  @Property
  void totalIsMonotoneInOrdinaryIncome(
      @ForAll("profiles") TaxProfile profile,
      @ForAll("investments") CapitalGainsInput investments,
      @ForAll("increments") BigDecimal more) {
    BigDecimal before = ESTIMATOR.estimate(profile, investments).total();
    BigDecimal after =
        ESTIMATOR
            .estimate(profile.withOrdinaryIncome(profile.ordinaryIncome().add(more)), investments)
            .total();

    assertThat(after).isGreaterThanOrEqualTo(before);
  }

  @Property
  void taxOnInvestmentsIsNotNegativeForGains(
      @ForAll("profiles") TaxProfile profile,
      @ForAll("gainsOnly") CapitalGainsInput investments) {
    TaxEstimate estimate = ESTIMATOR.estimate(profile, investments);

    assertThat(estimate.taxOnInvestments()).isNotNegative();
  }

  @Property
  void breakdownAddsUpAndNothingIsNegative(
      @ForAll("profiles") TaxProfile profile,
      @ForAll("investments") CapitalGainsInput investments) {
    TaxEstimate estimate = ESTIMATOR.estimate(profile, investments);

    assertThat(estimate.total())
        .isEqualByComparingTo(
            estimate
                .ordinaryTax()
                .add(estimate.preferentialTax())
                .add(estimate.niit())
                .add(estimate.stateTax()));
    assertThat(estimate.taxableOrdinaryIncome().add(estimate.preferentialIncome()))
        .isEqualByComparingTo(estimate.taxableIncome());
    assertThat(estimate.total().scale()).isEqualTo(2);
  }

  @Property
  void scheduleDNeitherCreatesNorLosesALoss(
      @ForAll("profiles") TaxProfile profile,
      @ForAll("investments") CapitalGainsInput investments) {
    // With ample income the whole deduction is used (Carryover Worksheet line 4 = line 2), so the
    // net loss is exactly what is deducted plus what is carried forward.
    TaxProfile rich = profile.withOrdinaryIncome(new BigDecimal("1000000"));
    ScheduleD d = ESTIMATOR.estimate(rich, investments).scheduleD();
    BigDecimal limit =
        profile.filingStatus() == FilingStatus.MARRIED_SEPARATE
            ? new BigDecimal("1500")
            : new BigDecimal("3000");

    assertThat(d.lossDeducted()).isLessThanOrEqualTo(limit);
    BigDecimal netLoss = d.combinedNet().signum() < 0 ? d.combinedNet().negate() : BigDecimal.ZERO;
    assertThat(d.lossDeducted().add(d.shortTermCarryforwardOut()).add(d.longTermCarryforwardOut()))
        .isEqualByComparingTo(netLoss);
  }

  @Property
  void marginalRatesAreBetweenZeroAndOne(
      @ForAll("profiles") TaxProfile profile,
      @ForAll("investments") CapitalGainsInput investments) {
    MarginalRates rates = ESTIMATOR.marginalRates(profile, investments);

    assertThat(rates.shortTerm()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(rates.longTerm()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
  }

  @Provide
  Arbitrary<TaxProfile> profiles() {
    return Combinators.combine(
            Arbitraries.of(2025, 2026),
            Arbitraries.of(FilingStatus.class),
            money(0, 1_500_000),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.13")).ofScale(4),
            money(0, 30_000),
            money(0, 30_000))
        .as(
            (year, status, income, stateRate, shortCarry, longCarry) ->
                TaxProfile.of(year, status, income)
                    .withStateRate(stateRate)
                    .withCarryforward(shortCarry, longCarry));
  }

  @Provide
  Arbitrary<CapitalGainsInput> investments() {
    return Combinators.combine(
            money(-60_000, 200_000),
            money(-60_000, 800_000),
            money(0, 50_000),
            money(0, 20_000),
            money(0, 30_000))
        .as(
            (shortTerm, longTerm, qualified, nonQualified, interest) ->
                CapitalGainsInput.of(shortTerm, longTerm)
                    .withDividends(qualified.add(nonQualified), qualified)
                    .withInterest(interest));
  }

  @Provide
  Arbitrary<CapitalGainsInput> gainsOnly() {
    return Combinators.combine(
            money(0, 200_000),
            money(0, 800_000),
            money(0, 50_000),
            money(0, 20_000),
            money(0, 30_000))
        .as(
            (shortTerm, longTerm, qualified, nonQualified, interest) ->
                CapitalGainsInput.of(shortTerm, longTerm)
                    .withDividends(qualified.add(nonQualified), qualified)
                    .withInterest(interest));
  }

  @Provide
  Arbitrary<BigDecimal> increments() {
    return Arbitraries.oneOf(money(0, 5), money(0, 500), money(0, 200_000));
  }

  private static Arbitrary<BigDecimal> money(long min, long max) {
    return Arbitraries.bigDecimals()
        .between(BigDecimal.valueOf(min), BigDecimal.valueOf(max))
        .ofScale(2);
  }
}
