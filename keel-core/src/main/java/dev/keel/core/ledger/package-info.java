/**
 * The one ledger: opening lots and transactions replayed into lots, cash, disposals and wash-sale
 * adjustments. Lot relief ({@link dev.keel.core.ledger.LotSelector}, {@link
 * dev.keel.core.ledger.LotRelief}) is written here once and used by reports and the rebalancer.
 */
package dev.keel.core.ledger;
