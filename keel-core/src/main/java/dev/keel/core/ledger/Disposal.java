package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Shares of one lot relieved by a sale: one Form 8949 row when the account is taxable.
 *
 * @param proceeds sale proceeds in dollars after fees, this lot's share of the sale, to the cent
 * @param costBasis adjusted basis relieved, earlier wash-sale adjustments included, to the cent
 * @param basisWashAdjustment the part of {@code costBasis} that came from earlier wash sales
 * @param disallowed loss that may not be deducted because of a wash sale (Form 8949 column (g),
 *     code W); zero when none
 * @param permanentlyDisallowed the part of {@code disallowed} matched with replacement shares in
 *     tax-advantaged accounts, which no later sale recovers
 * @param taxable false for sales inside IRAs, Roth IRAs, HSAs and 401(k)s: no gain or loss
 * @param washSales the matches that produced {@code disallowed}
 */
public record Disposal(
    AccountId account,
    Symbol symbol,
    LotId lotId,
    BigDecimal quantity,
    LocalDate acquired,
    LocalDate holdingSince,
    boolean inherited,
    LocalDate sold,
    BigDecimal proceeds,
    BigDecimal costBasis,
    BigDecimal basisWashAdjustment,
    BigDecimal disallowed,
    BigDecimal permanentlyDisallowed,
    Term term,
    boolean taxable,
    List<WashSale> washSales,
    SourceRef source) {

  public Disposal {
    washSales = List.copyOf(washSales);
  }

  /** Gain or loss as reported: {@code proceeds − costBasis + disallowed}. */
  public BigDecimal gain() {
    return proceeds.subtract(costBasis).add(disallowed);
  }

  /** Gain or loss before the wash-sale rule: {@code proceeds − costBasis}. */
  public BigDecimal economicGain() {
    return proceeds.subtract(costBasis);
  }

  public boolean washed() {
    return disallowed.signum() != 0;
  }

  /** Form 8949 column (f) code. */
  public String adjustmentCode() {
    return washed() ? "W" : "";
  }
}
