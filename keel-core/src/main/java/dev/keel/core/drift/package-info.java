/** Drift analysis: the household as one portfolio measured against its IPS targets and bands. */
package dev.keel.core.drift;
