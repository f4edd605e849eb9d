/**
 * Stored proposals and their lifecycle ({@code proposed -> approved | rejected | superseded |
 * expired}, then the broker's {@code submitted -> executed | partly_executed | failed}), with a
 * version per row for optimistic concurrency, and each household's execution settings.
 */
package dev.keel.store.proposal;
