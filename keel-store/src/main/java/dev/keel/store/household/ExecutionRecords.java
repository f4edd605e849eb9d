package dev.keel.store.household;

import dev.keel.core.ledger.Transaction;
import dev.keel.store.audit.AuditLog;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The database side of executing a proposal: its journal (each event durable and audited when
 * {@link #append} returns, so every broker answer is in the audit trail) and the fills booked into
 * the household's ledger. The events are opaque JSON here: the executor (keel-broker) writes and
 * reads them.
 */
public final class ExecutionRecords {

  private final Jdbi jdbi;
  private final HouseholdStore households;
  private final AuditLog audit;

  public ExecutionRecords(Jdbi jdbi, HouseholdStore households, AuditLog audit) {
    this.jdbi = jdbi;
    this.households = households;
    this.audit = audit;
  }

  /** A fill and the ledger transactions it becomes. */
  public record Fill(String fillId, List<Transaction> transactions) {
    public Fill {
      transactions = List.copyOf(transactions);
    }
  }

  /** The proposal's journal, in the order appended. */
  public List<String> events(String proposalId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT body FROM execution_event WHERE proposal_id = :p ORDER BY seq")
        .bind("p", proposalId).mapTo(String.class).list());
  }

  /** Stores one event and its audit record in one transaction. */
  public void append(HouseholdId household, String proposalId, String type, String json, String actor) {
    jdbi.useTransaction(h -> {
      int seq = h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM execution_event WHERE proposal_id = :p")
          .bind("p", proposalId).mapTo(Integer.class).one() + 1;
      h.createUpdate("INSERT INTO execution_event (proposal_id, seq, household_id, event_type, body, recorded_at) "
              + "VALUES (:p, :seq, :h, :type, :body, :at)")
          .bind("p", proposalId).bind("seq", seq).bind("h", household.value()).bind("type", type).bind("body", json)
          .bind("at", households.now()).execute();
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("seq", seq);
      state.put("event", json);
      audit.append(h, actor, "execution." + type.toLowerCase(java.util.Locale.ROOT), "proposal", proposalId,
          household.value(), state);
    });
  }

  /** The ids of every fill booked into the household's ledger. */
  public Set<String> bookedFillIds(HouseholdId household) {
    return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT fill_id FROM booked_fill WHERE household_id = :h")
        .bind("h", household.value()).mapTo(String.class).list()));
  }

  /**
   * Appends the fills' transactions to the ledger and records the fills as booked, all in one
   * transaction with the household locked; a fill booked before is skipped. The broker's fills are
   * facts: they are booked as reported, never refused by the ledger check (reconciliation shows
   * any difference).
   *
   * @return how many fills were booked now
   */
  public int book(HouseholdId household, String proposalId, List<Fill> fills, String actor) {
    return jdbi.inTransaction(h -> {
      h.createQuery("SELECT id FROM household WHERE id = :id FOR UPDATE").bind("id", household.value())
          .mapTo(String.class).one();
      Set<String> booked = new HashSet<>(h.createQuery("SELECT fill_id FROM booked_fill WHERE household_id = :h")
          .bind("h", household.value()).mapTo(String.class).list());
      List<HouseholdStore.TransactionRow> rows = HouseholdStore.transactionRows(h, household);
      int seq = rows.stream().mapToInt(HouseholdStore.TransactionRow::seq).max().orElse(0);
      int position = rows.stream().mapToInt(HouseholdStore.TransactionRow::position).max().orElse(0);
      String now = households.now();
      int count = 0;
      for (Fill fill : fills) {
        if (!booked.add(fill.fillId())) {
          continue;
        }
        int first = seq + 1;
        for (Transaction t : fill.transactions()) {
          HouseholdStore.insertTransaction(h, household, ++seq, ++position, t, null, actor, now);
        }
        h.createUpdate("INSERT INTO booked_fill (household_id, fill_id, proposal_id, first_seq, recorded_at) "
                + "VALUES (:h, :f, :p, :seq, :at)")
            .bind("h", household.value()).bind("f", fill.fillId()).bind("p", proposalId).bind("seq", first)
            .bind("at", now).execute();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("fill", fill.fillId());
        state.put("transactions", fill.transactions().size());
        state.put("first_seq", first);
        audit.append(h, actor, "execution.fill_booked", "proposal", proposalId, household.value(), state);
        count++;
      }
      if (count > 0) {
        HouseholdStore.bumpRevision(h, household);
      }
      return count;
    });
  }
}
