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
 * @param reportedBasis the basis the broker reports on Form 1099-B; differs from {@code costBasis}
 *     only for employer stock (RSU, ESPP), whose reported basis leaves out the compensation part
 * @param compensation ordinary income (wages) the sale realizes: the ESPP part of IRS Publication
 *     525, already included in {@code costBasis}; zero for every other sale
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
    SourceRef source,
    BigDecimal reportedBasis,
    BigDecimal compensation) {

  /** A sale whose basis the broker reports as it is: no code B correction, no compensation. */
  public Disposal(AccountId account, Symbol symbol, LotId lotId, BigDecimal quantity, LocalDate acquired,
      LocalDate holdingSince, boolean inherited, LocalDate sold, BigDecimal proceeds, BigDecimal costBasis,
      BigDecimal basisWashAdjustment, BigDecimal disallowed, BigDecimal permanentlyDisallowed, Term term, boolean taxable,
      List<WashSale> washSales, SourceRef source) {
    this(account, symbol, lotId, quantity, acquired, holdingSince, inherited, sold, proceeds, costBasis,
        basisWashAdjustment, disallowed, permanentlyDisallowed, term, taxable, washSales, source, costBasis,
        BigDecimal.ZERO);
  }

  public Disposal {
    washSales = List.copyOf(washSales);
    reportedBasis = reportedBasis == null ? costBasis : reportedBasis;
    compensation = compensation == null ? BigDecimal.ZERO : compensation;
  }

  /** Whether Form 8949 corrects the basis the broker reported (code B). */
  public boolean basisCorrected() {
    return reportedBasis.compareTo(costBasis) != 0;
  }

  /**
   * Form 8949 column (g): the wash-sale loss disallowed (positive) less the basis the broker left
   * out (negative), so that {@code proceeds − reportedBasis + adjustment} is the gain.
   */
  public BigDecimal adjustment() {
    return disallowed.subtract(costBasis.subtract(reportedBasis));
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

  /** Form 8949 column (f) codes, in alphabetical order as the instructions ask: B, W or BW. */
  public String adjustmentCode() {
    return (basisCorrected() ? "B" : "") + (washed() ? "W" : "");
  }
}
