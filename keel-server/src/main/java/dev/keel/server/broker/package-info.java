/**
 * The server's side of the brokers: reaching each household account's broker (keys from the
 * server's environment, never stored, answered or logged) and reconciling the broker's positions
 * and cash with the stored ledger.
 */
package dev.keel.server.broker;
