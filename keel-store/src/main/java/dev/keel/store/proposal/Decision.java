package dev.keel.store.proposal;

/** What a decision on a proposal (approve, reject, veto) came to. */
public sealed interface Decision {

  /** The decision was recorded; {@code proposal} is the new state. */
  record Done(StoredProposal proposal) implements Decision {}

  /** The books or prices changed since the proposal was made: it is superseded by {@code fresh}. */
  record Superseded(StoredProposal stale, StoredProposal fresh, String why) implements Decision {}

  /** Someone else changed the proposal first, or its status does not allow the decision. */
  record Conflict(String message, StoredProposal current) implements Decision {}

  /** The proposal does not exist. */
  record NotFound() implements Decision {}
}
