/**
 * Alerts as an outbox: written in the transaction that caused them, delivered later by a
 * dispatcher to webhooks (HMAC-SHA256 signed) and e-mail, with retries and a delivery log.
 */
package dev.keel.store.alert;
