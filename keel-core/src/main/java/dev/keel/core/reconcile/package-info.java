/**
 * Reconciliation: the ledger's holdings against someone else's (a custodian's statement, a
 * broker's positions), compared one way wherever the other side comes from.
 */
package dev.keel.core.reconcile;
