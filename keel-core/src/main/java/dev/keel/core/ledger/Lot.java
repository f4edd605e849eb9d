package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import dev.keel.core.money.Decimals;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.HoldingPeriod;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An open tax lot: shares of one security in one account with a common basis and holding period.
 *
 * @param quantity shares, never rounded
 * @param costBasis total adjusted basis in dollars, wash-sale adjustments included
 * @param acquired the date the shares were acquired; null only for an inherited lot of unknown date
 * @param holdingSince start of the holding period: the acquisition date, or earlier when a washed
 *     loss's holding period was tacked on (Publication 550, "Wash Sales")
 * @param washAdjustment the part of {@code costBasis} that is disallowed loss from wash sales
 * @param origin identifies the acquisition the shares came from; splits of a lot keep it, so that
 *     shares from the very purchase whose other shares were sold are never taken as replacements
 * @param replacement true once these shares have served as replacement shares of a wash sale, so
 *     that no share replaces twice
 * @param sequence acquisition order across the household, for FIFO and for matching replacements
 * @param award for employer stock (RSU vest, ESPP purchase): what its disposition needs; empty
 *     for every other lot
 */
public record Lot(
    LotId id,
    AccountId account,
    Symbol symbol,
    BigDecimal quantity,
    BigDecimal costBasis,
    LocalDate acquired,
    LocalDate holdingSince,
    boolean inherited,
    BigDecimal washAdjustment,
    long origin,
    boolean replacement,
    long sequence,
    Optional<EquityAward> award) {

  /** A lot that is not employer stock. */
  public Lot(LotId id, AccountId account, Symbol symbol, BigDecimal quantity, BigDecimal costBasis, LocalDate acquired,
      LocalDate holdingSince, boolean inherited, BigDecimal washAdjustment, long origin, boolean replacement, long sequence) {
    this(id, account, symbol, quantity, costBasis, acquired, holdingSince, inherited, washAdjustment, origin, replacement,
        sequence, Optional.empty());
  }

  public Lot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(symbol, "symbol");
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("lot quantity must be positive: " + quantity);
    }
    if (costBasis.signum() < 0) {
      throw new IllegalArgumentException("lot basis must not be negative: " + costBasis);
    }
    if (acquired == null && !inherited) {
      throw new IllegalArgumentException("lot " + id + " needs an acquisition date");
    }
    if (holdingSince == null) {
      holdingSince = acquired;
    }
    washAdjustment = washAdjustment == null ? BigDecimal.ZERO : washAdjustment;
    award = award == null ? Optional.empty() : award;
  }

  public BigDecimal costPerShare() {
    return Decimals.ratio(costBasis, quantity);
  }

  public Term term(LocalDate sold) {
    return HoldingPeriod.term(holdingSince, inherited, sold);
  }

  /** Unrealized gain in dollars at a price per share (negative for a loss). */
  public BigDecimal unrealizedGain(BigDecimal price) {
    return quantity.multiply(price).subtract(costBasis);
  }

  /** The first date a sale of this lot is long-term (the acquisition date for inherited lots). */
  public LocalDate longTermFrom() {
    if (inherited) {
      return acquired == null ? LocalDate.MIN : acquired;
    }
    return HoldingPeriod.longTermFrom(holdingSince);
  }

  /**
   * For ESPP shares: the first day a sale is a qualifying disposition (Publication 525), when the
   * ordinary income becomes the lesser of the offering discount and the gain. Empty for every other
   * lot.
   */
  public Optional<LocalDate> esppQualifyingFrom() {
    return award.flatMap(a -> a.qualifyingFrom(acquired));
  }

  Lot withQuantityAndBasis(BigDecimal newQuantity, BigDecimal newBasis, BigDecimal newWashAdjustment) {
    return new Lot(id, account, symbol, newQuantity, newBasis, acquired, holdingSince, inherited, newWashAdjustment,
        origin, replacement, sequence, award);
  }

  Lot asReplacement(LotId newId, BigDecimal addedBasis, LocalDate newHoldingSince, boolean newInherited) {
    return new Lot(newId, account, symbol, quantity, costBasis.add(addedBasis), acquired, newHoldingSince,
        newInherited, washAdjustment.add(addedBasis), origin, true, sequence, award);
  }

  /** These shares, whole, in another account under {@code newId}: basis, dates and wash adjustments kept. */
  Lot movedTo(AccountId newAccount, LotId newId) {
    return new Lot(newId, newAccount, symbol, quantity, costBasis, acquired, holdingSince, inherited, washAdjustment,
        origin, replacement, sequence, award);
  }

  /** The lot after a split of {@code oldShares} into {@code newShares}: total basis and dates unchanged. */
  Lot split(BigDecimal newShares, BigDecimal oldShares) {
    return new Lot(id, account, symbol, Splits.quantity(quantity, newShares, oldShares), costBasis, acquired,
        holdingSince, inherited, washAdjustment, origin, replacement, sequence,
        award.map(a -> a.split(newShares, oldShares)));
  }
}
