package dev.keel.server;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the server.
 *
 * @param host the address to listen on (127.0.0.1 unless told otherwise)
 * @param port 0 for any free port
 * @param databaseUrl a JDBC URL; empty for the embedded database under {@code dataDir}
 * @param scanAt the daily scan's time of day in the server's time zone; empty for no daily scan
 * @param scanThreads workers per scan
 */
public record ServerConfig(String host, int port, Optional<String> databaseUrl, String databaseUser,
    String databasePassword, Path dataDir, Optional<LocalTime> scanAt, int scanThreads, Optional<Smtp> smtp) {

  /** An SMTP relay for e-mail alerts; its password, if any, is read from KEEL_SMTP_PASSWORD. */
  public record Smtp(String host, int port, String from, Optional<String> user) {}

  public ServerConfig(String host, int port, Optional<String> databaseUrl, String databaseUser, String databasePassword,
      Path dataDir, Optional<LocalTime> scanAt, int scanThreads) {
    this(host, port, databaseUrl, databaseUser, databasePassword, dataDir, scanAt, scanThreads, Optional.empty());
  }

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    if (scanThreads < 1) {
      throw new IllegalArgumentException("scanThreads must be at least 1: " + scanThreads);
    }
  }

  @Override
  public String toString() {
    // No password, ever, in a log line.
    return "ServerConfig[host=" + host + ", port=" + port + ", database=" + databaseUrl.orElse("embedded " + dataDir)
        + ", scanAt=" + scanAt.map(Object::toString).orElse("off") + ", scanThreads=" + scanThreads
        + ", smtp=" + smtp.map(s -> s.host() + ":" + s.port()).orElse("off") + "]";
  }
}
