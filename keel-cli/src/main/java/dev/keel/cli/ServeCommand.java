package dev.keel.cli;

import dev.keel.core.problem.InvalidInputException;
import dev.keel.server.KeelServer;
import dev.keel.server.ServerConfig;
import dev.keel.store.Database;
import dev.keel.store.Store;
import dev.keel.store.access.Role;
import dev.keel.store.household.FolderFiles;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.ImportOutcome;
import dev.keel.store.scan.ScanSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Keel server: the JSON API under /api and the daily scan.",
      "Stop it with Ctrl-C or SIGTERM: a scan in progress finishes its households; the rest stay pending."
    })
final class ServeCommand implements Callable<Integer> {

  /** The date the bundled examples are priced for: the demo scans on it. */
  static final LocalDate DEMO_AS_OF = LocalDate.of(2026, 11, 22);

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Default: ${DEFAULT-VALUE}; 0 for any free port.")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
  String host;

  @Option(names = "--scan-at", paramLabel = "HH:MM", description = "Scan every household daily at this time (server's time zone).")
  String scanAt;

  @Option(names = "--scan-threads", paramLabel = "N", defaultValue = "2", description = "Workers per scan. Default: ${DEFAULT-VALUE}.")
  int scanThreads;

  @Option(names = "--demo", description = "Load the bundled examples into a temporary embedded database, scan them as of "
      + "2026-11-22, and print an admin token and the URL.")
  boolean demo;

  @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "An SMTP relay for e-mail alerts (password, if any, from KEEL_SMTP_PASSWORD).")
  String smtp;

  @Option(names = "--smtp-user", paramLabel = "USER", description = "The SMTP user, when the relay needs one.")
  String smtpUser;

  @Option(names = "--mail-from", paramLabel = "ADDRESS", defaultValue = "keel@localhost",
      description = "The sender of e-mail alerts. Default: ${DEFAULT-VALUE}.")
  String mailFrom;

  @Mixin StoreOptions store;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Optional<LocalTime> at = Optional.ofNullable(scanAt).map(text -> {
      try {
        return LocalTime.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new UsageProblem("--scan-at " + text + " is not a time; expected HH:MM, e.g. 06:00");
      }
    });
    if (port < 0 || port > 65535) {
      throw new UsageProblem("--port " + port + " is not a port; expected 0-65535");
    }
    Optional<ServerConfig.Smtp> relay = Optional.ofNullable(smtp).map(text -> {
      int colon = text.lastIndexOf(':');
      try {
        return new ServerConfig.Smtp(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)), mailFrom,
            Optional.ofNullable(smtpUser));
      } catch (RuntimeException e) {
        throw new UsageProblem("--smtp " + text + " is not HOST:PORT, e.g. smtp.example.com:587");
      }
    });
    Path demoDir = demo ? Files.createTempDirectory("keel-demo-") : null;
    Database database = demo ? Database.embedded(demoDir) : store.open();
    ServerConfig config = new ServerConfig(host, port, store.url(), store.user, "", demo ? demoDir : store.data, at,
        Math.max(1, scanThreads), relay);
    KeelServer server;
    try {
      server = KeelServer.start(database, config, Clock.systemDefaultZone());
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    String url = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + server.port();
    if (demo) {
      String token = loadDemo(server.store());
      ScanSummary scan = server.scans().runNow(DEMO_AS_OF, "demo");
      out.println("Keel demo server at " + url + " (temporary database in " + demoDir + ")");
      out.println("Scanned the examples as of " + DEMO_AS_OF + ": " + scan.done() + " households, " + scan.proposals()
          + " proposal(s).");
      out.println();
      out.println("Admin token (shown once):");
      out.println("  " + token);
      out.println();
      out.println("Try:");
      out.println("  export KEEL_TOKEN=" + token);
      out.println("  curl -s -H \"Authorization: Bearer $KEEL_TOKEN\" " + url + "/api/households");
      out.println("  curl -s -H \"Authorization: Bearer $KEEL_TOKEN\" '" + url + "/api/households/rivera/drift?as_of=" + DEMO_AS_OF + "'");
      out.println("  curl -s -H \"Authorization: Bearer $KEEL_TOKEN\" '" + url + "/api/proposals?status=proposed'");
      out.println("  curl -si -H \"Authorization: Bearer $KEEL_TOKEN\" " + url + "/api/proposals/ID     (note its ETag)");
      out.println("  curl -s -X POST -H \"Authorization: Bearer $KEEL_TOKEN\" -H 'If-Match: \"ID.1\"' " + url
          + "/api/proposals/ID/approve");
      out.println("  curl -s -H \"Authorization: Bearer $KEEL_TOKEN\" '" + url + "/api/audit?household=rivera'");
      out.println("  curl -s -H \"Authorization: Bearer $KEEL_TOKEN\" " + url + "/api/audit/verify");
      out.println("Ctrl-C stops the server and deletes the temporary database.");
    } else {
      out.println("Keel server at " + url + " (" + database.describe() + ")" + at.map(t -> "; daily scan at " + t).orElse(""));
    }
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      if (demoDir != null) {
        deleteQuietly(demoDir);
      }
      stopped.countDown();
    }, "keel-shutdown"));
    stopped.await();
    return 0;
  }

  /** Imports the bundled examples and adds the demo admin; returns the admin's token. */
  static String loadDemo(Store store) {
    for (String example : new String[] {"rivera", "wash-sales"}) {
      ImportOutcome outcome = store.households().importFolder(HouseholdId.of(example), bundled(example), "demo");
      if (outcome instanceof ImportOutcome.Rejected rejected) {
        throw new InvalidInputException(rejected.problems());
      }
    }
    return store.users().add("demo", Role.ADMIN, Set.of(), "demo").token();
  }

  /** A bundled example's files, read from the jar. */
  static FolderFiles bundled(String example) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : FolderFiles.NAMES) {
      try (InputStream in = ServeCommand.class.getResourceAsStream("/examples/" + example + "/" + name)) {
        if (in != null) {
          files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new FolderFiles(files);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
