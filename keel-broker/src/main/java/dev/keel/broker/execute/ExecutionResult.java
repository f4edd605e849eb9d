package dev.keel.broker.execute;

import java.util.List;
import java.util.Objects;

/**
 * The state of a proposal's execution after one run.
 *
 * @param booked fills booked into the ledger by this run
 * @param warnings what the user should know (price checks skipped, fills not yet reported...)
 */
public record ExecutionResult(ProposalId proposal, List<TradeOutcome> trades, int booked, List<String> halted,
    List<String> warnings) {

  /** The proposal as a whole. */
  public enum Status {
    /** Every trade filled in full. */
    EXECUTED,
    /** Some trades (or parts) executed, the rest ended or was not placed: re-plan the rest. */
    PARTLY_EXECUTED,
    /** Orders still working, in doubt, or waiting to be placed: run again to follow them up. */
    IN_PROGRESS,
    /** Nothing executed and nothing working. */
    NOT_EXECUTED
  }

  public ExecutionResult {
    Objects.requireNonNull(proposal, "proposal");
    trades = List.copyOf(trades);
    halted = List.copyOf(halted);
    warnings = List.copyOf(warnings);
  }

  public Status status() {
    if (trades.stream().anyMatch(TradeOutcome::working)) {
      return Status.IN_PROGRESS;
    }
    if (trades.stream().allMatch(t -> t.status() == TradeOutcome.Status.FILLED)) {
      return Status.EXECUTED;
    }
    if (trades.stream().anyMatch(t -> t.filled().signum() > 0)) {
      return Status.PARTLY_EXECUTED;
    }
    return Status.NOT_EXECUTED;
  }

  /** The trades with shares left to re-plan (nothing working for them any more). */
  public List<TradeOutcome> remaining() {
    return trades.stream().filter(t -> t.remaining().signum() > 0 && !t.working()).toList();
  }
}
