package dev.keel.broker.execute;

import dev.keel.core.ledger.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Booked fills held in memory: for tests and benchmarks. */
public final class InMemoryLedgerSink implements LedgerSink {

  private final Set<String> ids = new LinkedHashSet<>();
  private final List<Transaction> transactions = new ArrayList<>();

  @Override
  public synchronized Set<String> bookedFillIds() {
    return Set.copyOf(ids);
  }

  @Override
  public synchronized void book(List<BookedFill> fills) {
    for (BookedFill f : fills) {
      if (ids.add(f.fillId())) {
        transactions.addAll(f.transactions());
      }
    }
  }

  public synchronized List<Transaction> transactions() {
    return List.copyOf(transactions);
  }
}
