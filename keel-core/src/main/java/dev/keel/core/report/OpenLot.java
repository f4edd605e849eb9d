package dev.keel.core.report;

import dev.keel.core.ledger.Lot;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An open lot valued on the as-of date.
 *
 * @param price price per share on the as-of date
 * @param unrealizedGain market value minus adjusted basis, in dollars (negative for a loss)
 * @param term the term a sale on the as-of date would have
 * @param daysToLongTerm days until a sale would be long-term; empty when it already is
 */
public record OpenLot(Lot lot, BigDecimal price, BigDecimal marketValue, BigDecimal unrealizedGain, Term term,
    Optional<Long> daysToLongTerm) {

  public static OpenLot of(Lot lot, BigDecimal price, LocalDate asOf) {
    BigDecimal value = lot.quantity().multiply(price);
    Term term = lot.term(asOf);
    Optional<Long> days = term == Term.LONG
        ? Optional.empty()
        : Optional.of(java.time.temporal.ChronoUnit.DAYS.between(asOf, lot.longTermFrom()));
    return new OpenLot(lot, price, value, value.subtract(lot.costBasis()), term, days);
  }
}
