/**
 * Problems with user input as data: {@link dev.keel.core.problem.Problem} names the file, line,
 * field, bad value and what was expected; {@link dev.keel.core.problem.SourceRef} travels with
 * loaded values so that later stages (the ledger) can still name the row at fault.
 */
package dev.keel.core.problem;
