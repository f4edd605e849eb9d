/**
 * Seeded generation of realistic households ({@link dev.keel.testkit.generate.HouseholdGenerator}),
 * for property tests and benchmarks. Everything is drawn from the seed; nothing reads the clock.
 */
package dev.keel.testkit.generate;
