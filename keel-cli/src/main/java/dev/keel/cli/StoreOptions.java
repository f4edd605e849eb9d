package dev.keel.cli;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.Database;
import dev.keel.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which database a command uses: PostgreSQL with --db, or the embedded one under --data. The
 * password comes from the environment (KEEL_DB_PASSWORD), never from the command line, where
 * other users of the machine could read it.
 */
final class StoreOptions {

  @Option(names = "--db", paramLabel = "URL",
      description = "A PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/keel. Default: the embedded database under --data.")
  String url;

  @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:KEEL_DB_USER:-postgres}",
      description = "The database user (or KEEL_DB_USER). Default: ${DEFAULT-VALUE}. The password is read from KEEL_DB_PASSWORD.")
  String user;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "keel-data",
      description = "Folder of the embedded database. Default: ${DEFAULT-VALUE}.")
  Path data;

  Optional<String> url() {
    return Optional.ofNullable(url);
  }

  String password() {
    String password = System.getenv("KEEL_DB_PASSWORD");
    return password == null ? "" : password;
  }

  Database open() {
    if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new UsageProblem("--db " + url.replaceAll("(?i)(password=)[^&;]*", "$1***")
          + " is not a database URL; expected jdbc:postgresql://HOST:PORT/DB");
    }
    return url == null ? Database.embedded(data) : Database.open(url, user, password(), null, 4);
  }

  Store store(Database database) {
    return new Store(database, HouseholdEngine.DEFAULT, Clock.systemDefaultZone());
  }
}
