/**
 * The federal and state income-tax estimate for one tax year: what a household's realized gains,
 * dividends and interest cost, and the marginal rates at which the rebalancer prices the next trade.
 *
 * <ul>
 *   <li>{@link dev.keel.core.tax.estimate.TaxTables} holds the federal figures by year ({@link
 *       dev.keel.core.tax.estimate.TaxYearTable}, one {@link
 *       dev.keel.core.tax.estimate.FilingStatusTable} per filing status, built from {@link
 *       dev.keel.core.tax.estimate.RateSchedule}s). The bundled tables cover 2018 through 2026,
 *       each from its revenue procedure; {@link dev.keel.core.tax.estimate.TaxTables#get} fails for
 *       a year without a table, and {@link dev.keel.core.tax.estimate.TablesUsed} names the nearest
 *       year's table when a report estimates such a year with it, never silently.
 *   <li>{@link dev.keel.core.tax.estimate.LossCarryover} carries a year's unused capital loss into
 *       the next, keeping its character, from the year household.yaml states onwards.
 *   <li>{@link dev.keel.core.tax.estimate.TaxProfile} is the input that is not investment income:
 *       year, filing status, ordinary income, deduction, flat state rate, and the capital loss
 *       carried in. {@link dev.keel.core.tax.estimate.CapitalGainsInput} is the year's net short-
 *       and long-term results, dividends and interest.
 *   <li>{@link dev.keel.core.tax.estimate.TaxEstimator} produces a {@link
 *       dev.keel.core.tax.estimate.TaxEstimate}: the Schedule D netting and carryforward ({@link
 *       dev.keel.core.tax.estimate.ScheduleD}), ordinary and preferential federal tax by the
 *       Qualified Dividends and Capital Gain Tax Worksheet, the 3.8% net investment income tax,
 *       state tax, the total, and what the investments cost. It also gives the {@link
 *       dev.keel.core.tax.MarginalRates} on the next dollar of short- and long-term gain.
 * </ul>
 *
 * <p>Conventions: amounts are dollars in {@link java.math.BigDecimal}; rates are fractions (0.15
 * means 15%); losses are negative where a figure is signed and positive where a field says "loss";
 * nothing is rounded while computing, and reported figures are rounded once to cents, half-up. The
 * package is pure: no I/O, no clock, no framework.
 *
 * <p>Out of scope: credits, the alternative minimum tax, payroll and self-employment taxes, the
 * additional standard deduction for age or blindness, the 28% and 25% capital gain rates,
 * graduated state brackets, and the Tax Table's $50 bands (the rate schedules are applied
 * exactly).
 */
package dev.keel.core.tax.estimate;
