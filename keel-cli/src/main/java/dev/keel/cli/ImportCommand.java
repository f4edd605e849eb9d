package dev.keel.cli;

import dev.keel.core.household.AccountId;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.imports.booking.ImportPlan;
import dev.keel.imports.booking.ImportRequest;
import dev.keel.imports.booking.ImportService;
import dev.keel.imports.booking.StatementFile;
import dev.keel.imports.folder.HouseholdFolder;
import dev.keel.imports.folder.ImportLock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {"Imports brokerage files (OFX/QFX downloads; Schwab, Fidelity and Vanguard CSV exports) into the household "
        + "folder: appends what is new to transactions.csv, lots.csv and prices.csv, all at once or not at all, and "
        + "reconciles the statements' positions with the ledger. Importing a file again adds nothing. See docs/imports.md.",
        "Exit status: 0 when imported (a reconciliation that still differs is reported as DIFFERENCES and on the error stream), "
        + "1 when another import into the folder is running, 2 for bad input (nothing written)."})
final class ImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "The household folder.")
  Path dir;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Statement files to import.")
  List<Path> files;

  @Option(names = "--account", paramLabel = "ID",
      description = "The account (an id of household.yaml) of every file or row that names no account number of its own.")
  String account;

  @Option(names = "--dry-run", description = "Show what would be imported; write nothing.")
  boolean dryRun;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Date of positions whose file gives none (Fidelity and Vanguard positions exports). Default: today.")
  LocalDate asOf;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<StatementFile> statements = StatementFiles.read(files);
    StatementFiles.requireFolder(dir);
    ImportPlan plan;
    // Held from reading the folder to writing it: two imports into one folder never interleave.
    ImportLock lock = dryRun ? null : ImportLock.acquire(dir);
    try (lock) {
      HouseholdFolder folder = StatementFiles.folder(dir);
      ImportRequest request = new ImportRequest(folder.data(), folder.numbers(), folder.log(), folder.prices(),
          statements, StatementFiles.account(account, folder), asOf != null ? asOf : LocalDate.now());
      plan = ImportService.DEFAULT.plan(request);
      if (!plan.ok()) {
        PrintWriter err = spec.commandLine().getErr();
        ImportReport.unknownSecurities(err, plan);
        throw new InvalidInputException(plan.problems());
      }
      if (!dryRun && !plan.addsNothing()) {
        folder.write(plan);
      }
    }
    ImportReport.print(spec.commandLine().getOut(), plan, dir, dryRun);
    if (!plan.differences().isEmpty()) {
      // The import is written; the differences need the user's attention, on the error stream too.
      spec.commandLine().getErr().println("keel: attention: after this import, " + ImportReport.differSentence(plan)
          + " (ledger against statements); see the lines marked DIFFERS and what was not imported.");
    }
    return 0;
  }
}
