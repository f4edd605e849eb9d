package dev.keel.server.broker;

import dev.keel.broker.execute.BookedFill;
import dev.keel.broker.execute.LedgerSink;
import dev.keel.broker.execute.ProposalId;
import dev.keel.store.household.ExecutionRecords;
import dev.keel.store.household.HouseholdId;
import java.util.List;
import java.util.Set;

/**
 * Fills booked as stored transactions of the household: the transactions and the record that the
 * fill is booked are written in one database transaction, so a restarted executor books only
 * the fills the database does not hold.
 */
public final class DatabaseLedgerSink implements LedgerSink {

  private final ExecutionRecords records;
  private final HouseholdId household;
  private final ProposalId proposal;
  private final String actor;

  public DatabaseLedgerSink(ExecutionRecords records, HouseholdId household, ProposalId proposal, String actor) {
    this.records = records;
    this.household = household;
    this.proposal = proposal;
    this.actor = actor;
  }

  @Override
  public Set<String> bookedFillIds() {
    return records.bookedFillIds(household);
  }

  @Override
  public void book(List<BookedFill> fills) {
    records.book(household, proposal.value(),
        fills.stream().map(f -> new ExecutionRecords.Fill(f.fillId(), f.transactions())).toList(), actor);
  }
}
