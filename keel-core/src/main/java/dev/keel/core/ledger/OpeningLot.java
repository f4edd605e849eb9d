package dev.keel.core.ledger;

import dev.keel.core.household.BasisReporting;

import dev.keel.core.household.AccountId;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A lot held when the ledger starts (lots.csv).
 *
 * @param costBasis total basis of the lot in dollars, not per share
 * @param acquired acquisition date; may be empty only for an inherited lot whose date is unknown
 * @param inherited inherited lots are always long-term
 * @param basisReporting what the 1099-B reports for this lot's sales when it differs from its
 *     account's ({@code basis_reported} in lots.csv; e.g. noncovered shares bought before 2011 in an
 *     account whose other lots are covered); empty: the account's
 * @param award for employer stock held at the start (lots.csv {@code award}): the facts an {@code
 *     rsu_vest} or {@code espp_purchase} row gives, so that the lot's sales get the same ESPP
 *     ordinary income and Form 8949 code B (IRS Publication 525); for ESPP shares {@code costBasis}
 *     is the price paid. Empty for every other lot
 */
public record OpeningLot(
    AccountId account,
    Symbol symbol,
    BigDecimal quantity,
    BigDecimal costBasis,
    Optional<LocalDate> acquired,
    boolean inherited,
    Optional<LotId> lotId,
    SourceRef source,
    Optional<BasisReporting> basisReporting,
    Optional<ActionTerms.Award> award) {

  public OpeningLot {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(acquired, "acquired");
    Objects.requireNonNull(lotId, "lotId");
    source = source == null ? SourceRef.NONE : source;
    basisReporting = basisReporting == null ? Optional.empty() : basisReporting;
    award = award == null ? Optional.empty() : award;
    if (award.isPresent() && inherited) {
      throw new IllegalArgumentException("inherited shares are not compensation: a lot cannot be both");
    }
    award.flatMap(ActionTerms.Award::offering).ifPresent(o -> {
      if (acquired.isPresent() && o.offeringDate().isAfter(acquired.get())) {
        throw new IllegalArgumentException("offering date " + o.offeringDate() + " is after the purchase " + acquired.get());
      }
    });
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
    if (costBasis.signum() < 0) {
      throw new IllegalArgumentException("cost basis must not be negative: " + costBasis);
    }
    if (acquired.isEmpty() && !inherited) {
      throw new IllegalArgumentException("a lot needs an acquisition date unless it is inherited");
    }
  }

  /** A lot that is not employer stock. */
  public OpeningLot(AccountId account, Symbol symbol, BigDecimal quantity, BigDecimal costBasis,
      Optional<LocalDate> acquired, boolean inherited, Optional<LotId> lotId, SourceRef source,
      Optional<BasisReporting> basisReporting) {
    this(account, symbol, quantity, costBasis, acquired, inherited, lotId, source, basisReporting, Optional.empty());
  }

  /** A lot whose sales are reported as its account's are. */
  public OpeningLot(AccountId account, Symbol symbol, BigDecimal quantity, BigDecimal costBasis,
      Optional<LocalDate> acquired, boolean inherited, Optional<LotId> lotId, SourceRef source) {
    this(account, symbol, quantity, costBasis, acquired, inherited, lotId, source, Optional.empty());
  }

  /** A copy whose sales are reported as {@code value} says, whatever its account's setting. */
  public OpeningLot withBasisReporting(BasisReporting value) {
    return new OpeningLot(account, symbol, quantity, costBasis, acquired, inherited, lotId, source, Optional.of(value),
        award);
  }

  public static OpeningLot of(String account, String symbol, String quantity, String costBasis, LocalDate acquired) {
    return new OpeningLot(
        AccountId.of(account), Symbol.of(symbol), new BigDecimal(quantity), new BigDecimal(costBasis),
        Optional.of(acquired), false, Optional.empty(), SourceRef.NONE);
  }

  public OpeningLot withLotId(String id) {
    return new OpeningLot(account, symbol, quantity, costBasis, acquired, inherited, Optional.of(LotId.of(id)), source,
        basisReporting, award);
  }

  /** A copy that is employer stock with these facts (RSU when {@code award} has no offering, else ESPP). */
  public OpeningLot withAward(ActionTerms.Award value) {
    return new OpeningLot(account, symbol, quantity, costBasis, acquired, inherited, lotId, source, basisReporting,
        Optional.of(value));
  }

  /** The award this lot's shares carry, per share as the ledger keeps it; empty for other lots. */
  Optional<EquityAward> equityAward() {
    return award.map(a -> EquityAward.of(a, costBasis, quantity));
  }
}
