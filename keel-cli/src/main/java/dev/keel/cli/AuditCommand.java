package dev.keel.cli;

import dev.keel.store.Database;
import dev.keel.store.audit.AuditLog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The audit trail of the store.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "An auditor's report of a period: every event (who, when, what, the new state: a proposal's inputs, "
          + "trades, reasons and tax; who approved it and when), as JSON or CSV.")
  static final class Export implements Callable<Integer> {
    @Option(names = "--household", paramLabel = "ID", description = "Only this household's events.")
    String household;

    @Option(names = "--from", paramLabel = "DATE", description = "From this day (UTC), inclusive.")
    java.time.LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "To this day (UTC), inclusive.")
    java.time.LocalDate to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json or csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (format == Format.TABLE) {
        throw new UsageProblem("audit export --format table is not offered; use json or csv");
      }
      try (Database database = store.open()) {
        var events = store.store(database).audit().list(database.jdbi(), java.util.Optional.ofNullable(household),
            java.util.Optional.ofNullable(from).map(d -> d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)),
            java.util.Optional.ofNullable(to).map(d -> d.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
        spec.commandLine().getOut().print(format == Format.CSV ? dev.keel.store.audit.AuditReport.csv(events)
            : dev.keel.store.audit.AuditReport.json(events));
      }
      return 0;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Walk the hash chain of the audit trail and report every edited, inserted or deleted event. "
          + "Exit status 0 when the chain is whole, 1 when it is broken.")
  static final class Verify implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Database database = store.open()) {
        AuditLog.Verification v = store.store(database).audit().verify(database.jdbi());
        PrintWriter out = spec.commandLine().getOut();
        if (v.ok()) {
          out.println("audit trail verified: " + v.events() + " events, chain whole");
          return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String b : v.breaks()) {
          err.println("keel: audit: " + b);
        }
        err.println("keel: the audit trail is BROKEN: " + v.breaks().size() + " problem(s) in " + v.events() + " events");
        return KeelCli.EXIT_FAILURE;
      }
    }
  }
}
