package dev.keel.cli;

import dev.keel.core.problem.InvalidInputException;
import dev.keel.imports.booking.ImportPlan;
import dev.keel.imports.booking.ImportRequest;
import dev.keel.imports.booking.ImportService;
import dev.keel.imports.folder.HouseholdFolder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {"Compares the positions and cash of statement files (OFX/QFX, custodian positions exports) with the "
        + "ledger on each statement's date, per account and symbol, and lists every difference. Imports nothing. Exit status: "
        + "0 when every line agrees, 3 when a line differs, 2 for bad input."})
final class ReconcileCommand implements Callable<Integer> {

  /**
   * Exit status when a line differs: "attention needed", as {@code analyze --exit-code} uses 3 for
   * a rebalance that is due; 0 when every line agrees, 2 for bad input.
   */
  static final int EXIT_DIFFERENCES = 3;

  @Parameters(index = "0", paramLabel = "DIR", description = "The household folder.")
  Path dir;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Statement files with positions.")
  List<Path> files;

  @Option(names = "--account", paramLabel = "ID", description = "The account of files that name no account number.")
  String account;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Date of positions whose file gives none. Default: today.")
  LocalDate asOf;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    HouseholdFolder folder = StatementFiles.folder(dir);
    ImportRequest request = new ImportRequest(folder.data(), folder.numbers(), folder.log(), folder.prices(),
        StatementFiles.read(files), StatementFiles.account(account, folder), asOf != null ? asOf : LocalDate.now());
    ImportPlan plan = ImportService.DEFAULT.reconcile(request);
    if (!plan.ok()) {
      throw new InvalidInputException(plan.problems());
    }
    ImportReport.reconciliation(spec.commandLine().getOut(), plan);
    return plan.differences().isEmpty() ? 0 : EXIT_DIFFERENCES;
  }
}
