package dev.keel.store.proposal;

/** What a decision on a proposal (approve, reject, veto) came to. */
public sealed interface Decision {

  /** The decision was recorded; {@code proposal} is the new state. */
  record Done(StoredProposal proposal) implements Decision {}

  /** The books or prices changed since the proposal was made: it is superseded by {@code fresh}. */
  record Superseded(StoredProposal stale, StoredProposal fresh, String why) implements Decision {}

  /** Someone else changed the proposal first, or its status does not allow the decision. */
  record Conflict(String message, StoredProposal current) implements Decision {}

  /**
   * The approver dropped trades and what remains breaks a rule (a new wash sale, the tax budget,
   * cash going negative, a trade the ledger cannot book), or the drop named no trade of it; nothing
   * changed.
   */
  record Refused(String message, java.util.List<String> reasons) implements Decision {
    public Refused {
      reasons = java.util.List.copyOf(reasons);
    }
  }

  /** The proposal does not exist. */
  record NotFound() implements Decision {}
}
