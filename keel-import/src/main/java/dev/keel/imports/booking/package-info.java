/**
 * The business rules of an import, independent of files on disk: which household account a
 * statement is about ({@link dev.keel.imports.booking.AccountNumbers}), what each activity
 * becomes in the ledger or why it is not imported yet ({@link
 * dev.keel.imports.booking.StatementMapper}), the stable import ids that make an import idempotent
 * ({@link dev.keel.imports.booking.ImportIds}), the comparison of a statement's positions with the
 * ledger ({@link dev.keel.imports.booking.Reconciler}) and the whole plan ({@link
 * dev.keel.imports.booking.ImportService}), which the CLI and a future server endpoint call.
 */
package dev.keel.imports.booking;
