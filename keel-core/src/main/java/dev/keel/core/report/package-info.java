/**
 * Reports as queries over the booked ledger: a year's realized gains (Form 8949 rows, wash-sale
 * totals, tax estimate) and the open lots with the household's wash-sale calendar.
 */
package dev.keel.core.report;
