/**
 * Execution for a household folder: where its journal, booked batches and order files live
 * ({@code DIR/.keel/}), which broker trades which account, and the checks of a plan against the
 * household before anything is sent. The CLI is a thin layer over this package.
 */
package dev.keel.broker.folder;
