package dev.keel.core.rebalance;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LotId;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.util.List;

/**
 * One tax-loss harvest: a lot sold at a loss and a substitute, not substantially identical, bought
 * the same day in the same account so that the allocation stays where it was.
 *
 * @param loss the loss realized, a positive number of dollars
 * @param taxSavedThisYear tax this year's return saves: the loss offsets gains realized this year,
 *     then up to $3,000 ($1,500 married filing separately) of ordinary income
 * @param carriedForward the part of the loss carried to later years
 * @param futureValue the carryforward priced at today's long-term rate: what it may save later
 * @param basisNote the honest caveat: the substitute's basis is lower, so the saving is a deferral
 * @param warnings purchases that would wash the harvest (scheduled contributions, dividend
 *     reinvestment) and what to switch off until when
 */
public record Harvest(
    AccountId account,
    Symbol symbol,
    LotId lotId,
    BigDecimal quantity,
    BigDecimal loss,
    Term term,
    Symbol substitute,
    BigDecimal substituteQuantity,
    BigDecimal taxSavedThisYear,
    BigDecimal carriedForward,
    BigDecimal futureValue,
    String basisNote,
    List<String> warnings) {

  public Harvest {
    warnings = List.copyOf(warnings);
  }
}
