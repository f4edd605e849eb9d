/** US tax rules: holding periods, terms, marginal rates; the estimate lives in {@code tax.estimate}. */
package dev.keel.core.tax;
