/** Money and quantity conventions: BigDecimal everywhere, rounded only where a ledger or a form rounds. */
package dev.keel.core.money;
