package dev.keel.core.rebalance;

/**
 * The household holds more lots in tradable accounts than the rebalancing program is built for
 * ({@link Rebalancer#MAX_TRADABLE_LOTS}): refused at once, with what to do, rather than left to
 * run for minutes and gigabytes. Not an input problem (every lot may be right), so not an
 * {@link dev.keel.core.problem.InvalidInputException}.
 */
public final class HouseholdTooLargeException extends RuntimeException {

  private final int lots;

  public HouseholdTooLargeException(int lots, int limit) {
    super(String.format(java.util.Locale.ROOT,
        "the household holds %,d lots in tradable accounts; Keel proposes trades for at most %,d (the rebalancing "
            + "program has a variable per lot and would take minutes and gigabytes). Combine lots of the same account, "
            + "symbol, acquisition date and cost per share in lots.csv (their basis added up), or mark accounts Keel "
            + "should not trade tradable: false; keel analyze and keel lots work at any size.", lots, limit));
    this.lots = lots;
  }

  /** Lots in tradable accounts. */
  public int lots() {
    return lots;
  }
}
