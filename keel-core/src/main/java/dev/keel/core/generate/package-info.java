/**
 * Seeded generation of realistic households ({@link dev.keel.core.generate.HouseholdGenerator}),
 * for property tests and benchmarks. Everything is drawn from the seed; nothing reads the clock.
 */
package dev.keel.core.generate;
