package dev.keel.cli;

import dev.keel.store.Database;
import dev.keel.store.audit.AuditLog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The audit trail of the store.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
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
