/**
 * Tax-aware rebalancing: one linear program over every lot and account of the household decides
 * what to sell and buy, at the least tax, without wash sales; the answer is rounded to tradable
 * quantities, reconciled exactly in BigDecimal and explained trade by trade.
 */
package dev.keel.core.rebalance;
