/**
 * Households in the store: everything a household folder holds (household, policy versions,
 * opening lots, append-only transactions with corrections, prices), imported all or nothing after
 * the keel-io loaders validated it, and loaded back into the same {@code HouseholdData} the CLI
 * builds from a folder.
 */
package dev.keel.store.household;
