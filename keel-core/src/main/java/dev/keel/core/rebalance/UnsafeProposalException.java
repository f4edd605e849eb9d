package dev.keel.core.rebalance;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An internal error: booked through the ledger, a proposal Keel made would have broken a promise
 * it makes (no new wash sale anywhere in the household, the tax budget kept, every trade bookable).
 * It is a bug in Keel, never a problem with the input: the proposal is not returned, so nobody acts
 * on a wrong one. The CLI prints the message on one line and exits 1.
 */
public final class UnsafeProposalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Which promise was broken. */
  public enum Kind {
    /** The ledger could not book a trade (a lot not held, more shares than held). */
    NOT_BOOKABLE,
    /** A loss is disallowed that the proposal does not say it washes. */
    NEW_WASH_SALE,
    /** The year's net realized gains go over tax.max_net_gains. */
    OVER_TAX_BUDGET
  }

  /** One broken promise. @param detail what the ledger found, with accounts, lots, dates and dollars */
  public record Violation(Kind kind, String detail) {}

  private final LocalDate asOf;
  private final List<Violation> violations;

  public UnsafeProposalException(LocalDate asOf, List<Violation> violations) {
    super("internal error: the proposal for " + asOf + " was withheld, because booking it through the ledger found "
        + violations.stream().map(Violation::detail).collect(Collectors.joining("; "))
        + " (a bug in Keel; please report it)");
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an unsafe proposal needs at least one violation");
    }
    this.asOf = asOf;
    this.violations = List.copyOf(violations);
  }

  public LocalDate asOf() {
    return asOf;
  }

  public List<Violation> violations() {
    return violations;
  }
}
