package dev.keel.store.scan;

import dev.keel.core.drift.ClassDrift;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.io.report.Fmt;
import dev.keel.store.audit.AuditLog;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.HouseholdStore;
import dev.keel.store.household.StoredHousehold;
import dev.keel.store.proposal.ProposalService;
import dev.keel.store.proposal.StoredProposal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scan of one as-of date. Each household is claimed, scanned and recorded in one
 * transaction: drift per class (kept as history), and when a check is due and a band is breached
 * a proposal through the engine, stored under the unique key (household, date). A crash rolls the
 * household back to pending; the next run picks it up.
 */
public final class Scanner {

  private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);

  private final Jdbi jdbi;
  private final HouseholdStore households;
  private final ProposalService proposals;
  private final HouseholdEngine engine;
  private final AuditLog audit;
  private final Clock clock;
  private final String worker;
  private final dev.keel.store.alert.AlertStore alerts;

  /** @param worker names this process in results and logs (e.g. host and pid) */
  public Scanner(Jdbi jdbi, HouseholdStore households, ProposalService proposals, HouseholdEngine engine, AuditLog audit,
      Clock clock, String worker, dev.keel.store.alert.AlertStore alerts) {
    this.alerts = alerts;
    this.jdbi = jdbi;
    this.households = households;
    this.proposals = proposals;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
    this.worker = worker;
  }

  /** Creates the scan of {@code asOf} if there is none (idempotent) and lists every household as pending in it. */
  public String open(LocalDate asOf, String actor) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(h -> {
          Optional<String> existing = scanId(h, asOf);
          String id = existing.orElseGet(() -> {
            String fresh = UUID.randomUUID().toString();
            h.createUpdate("INSERT INTO scan (id, as_of, requested_by, created_at) VALUES (:id, :asOf, :by, :at)")
                .bind("id", fresh).bind("asOf", asOf).bind("by", actor).bind("at", now()).execute();
            audit.append(h, actor, "scan.opened", "scan", fresh, null, Map.of("as_of", asOf.toString()));
            return fresh;
          });
          h.createUpdate("INSERT INTO scan_result (household_id, as_of, scan_id, status) SELECT id, :asOf, :scan, 'pending' "
                  + "FROM household WHERE NOT EXISTS (SELECT 1 FROM scan_result r WHERE r.household_id = household.id "
                  + "AND r.as_of = :asOf)")
              .bind("asOf", asOf).bind("scan", id).execute();
          return id;
        });
      } catch (RuntimeException e) {
        // Another process opened the same scan at the same moment: the unique keys refused our
        // rows, and its rows are there now. Read them on the next attempt.
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Opens the scan of {@code asOf} and scans its pending households with {@code threads} workers
   * until none is left or {@code stop} says so (a household in progress finishes first).
   */
  public ScanSummary run(LocalDate asOf, String actor, int threads, BooleanSupplier stop) {
    String id = open(asOf, actor);
    AtomicInteger scanned = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "keel-scan");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          while (!stop.getAsBoolean() && scanNext(asOf)) {
            scanned.incrementAndGet();
          }
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("scan worker failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdown();
    }
    ScanSummary summary = summary(id, Optional.empty()).orElseThrow();
    LOG.info("scan as_of={} done={} failed={} pending={} proposals={} scanned_here={}", asOf, summary.done(),
        summary.failed(), summary.pending(), summary.proposals(), scanned.get());
    return new ScanSummary(summary.id(), summary.asOf(), summary.createdAt(), summary.pending(), summary.done(),
        summary.failed(), summary.proposals(), scanned.get(), summary.results());
  }

  /**
   * Claims one pending household of {@code asOf} and scans it; false when none is left to claim.
   * A household whose scan throws is recorded as failed (with why) so the scan moves on.
   */
  public boolean scanNext(LocalDate asOf) {
    Optional<HouseholdId> failed = Optional.empty();
    String[] error = new String[1];
    try {
      Optional<HouseholdId> claimed = jdbi.inTransaction(h -> {
        Optional<HouseholdId> next = claim(h, asOf);
        next.ifPresent(id -> {
          error[0] = id.value();
          scanOne(h, id, asOf);
        });
        return next;
      });
      return claimed.isPresent();
    } catch (RuntimeException e) {
      if (error[0] == null) {
        throw e;
      }
      failed = Optional.of(HouseholdId.of(error[0]));
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("scan as_of={} household={} failed: {}", asOf, error[0], why);
      HouseholdId id = failed.get();
      jdbi.useTransaction(h -> {
        int updated = h.createUpdate("UPDATE scan_result SET status = 'failed', problem = :p, finished_at = :at, "
                + "finished_by = :by WHERE household_id = :h AND as_of = :asOf AND status = 'pending'")
            .bind("p", why).bind("at", now()).bind("by", worker).bind("h", id.value()).bind("asOf", asOf).execute();
        if (updated == 1) {
          audit.append(h, "system", "scan.household_failed", "scan_result", id.value() + "/" + asOf, id.value(),
              Map.of("status", "failed", "problem", why));
          alerts.raise(h, id.value(), dev.keel.store.alert.AlertKind.SCAN_FAILED,
              "The scan of " + id + " as of " + asOf + " failed: " + why, Map.of("as_of", asOf.toString(), "problem", why));
        }
      });
      return true;
    }
  }

  private Optional<HouseholdId> claim(Handle h, LocalDate asOf) {
    return h.createQuery("SELECT household_id FROM scan_result WHERE as_of = :asOf AND status = 'pending' "
            + "ORDER BY household_id LIMIT 1 FOR UPDATE SKIP LOCKED")
        .bind("asOf", asOf).mapTo(String.class).findOne().map(HouseholdId::of);
  }

  private void scanOne(Handle h, HouseholdId id, LocalDate asOf) {
    StoredHousehold stored = households.load(h, id, asOf).orElseThrow();
    DriftReport drift = engine.drift(stored.data(), asOf);
    for (ClassDrift c : drift.classes()) {
      h.createUpdate("INSERT INTO scan_drift (household_id, as_of, asset_class, target, actual, drift, breached) "
              + "VALUES (:h, :asOf, :c, :target, :actual, :drift, :breached)")
          .bind("h", id.value()).bind("asOf", asOf).bind("c", c.assetClass().value())
          .bind("target", Fmt.weight(c.target()).toPlainString()).bind("actual", Fmt.weight(c.actual()).toPlainString())
          .bind("drift", Fmt.weight(c.drift()).toPlainString()).bind("breached", c.breached()).execute();
    }
    if (drift.anyBreached()) {
      raiseBandBreached(h, id, asOf, drift);
    }
    String proposalId = null;
    if (drift.rebalanceNeeded()) {
      StoredProposal p = proposals.create(h, stored, asOf, Map.of(), false, "scan", id.value() + "|" + asOf, "system");
      proposalId = p.id();
    }
    h.createUpdate("UPDATE scan_result SET status = 'done', check_due = :due, breached = :breached, proposal_id = :p, "
            + "finished_at = :at, finished_by = :by WHERE household_id = :h AND as_of = :asOf")
        .bind("due", drift.checkDue()).bind("breached", drift.anyBreached()).bind("p", proposalId)
        .bind("at", now()).bind("by", worker).bind("h", id.value()).bind("asOf", asOf).execute();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("status", "done");
    state.put("check_due", drift.checkDue());
    state.put("breached", drift.anyBreached());
    state.put("proposal", proposalId);
    audit.append(h, "system", "scan.household_scanned", "scan_result", id.value() + "/" + asOf, id.value(), state);
  }

  /**
   * The band-breached alert, in the scan's transaction: a household is scanned once per date (its
   * scan_result row), so this is raised at most once per household per scan date.
   */
  private void raiseBandBreached(Handle h, HouseholdId id, LocalDate asOf, DriftReport drift) {
    List<Map<String, Object>> classes = new java.util.ArrayList<>();
    List<String> named = new java.util.ArrayList<>();
    for (ClassDrift c : drift.classes()) {
      if (c.breached()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asset_class", c.assetClass().value());
        m.put("target", Fmt.weight(c.target()));
        m.put("actual", Fmt.weight(c.actual()));
        m.put("lower", Fmt.weight(c.lower()));
        m.put("upper", Fmt.weight(c.upper()));
        classes.add(m);
        named.add(c.assetClass().value() + " at " + pct(c.actual()) + " (band " + pct(c.lower()) + "–" + pct(c.upper()) + ")");
      }
    }
    alerts.raise(h, id.value(), dev.keel.store.alert.AlertKind.BAND_BREACHED,
        "Outside its band in " + id + " on " + asOf + ": " + String.join(", ", named),
        Map.of("as_of", asOf.toString(), "classes", classes));
  }

  private static String pct(java.math.BigDecimal weight) {
    return weight.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  /** The scan with that id; with {@code visible}, results only for those households. */
  public Optional<ScanSummary> summary(String scanId, Optional<Set<HouseholdId>> visible) {
    return jdbi.withHandle(h -> {
      Optional<Object[]> scan = h.createQuery("SELECT id, as_of, created_at FROM scan WHERE id = :id").bind("id", scanId)
          .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)}).findOne();
      if (scan.isEmpty()) {
        return Optional.<ScanSummary>empty();
      }
      StringBuilder sql = new StringBuilder("SELECT * FROM scan_result WHERE scan_id = :id");
      visible.ifPresent(v -> sql.append(v.isEmpty() ? " AND 1 = 0" : " AND household_id IN (<hs>)"));
      sql.append(" ORDER BY household_id");
      Query q = h.createQuery(sql.toString()).bind("id", scanId);
      visible.filter(v -> !v.isEmpty()).ifPresent(v -> q.bindList("hs", v.stream().map(HouseholdId::value).sorted().toList()));
      List<ScanSummary.Result> results = q.map((rs, ctx) -> new ScanSummary.Result(rs.getString("household_id"),
          rs.getString("status"), (Boolean) rs.getObject("check_due"), (Boolean) rs.getObject("breached"),
          rs.getString("proposal_id"), rs.getString("problem"), rs.getString("finished_at"), rs.getString("finished_by")))
          .list();
      int pending = (int) results.stream().filter(r -> r.status().equals("pending")).count();
      int done = (int) results.stream().filter(r -> r.status().equals("done")).count();
      int failed = (int) results.stream().filter(r -> r.status().equals("failed")).count();
      int withProposal = (int) results.stream().filter(r -> r.proposalId() != null).count();
      return Optional.of(new ScanSummary((String) scan.get()[0], (LocalDate) scan.get()[1], (String) scan.get()[2],
          pending, done, failed, withProposal, 0, results));
    });
  }

  /** The id of the scan of {@code asOf}, if one was opened. */
  public Optional<String> scanOf(LocalDate asOf) {
    return jdbi.withHandle(h -> scanId(h, asOf));
  }

  private static Optional<String> scanId(Handle h, LocalDate asOf) {
    return h.createQuery("SELECT id FROM scan WHERE as_of = :asOf").bind("asOf", asOf).mapTo(String.class).findOne();
  }

  /** Drift history of a household: per date, per class, as scanned. */
  public List<Map<String, Object>> history(HouseholdId id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT as_of, asset_class, target, actual, drift, breached FROM scan_drift "
            + "WHERE household_id = :h ORDER BY as_of, asset_class")
        .bind("h", id.value())
        .map((rs, ctx) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("as_of", rs.getObject(1, LocalDate.class).toString());
          row.put("asset_class", rs.getString(2));
          row.put("target", new java.math.BigDecimal(rs.getString(3)));
          row.put("actual", new java.math.BigDecimal(rs.getString(4)));
          row.put("drift", new java.math.BigDecimal(rs.getString(5)));
          row.put("breached", rs.getBoolean(6));
          return row;
        }).list());
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
