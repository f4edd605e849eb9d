package dev.keel.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases every store and server test runs against. H2 always: a fresh in-memory
 * database per call. PostgreSQL at 127.0.0.1:5432 (database test, user postgres): a fresh schema
 * per call, so runs never collide. When PostgreSQL is unreachable, its tests are skipped with a
 * message, unless KEEL_TEST_POSTGRES=required (set by .ci/run): then they fail.
 */
public final class TestDatabases {

  /** The test server; -Dkeel.test.postgres.url=... points elsewhere (e.g. to check the skip message). */
  public static final String POSTGRES_URL =
      System.getProperty("keel.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String POSTGRES_USER = "postgres";

  private static Boolean postgresReachable;

  private TestDatabases() {}

  /** A fresh, migrated, empty embedded database. */
  public static Database h2() {
    return Database.open("jdbc:h2:mem:keel_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
        "sa", "", null, 8);
  }

  /** A fresh, migrated, empty schema on the test PostgreSQL (skips or fails when unreachable, see above). */
  public static Database postgres() {
    requirePostgres();
    return Database.open(POSTGRES_URL, POSTGRES_USER, "", newSchemaName(), 8);
  }

  /** A new schema name for one test run: keel_test_ and random hex. */
  public static String newSchemaName() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "keel_test_" + HexFormat.of().formatHex(bytes);
  }

  /** Drops a test schema (PostgreSQL only); quiet when it is already gone. */
  public static void dropSchema(String schema) {
    try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      // A left-over schema is harmless: every run uses a new name.
    }
  }

  public static boolean postgresRequired() {
    String value = System.getenv("KEEL_TEST_POSTGRES");
    if (value == null || value.isBlank()) {
      value = System.getProperty("keel.test.postgres", "");
    }
    return "required".equalsIgnoreCase(value.trim());
  }

  /** Skips the calling test (or fails it when required) if PostgreSQL cannot be reached. */
  public static synchronized void requirePostgres() {
    if (postgresReachable == null) {
      try (Connection c = DriverManager.getConnection(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?")
          + "connectTimeout=3", POSTGRES_USER, "")) {
        postgresReachable = c.isValid(3);
      } catch (SQLException e) {
        postgresReachable = false;
        String message = "PostgreSQL at " + POSTGRES_URL + " (user postgres) is unreachable: " + e.getMessage();
        if (postgresRequired()) {
          System.err.println("keel tests: " + message + " -- KEEL_TEST_POSTGRES=required, so the PostgreSQL suite FAILS");
        } else {
          System.err.println("keel tests: " + message + " -- the PostgreSQL suite is SKIPPED (only the embedded H2 suite ran)."
              + " Start PostgreSQL, or set KEEL_TEST_POSTGRES=required to make this a failure.");
        }
      }
    }
    if (!postgresReachable) {
      if (postgresRequired()) {
        Assertions.fail("PostgreSQL at " + POSTGRES_URL + " is unreachable and KEEL_TEST_POSTGRES=required");
      }
      Assumptions.abort("PostgreSQL suite skipped: " + POSTGRES_URL + " is unreachable");
    }
  }
}
