package dev.keel.server;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the scan of the day at a fixed time of day, every day. The as-of date is the day it runs. */
final class DailyScan implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DailyScan.class);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "keel-daily-scan");
    t.setDaemon(true);
    return t;
  });
  private final ScanRunner runner;
  private final Clock clock;
  private final LocalTime at;

  DailyScan(ScanRunner runner, Clock clock, LocalTime at) {
    this.runner = runner;
    this.clock = clock;
    this.at = at;
  }

  void start() {
    scheduleNext();
  }

  /** How long from {@code now} until the next {@code at}. */
  static Duration untilNext(ZonedDateTime now, LocalTime at) {
    ZonedDateTime next = now.toLocalDate().atTime(at).atZone(now.getZone());
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return Duration.between(now, next);
  }

  private void scheduleNext() {
    Duration delay = untilNext(ZonedDateTime.now(clock), at);
    LOG.info("daily scan next in {} s (at {})", delay.toSeconds(), at);
    timer.schedule(() -> {
      try {
        if (!runner.stopping()) {
          runner.runNow(LocalDate.now(clock), "system");
        }
      } catch (RuntimeException e) {
        LOG.error("daily scan failed: {}", e.toString());
      } finally {
        if (!runner.stopping()) {
          scheduleNext();
        }
      }
    }, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
