/** The Investment Policy Statement: targets, drift bands, check cadence (policy.yaml). */
package dev.keel.core.policy;
