package dev.keel.store.proposal;

import dev.keel.store.household.HouseholdId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Proposal rows. Decisions are compare-and-set on (status, version): of two racing writers one wins. */
public final class ProposalStore {

  private final Jdbi jdbi;

  public ProposalStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public void insert(Handle h, StoredProposal p, String scanKey) {
    h.createUpdate("INSERT INTO proposal (id, household_id, as_of, status, version, mode, origin, scan_key, body, "
            + "fingerprint, trade_count, approve_after, created_at, created_by) VALUES (:id, :household, :asOf, :status, "
            + ":version, :mode, :origin, :scanKey, :body, :fingerprint, :trades, :approveAfter, :at, :by)")
        .bind("id", p.id()).bind("household", p.household().value()).bind("asOf", p.asOf())
        .bind("status", p.status().code()).bind("version", p.version()).bind("mode", p.mode().code())
        .bind("origin", p.origin()).bind("scanKey", scanKey).bind("body", p.body()).bind("fingerprint", p.fingerprint())
        .bind("trades", p.tradeCount()).bind("approveAfter", p.approveAfter().orElse(null))
        .bind("at", p.createdAt()).bind("by", p.createdBy())
        .execute();
  }

  public Optional<StoredProposal> find(String id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  public Optional<StoredProposal> find(Handle h, String id) {
    return h.createQuery("SELECT * FROM proposal WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
  }

  /** Reads and locks the row until the transaction ends: racing decisions queue and see each other's result. */
  public Optional<StoredProposal> findForUpdate(Handle h, String id) {
    return h.createQuery("SELECT * FROM proposal WHERE id = :id FOR UPDATE").bind("id", id).map((rs, ctx) -> row(rs))
        .findOne();
  }

  /** Proposals of the given households (all when {@code households} is empty and {@code all}), newest first. */
  public List<StoredProposal> list(Optional<Set<HouseholdId>> households, Optional<ProposalStatus> status, int limit) {
    if (households.isPresent() && households.get().isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM proposal WHERE 1 = 1");
    households.ifPresent(x -> sql.append(" AND household_id IN (<households>)"));
    status.ifPresent(x -> sql.append(" AND status = :status"));
    sql.append(" ORDER BY created_at DESC, id LIMIT :limit");
    return jdbi.withHandle(h -> {
      Query q = h.createQuery(sql.toString()).bind("limit", limit);
      households.ifPresent(hs -> q.bindList("households", hs.stream().map(HouseholdId::value).sorted().toList()));
      status.ifPresent(s -> q.bind("status", s.code()));
      return q.map((rs, ctx) -> row(rs)).list();
    });
  }

  /**
   * Moves a proposal from {@code from} at {@code version} to {@code to}; false when another writer
   * changed it first (the status or version no longer match).
   */
  public boolean transition(Handle h, String id, ProposalStatus from, int version, ProposalStatus to, String actor,
      String at, String note, String supersededBy) {
    if (!from.next().contains(to)) {
      throw new IllegalArgumentException("a proposal cannot go from " + from.code() + " to " + to.code());
    }
    return h.createUpdate("UPDATE proposal SET status = :to, version = version + 1, decided_at = :at, decided_by = :by, "
            + "note = :note, superseded_by = :supersededBy WHERE id = :id AND status = :from AND version = :version")
        .bind("to", to.code()).bind("at", at).bind("by", actor).bind("note", note).bind("supersededBy", supersededBy)
        .bind("id", id).bind("from", from.code()).bind("version", version)
        .execute() == 1;
  }

  /** Replaces a proposal's document and trade count (an approver dropped trades), in the caller's transaction. */
  public void replaceTrades(Handle h, String id, String body, int tradeCount) {
    h.createUpdate("UPDATE proposal SET body = :body, trade_count = :count WHERE id = :id")
        .bind("body", body).bind("count", tradeCount).bind("id", id).execute();
  }

  /** Auto-mode proposals whose notice period has passed at {@code now}. */
  public List<StoredProposal> dueForAutoApproval(String now) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM proposal WHERE status = 'proposed' AND mode = 'auto' "
            + "AND approve_after IS NOT NULL AND approve_after <= :now ORDER BY approve_after")
        .bind("now", now).map((rs, ctx) -> row(rs)).list());
  }

  static StoredProposal row(ResultSet rs) throws SQLException {
    return new StoredProposal(rs.getString("id"), HouseholdId.of(rs.getString("household_id")),
        rs.getObject("as_of", LocalDate.class), ProposalStatus.find(rs.getString("status")).orElseThrow(),
        rs.getInt("version"), ExecutionMode.find(rs.getString("mode")).orElseThrow(), rs.getString("origin"),
        rs.getString("body"), rs.getString("fingerprint"), rs.getInt("trade_count"),
        Optional.ofNullable(rs.getString("approve_after")), rs.getString("created_at"), rs.getString("created_by"),
        Optional.ofNullable(rs.getString("decided_at")), Optional.ofNullable(rs.getString("decided_by")),
        Optional.ofNullable(rs.getString("note")), Optional.ofNullable(rs.getString("superseded_by")));
  }
}
