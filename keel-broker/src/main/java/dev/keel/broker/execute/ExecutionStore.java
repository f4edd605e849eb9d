package dev.keel.broker.execute;

import java.util.List;

/**
 * Where the executor journals each proposal's execution, write-ahead: an event is durable when
 * {@link #append} returns, and the executor never acts on the broker before the event that
 * announces the act is stored. The folder workflow uses {@link FileExecutionStore}; the server
 * supplies one backed by its database.
 */
public interface ExecutionStore {

  /** Every event of the proposal's execution, in the order appended; empty for a new proposal. */
  List<ExecutionEvent> events(ProposalId proposal);

  /** Stores one event durably before returning. */
  void append(ProposalId proposal, ExecutionEvent event);
}
