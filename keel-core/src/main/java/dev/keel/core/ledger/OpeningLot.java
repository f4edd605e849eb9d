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
    Optional<BasisReporting> basisReporting) {

  public OpeningLot {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(acquired, "acquired");
    Objects.requireNonNull(lotId, "lotId");
    source = source == null ? SourceRef.NONE : source;
    basisReporting = basisReporting == null ? Optional.empty() : basisReporting;
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

  /** A lot whose sales are reported as its account's are. */
  public OpeningLot(AccountId account, Symbol symbol, BigDecimal quantity, BigDecimal costBasis,
      Optional<LocalDate> acquired, boolean inherited, Optional<LotId> lotId, SourceRef source) {
    this(account, symbol, quantity, costBasis, acquired, inherited, lotId, source, Optional.empty());
  }

  /** A copy whose sales are reported as {@code value} says, whatever its account's setting. */
  public OpeningLot withBasisReporting(BasisReporting value) {
    return new OpeningLot(account, symbol, quantity, costBasis, acquired, inherited, lotId, source, Optional.of(value));
  }

  public static OpeningLot of(String account, String symbol, String quantity, String costBasis, LocalDate acquired) {
    return new OpeningLot(
        AccountId.of(account), Symbol.of(symbol), new BigDecimal(quantity), new BigDecimal(costBasis),
        Optional.of(acquired), false, Optional.empty(), SourceRef.NONE);
  }

  public OpeningLot withLotId(String id) {
    return new OpeningLot(account, symbol, quantity, costBasis, acquired, inherited, Optional.of(LotId.of(id)), source,
        basisReporting);
  }
}
