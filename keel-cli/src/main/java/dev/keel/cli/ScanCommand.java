package dev.keel.cli;

import dev.keel.store.Database;
import dev.keel.store.scan.ScanSummary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Scan every stored household on a date: drift, and a proposal where a check is due and a band is "
        + "breached. Idempotent: a household already scanned on that date is not scanned again.")
final class ScanCommand implements Callable<Integer> {

  @Option(names = "--as-of", paramLabel = "DATE", description = "The scan's date (YYYY-MM-DD). Default: today.")
  LocalDate asOf;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Workers. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Mixin StoreOptions store;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LocalDate date = asOf != null ? asOf : LocalDate.now();
    if (threads < 1) {
      throw new UsageProblem("--threads must be at least 1");
    }
    try (Database database = store.open()) {
      ScanSummary s = store.store(database).scanner().run(date, HouseholdCommand.user(), threads, () -> false);
      PrintWriter out = spec.commandLine().getOut();
      out.println("scan " + s.id() + " as of " + date + ": " + s.done() + " done, " + s.failed() + " failed, "
          + s.pending() + " pending; " + s.proposals() + " proposal(s); " + s.scannedHere() + " scanned by this run");
      for (ScanSummary.Result r : s.results()) {
        out.println("  " + r.household() + "  " + r.status()
            + (Boolean.TRUE.equals(r.breached()) ? "  band breached" : "")
            + (Boolean.FALSE.equals(r.checkDue()) ? "  no check due" : "")
            + (r.proposalId() != null ? "  proposal " + r.proposalId() : "")
            + (r.problem() != null ? "  " + r.problem() : ""));
      }
      return s.failed() > 0 ? KeelCli.EXIT_FAILURE : 0;
    }
  }
}
