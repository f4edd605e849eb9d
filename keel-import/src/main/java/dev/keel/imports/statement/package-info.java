/**
 * What a brokerage file says, in one neutral form whatever its format: activities (trades, income,
 * cash movements, corporate actions), positions and cash on a date, cost-basis lots and the
 * security list, each with its {@link dev.keel.imports.statement.Origin} in the file. Readers
 * ({@code ofx}, {@code csv}) produce it; {@code ledger} turns it into household rows.
 */
package dev.keel.imports.statement;
