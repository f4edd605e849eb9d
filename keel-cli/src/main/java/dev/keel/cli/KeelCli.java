package dev.keel.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keel} command: parses arguments, runs one subcommand, maps failures to exit codes. */
@Command(
    name = "keel",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Keeps a household's investments on target at the least tax.",
      "Every command reads a household folder (household.yaml, policy.yaml, lots.csv,",
      "transactions.csv, prices.csv; see docs/formats.md)."
    },
    subcommands = {AnalyzeCommand.class, RebalanceCommand.class, HarvestCommand.class, GainsCommand.class, LotsCommand.class,
        ImportCommand.class, ReconcileCommand.class, CheckedCommand.class, ExecuteCommand.class, BrokerReconcileCommand.class, PricesCommand.class,
        DemoCommand.class, HouseholdCommand.class, UserCommand.class, AuditCommand.class, ScanCommand.class, ServeCommand.class,
        CommandLine.HelpCommand.class})
public final class KeelCli implements Runnable {

  /** Exit status for bad input: every problem was printed. */
  public static final int EXIT_INPUT = 2;
  /** Exit status for any other failure. */
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given streams; returns the exit status. Used by tests. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new KeelCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(java.time.LocalDate.class, KeelCli::date);
    int status;
    try {
      status = cli.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli rethrows Errors; the user still gets one line, never a stack trace.
      err.println("keel: internal error: " + e);
      status = EXIT_FAILURE;
    }
    out.flush();
    err.flush();
    return status;
  }

  private static java.time.LocalDate date(String text) {
    java.time.LocalDate date;
    try {
      date = java.time.LocalDate.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("\"" + text + "\" is not a date; expected YYYY-MM-DD");
    }
    java.util.Optional<String> outOfRange = dev.keel.io.read.InputLimits.checkDate(date);
    if (outOfRange.isPresent()) {
      throw new CommandLine.TypeConversionException("\"" + text + "\" " + outOfRange.get());
    }
    return date;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
