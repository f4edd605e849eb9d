package dev.keel.store;

import dev.keel.core.portfolio.HouseholdEngine;
import dev.keel.store.access.UserStore;
import dev.keel.store.audit.AuditLog;
import dev.keel.store.household.HouseholdStore;
import java.time.Clock;

/** The repositories over one database, wired with one engine and one clock. */
public final class Store {

  private final Database database;
  private final AuditLog audit;
  private final HouseholdStore households;
  private final UserStore users;

  public Store(Database database, HouseholdEngine engine, Clock clock) {
    this.database = database;
    this.audit = new AuditLog(clock);
    this.households = new HouseholdStore(database.jdbi(), engine, audit, clock);
    this.users = new UserStore(database.jdbi(), audit, clock);
  }

  public Database database() {
    return database;
  }

  public AuditLog audit() {
    return audit;
  }

  public HouseholdStore households() {
    return households;
  }

  public UserStore users() {
    return users;
  }
}
