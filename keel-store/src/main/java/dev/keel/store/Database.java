package dev.keel.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * An open database with Keel's schema migrated: a connection pool and the JDBI handle factory.
 * PostgreSQL for production ({@code jdbc:postgresql://...}); H2 in PostgreSQL mode as the embedded
 * default, a file database under a data folder, so nothing needs installing.
 */
public final class Database implements AutoCloseable {

  /** Settings H2 needs to accept the same SQL as PostgreSQL and to order NULLs the same way. */
  static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final String description;
  private final String schema;

  private Database(HikariDataSource pool, String description, String schema) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.description = description;
    this.schema = schema;
  }

  /** The embedded database in {@code dataDir} (created when missing). */
  public static Database embedded(Path dataDir) {
    return open(embeddedUrl(dataDir), "sa", "", null, 8);
  }

  /** The JDBC URL of the embedded database kept in {@code dataDir}. */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("keel") + H2_MODE;
  }

  /**
   * Opens the database at {@code url} and migrates it. {@code schema}, when given, is created if
   * missing and used for everything (tests use one per run); otherwise the database's default.
   */
  public static Database open(String url, String user, String password, String schema, int poolSize) {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException("database URL " + redact(url)
          + " is not supported; expected jdbc:postgresql://HOST:PORT/DB or jdbc:h2:...");
    }
    if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("MODE=POSTGRESQL")) {
      url = url + H2_MODE;
    }
    Flyway migrations = flywayFor(url, user, password, schema);
    migrations.migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setPoolName("keel");
    if (schema != null) {
      config.setSchema(schema);
    }
    return new Database(new HikariDataSource(config), redact(url) + (schema == null ? "" : " schema " + schema), schema);
  }

  private static Flyway flywayFor(String url, String user, String password, String schema) {
    var configuration = Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true);
    if (schema != null) {
      configuration = configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    return configuration.load();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Where the database is, for logs: the URL without any password parameter. */
  public String describe() {
    return description;
  }

  /** The schema named when opened, if any. */
  public java.util.Optional<String> schema() {
    return java.util.Optional.ofNullable(schema);
  }

  public boolean isPostgres() {
    return pool.getJdbcUrl().startsWith("jdbc:postgresql:");
  }

  /** A URL without its password=... parameter: never log a secret. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /**
   * Closes the pool. An embedded file database is shut down first, synchronously: H2 otherwise
   * closes it in the background when the last connection goes, and an open of the same file in
   * the same process right after (one CLI command after another in tests) could race that close
   * and fail its migration (seen under heavy load).
   */
  @Override
  public void close() {
    String url = pool.getJdbcUrl();
    // Not when the file is shared with other processes (AUTO_SERVER): SHUTDOWN would close it for them too.
    if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
      try {
        jdbi.useHandle(h -> h.execute("SHUTDOWN"));
      } catch (RuntimeException e) {
        // Already closed or closing: nothing left to flush.
      }
    }
    pool.close();
  }
}
