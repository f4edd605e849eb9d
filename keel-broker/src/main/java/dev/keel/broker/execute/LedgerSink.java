package dev.keel.broker.execute;

import java.util.List;
import java.util.Set;

/**
 * Where booked fills go: transactions.csv for a folder ({@link TransactionsFileSink}), the
 * store's transactions table for the server. The sink, not the journal, is the truth about what
 * is booked, because the two cannot be written in one step: after a crash the executor asks the
 * sink which fills it holds and books only the others.
 */
public interface LedgerSink {

  /** The ids of every fill already booked. */
  Set<String> bookedFillIds();

  /** Books the fills' transactions all at once or not at all. */
  void book(List<BookedFill> fills);
}
