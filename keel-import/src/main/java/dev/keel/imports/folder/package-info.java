/**
 * A household folder as an import reads and writes it: what is there (the household, the
 * account numbers, imports.csv, the prices already known) and the plan's rows appended to
 * transactions.csv, lots.csv, prices.csv and imports.csv, every file replaced atomically.
 */
package dev.keel.imports.folder;
