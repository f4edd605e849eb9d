package dev.keel.core.ledger;

/**
 * Replays opening lots and transactions, in date order (rows of one day in file order), into lots,
 * cash, disposals and wash-sale adjustments. The one place where the household's books are kept:
 * reports and the rebalancer query its result.
 *
 * <p>A row that cannot be booked (selling more than is held, cash going negative, an unknown
 * lot) becomes a {@link dev.keel.core.problem.Problem} naming the row, is skipped, and replay goes
 * on so that every such row is reported at once.
 *
 * <p>The wash-sale rule (IRC §1091, Publication 550) is applied as the replay goes: see {@link
 * Replay} for the matching order.
 */
public final class Ledger {

  public static final Ledger DEFAULT = new Ledger();

  public LedgerResult replay(LedgerInput input) {
    return new Replay(input).run();
  }
}
