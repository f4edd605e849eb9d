/**
 * JMH benchmarks of the engine on households made by {@link dev.keel.testkit.generate.HouseholdGenerator}.
 * One class per benchmark; {@link dev.keel.bench.BenchHouseholds} holds the shared fixtures. Built
 * into {@code target/benchmarks.jar} by {@code mvn verify}, never run by it: see docs/benchmarks.md.
 */
package dev.keel.bench;
