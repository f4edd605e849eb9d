/**
 * Custodians' CSV exports. {@link dev.keel.imports.csv.CsvStatementReader} splits a file into
 * tables (a file may hold several, as Vanguard's does: positions, then transactions), recognises
 * each table by its header row and hands its rows to the {@link
 * dev.keel.imports.csv.CustodianFormat} whose header it is. A new custodian or export is one small
 * class implementing that interface, added to {@link dev.keel.imports.csv.CustodianFormats#ALL}.
 * Every format and its column mapping is documented in docs/imports.md.
 */
package dev.keel.imports.csv;
