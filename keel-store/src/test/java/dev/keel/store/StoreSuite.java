package dev.keel.store;

import org.junit.jupiter.api.AfterEach;

/**
 * Base of the store tests: each test gets a fresh database of the kind the subclass names (H2 or
 * PostgreSQL), so one set of tests runs against both.
 */
public abstract class StoreSuite {

  private Database database;

  /** A new, migrated, empty database. */
  protected abstract Database newDatabase();

  /** The database of the running test, opened on first use. */
  protected Database database() {
    if (database == null) {
      database = newDatabase();
    }
    return database;
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
      if (database.isPostgres()) {
        database.schema().filter(s -> s.startsWith("keel_test_")).ifPresent(TestDatabases::dropSchema);
      }
      database = null;
    }
  }
}
