package dev.keel.server;

import dev.keel.store.Store;
import dev.keel.store.scan.ScanSummary;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scans in the background, one at a time, and stops them gracefully: a stop request lets
 * each worker finish (or roll back) the household it holds, and the rest stay pending for the
 * next run. After a scan, auto-mode proposals whose notice has passed are approved.
 */
public final class ScanRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScanRunner.class);

  /** A proposal still waiting this many days after its as-of date expires. */
  static final int EXPIRE_AFTER_DAYS = 7;

  private final Store store;
  private final int threads;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "keel-scan-runner");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean stopping = new AtomicBoolean();

  public ScanRunner(Store store, int threads) {
    this.store = store;
    this.threads = threads;
  }

  /** Opens the scan of {@code asOf} now (so its id and households exist) and scans in the background. */
  public String submit(LocalDate asOf, String actor) {
    String id = store.scanner().open(asOf, actor);
    executor.submit(() -> runNow(asOf, actor));
    return id;
  }

  /** Runs the scan of {@code asOf} in the calling thread. */
  public ScanSummary runNow(LocalDate asOf, String actor) {
    try {
      ScanSummary summary = store.scanner().run(asOf, actor, threads, stopping::get);
      if (!stopping.get()) {
        // Expiry counts from the scan's own date: a scan of a past date (a backfill, the demo's
        // 2026-11-22) must not expire the proposals it just made.
        store.proposals().expireStale(asOf, EXPIRE_AFTER_DAYS);
        store.proposals().approveDue(LocalDate.now(store.clock()));
      }
      return summary;
    } catch (RuntimeException e) {
      LOG.error("scan as_of={} failed: {}", asOf, e.toString());
      throw e;
    }
  }

  public boolean stopping() {
    return stopping.get();
  }

  /** Asks running scans to stop after their current households and waits for them. */
  @Override
  public void close() {
    stopping.set(true);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("scan did not stop within 60 s; its unfinished households roll back and stay pending");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
