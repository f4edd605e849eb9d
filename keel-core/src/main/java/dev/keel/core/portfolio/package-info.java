/**
 * The household's data as one value ({@link dev.keel.core.portfolio.HouseholdData}) and the checks
 * that span its files ({@link dev.keel.core.portfolio.CrossCheck}).
 */
package dev.keel.core.portfolio;
