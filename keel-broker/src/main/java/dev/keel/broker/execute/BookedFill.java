package dev.keel.broker.execute;

import dev.keel.core.ledger.Transaction;
import java.util.List;
import java.util.Objects;

/** One broker fill and the ledger transactions it becomes (one per lot a sale relieves). */
public record BookedFill(String fillId, List<Transaction> transactions) {

  public BookedFill {
    Objects.requireNonNull(fillId, "fillId");
    transactions = List.copyOf(transactions);
    if (transactions.isEmpty()) {
      throw new IllegalArgumentException("a booked fill has at least one transaction");
    }
  }
}
