package dev.keel.server;

import dev.keel.store.alert.AlertStore;
import dev.keel.store.alert.Delivery;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due alert deliveries every few seconds, apart from the scan: an alert never blocks a scan,
 * and a failed delivery is retried with backoff and stays visible in the delivery log.
 */
public final class AlertDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

  private final AlertStore alerts;
  private final WebhookSender webhooks;
  private final Optional<EmailSender> email;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "keel-alerts");
    t.setDaemon(true);
    return t;
  });

  public AlertDispatcher(AlertStore alerts, WebhookSender webhooks, Optional<EmailSender> email) {
    this.alerts = alerts;
    this.webhooks = webhooks;
    this.email = email;
  }

  void start(long periodMillis) {
    timer.scheduleWithFixedDelay(this::dispatchOnce, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Sends what is due now; returns how many deliveries were attempted. */
  public int dispatchOnce() {
    try {
      return alerts.dispatchDue(100, this::send);
    } catch (RuntimeException e) {
      LOG.warn("alert dispatch failed: {}", e.toString());
      return 0;
    }
  }

  private Optional<String> send(Delivery d) {
    Optional<String> error = switch (d.channelKind()) {
      case "webhook" -> webhooks.send(d);
      case "email" -> email.map(sender -> sender.send(d))
          .orElse(Optional.of("e-mail delivery is not configured on this server (keel serve --smtp HOST:PORT)"));
      default -> Optional.of("unknown channel kind " + d.channelKind());
    };
    LOG.info("alert delivery={} kind={} channel={} attempt={} outcome={}", d.id(), d.kind(), d.channelKind(),
        d.attempts() + 1, error.orElse("delivered"));
    return error;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
