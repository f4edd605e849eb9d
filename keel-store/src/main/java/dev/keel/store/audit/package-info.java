/**
 * The audit trail: append-only events (who, when, what, the entity's new state), hash-chained so
 * that verification finds any edited, inserted or deleted row.
 */
package dev.keel.store.audit;
