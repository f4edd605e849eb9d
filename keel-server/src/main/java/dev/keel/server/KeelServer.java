package dev.keel.server;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.server.api.KeelApi;
import dev.keel.server.api.Services;
import dev.keel.server.broker.BrokerConnector;
import dev.keel.server.broker.EnvironmentBrokers;
import dev.keel.store.Database;
import dev.keel.store.Store;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Keel server: database, store, API and daily scan. {@link #close()} stops gracefully:
 * no new requests, the scan in progress finishes its households (the rest stay pending), then the
 * database closes.
 */
public final class KeelServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KeelServer.class);

  private final Database database;
  private final Store store;
  private final ScanRunner scans;
  private final KeelApi api;
  private final Optional<DailyScan> daily;
  private final AlertDispatcher alerts;

  private KeelServer(Database database, Store store, ScanRunner scans, KeelApi api, Optional<DailyScan> daily,
      AlertDispatcher alerts) {
    this.alerts = alerts;
    this.database = database;
    this.store = store;
    this.scans = scans;
    this.api = api;
    this.daily = daily;
  }

  /** Opens (and migrates) the database and starts listening. */
  public static KeelServer start(ServerConfig config, Clock clock) {
    Database database = config.databaseUrl()
        .map(url -> Database.open(url, config.databaseUser(), config.databasePassword(), null, 16))
        .orElseGet(() -> Database.embedded(config.dataDir()));
    return start(database, config, clock);
  }

  /** Starts on an open database (tests give one per run). */
  public static KeelServer start(Database database, ServerConfig config, Clock clock) {
    return start(database, config, clock, EnvironmentBrokers.fromSystem());
  }

  /** Starts on an open database, reaching brokers through {@code brokers} (tests give a fake broker's address). */
  public static KeelServer start(Database database, ServerConfig config, Clock clock, BrokerConnector brokers) {
    Store store = new Store(database, HouseholdEngine.DEFAULT, clock);
    ScanRunner scans = new ScanRunner(store, config.scanThreads());
    KeelApi api = new KeelApi(new Services(store, scans), HouseholdEngine.DEFAULT, brokers);
    api.app().start(config.host(), config.port());
    Optional<DailyScan> daily = config.scanAt().map(at -> new DailyScan(scans, clock, at));
    daily.ifPresent(DailyScan::start);
    Optional<EmailSender> email = config.smtp().map(smtp -> new EmailSender(smtp.host(), smtp.port(), smtp.from(),
        smtp.user(), Optional.ofNullable(System.getenv("KEEL_SMTP_PASSWORD")).orElse("")));
    AlertDispatcher alerts = new AlertDispatcher(store.alerts(), new WebhookSender(), email);
    alerts.start(2000);
    LOG.info("keel server listening on http://{}:{} database={}", config.host(), api.app().port(), database.describe());
    return new KeelServer(database, store, scans, api, daily, alerts);
  }

  public int port() {
    return api.app().port();
  }

  public Store store() {
    return store;
  }

  public ScanRunner scans() {
    return scans;
  }

  public AlertDispatcher alerts() {
    return alerts;
  }

  public KeelApi api() {
    return api;
  }

  @Override
  public void close() {
    LOG.info("keel server stopping");
    daily.ifPresent(DailyScan::close);
    alerts.close();
    api.app().stop();
    scans.close();
    database.close();
    LOG.info("keel server stopped");
  }
}
