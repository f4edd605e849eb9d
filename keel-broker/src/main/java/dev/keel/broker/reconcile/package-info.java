/** The broker's positions and cash against the ledger's, per account and symbol: differences listed, nothing adjusted. */
package dev.keel.broker.reconcile;
