package dev.keel.core.rebalance;

import dev.keel.core.ledger.LotId;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Shares of one lot that a proposed sale relieves, with what the sale would realize.
 *
 * @param costBasis adjusted basis relieved, in dollars (wash-sale adjustments included)
 * @param proceeds this lot's share of the sale's amount, in dollars
 * @param gain {@code proceeds − costBasis}: the economic gain (negative for a loss), whatever the account
 * @param taxable the lot is in a taxable account; a sale in a traditional, Roth or HSA account
 *     realizes nothing for federal tax
 * @param disallowedLoss the part of a loss that a purchase scheduled outside Keel within 30 days
 *     will wash ({@link ScheduledWash}), a positive number of dollars; zero when none
 */
public record LotSale(LotId lotId, LocalDate acquired, BigDecimal quantity, BigDecimal costBasis, BigDecimal proceeds,
    BigDecimal gain, Term term, boolean taxable, BigDecimal disallowedLoss) {

  public LotSale {
    Objects.requireNonNull(gain, "gain");
    Objects.requireNonNull(disallowedLoss, "disallowedLoss");
    if (disallowedLoss.signum() < 0) {
      throw new IllegalArgumentException("disallowedLoss must not be negative: " + disallowedLoss);
    }
  }

  /** A sale in a taxable account with nothing washed. */
  public LotSale(LotId lotId, LocalDate acquired, BigDecimal quantity, BigDecimal costBasis, BigDecimal proceeds,
      BigDecimal gain, Term term) {
    this(lotId, acquired, quantity, costBasis, proceeds, gain, term, true, BigDecimal.ZERO);
  }

  /**
   * What this sale puts on the household's return, in dollars: zero in a tax-advantaged account;
   * in a taxable one the gain, less any loss a scheduled purchase will wash.
   */
  public BigDecimal reportableGain() {
    return taxable ? gain.add(disallowedLoss) : BigDecimal.ZERO;
  }
}
