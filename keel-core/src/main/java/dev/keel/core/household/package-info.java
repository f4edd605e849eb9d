/**
 * The household as the user describes it in household.yaml: members, tax facts and preferences,
 * and accounts with their tax type, lot method and whether Keel may trade them.
 */
package dev.keel.core.household;
