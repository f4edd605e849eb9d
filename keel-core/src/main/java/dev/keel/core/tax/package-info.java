/**
 * US tax rules and the filer's tax facts: holding periods, terms, marginal rates, the filing status
 * and the household's tax settings; the estimate lives in {@code tax.estimate}. The filer's facts
 * live here rather than in {@code household} because the rules read them: {@code household} holds
 * them, {@code tax} never looks at a household.
 */
package dev.keel.core.tax;
