/**
 * The engine's front door ({@link dev.keel.core.engine.HouseholdEngine}): one household's data in,
 * drift, reports, tax estimates and proposals out. It sits above every other core package (it
 * calls the ledger, drift, the rebalancer and the reporters), so it lives apart from the
 * household's data in {@code portfolio}, which the rebalancer reads; keeping the two together made
 * {@code portfolio} and {@code rebalance} depend on each other.
 */
package dev.keel.core.engine;
