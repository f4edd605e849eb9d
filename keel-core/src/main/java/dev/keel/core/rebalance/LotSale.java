package dev.keel.core.rebalance;

import dev.keel.core.ledger.LotId;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Shares of one lot that a proposed sale relieves, with what the sale would realize.
 *
 * @param costBasis adjusted basis relieved, in dollars (wash-sale adjustments included)
 * @param proceeds this lot's share of the sale's amount, in dollars
 * @param gain {@code proceeds − costBasis}; in a tax-advantaged account it is not taxed
 */
public record LotSale(LotId lotId, LocalDate acquired, BigDecimal quantity, BigDecimal costBasis, BigDecimal proceeds,
    BigDecimal gain, Term term) {}
