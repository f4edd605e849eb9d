package dev.keel.cli;

import dev.keel.core.problem.InvalidInputException;
import dev.keel.store.Database;
import dev.keel.store.Store;
import dev.keel.store.household.FolderFiles;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.HouseholdStore;
import dev.keel.store.household.ImportOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "household",
    mixinStandardHelpOptions = true,
    description = "Households in the store: import a folder, export one back to a folder, list them.",
    subcommands = {HouseholdCommand.Import.class, HouseholdCommand.Export.class, HouseholdCommand.ListHouseholds.class})
final class HouseholdCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Check a household folder with the same loaders as every command and store all of it, or nothing.")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The household folder.")
    Path dir;

    @Option(names = "--id", paramLabel = "ID", description = "The household's id in the store. Default: the folder's name.")
    String id;

    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(dir)) {
        throw new UsageProblem(dir + ": no such folder; expected a household folder with household.yaml and policy.yaml");
      }
      String name = id != null ? id : dir.toAbsolutePath().normalize().getFileName().toString();
      if (!HouseholdId.isValid(name)) {
        throw new UsageProblem("household id \"" + name + "\" is not valid; expected lower-case letters, digits, '-' or '_'"
            + (id == null ? " (give one with --id)" : ""));
      }
      try (Database database = store.open()) {
        Store s = store.store(database);
        ImportOutcome outcome = s.households().importFolder(HouseholdId.of(name), FolderFiles.read(dir), user());
        if (outcome instanceof ImportOutcome.Rejected rejected) {
          throw new InvalidInputException(rejected.problems());
        }
        if (outcome instanceof ImportOutcome.Conflict conflict) {
          throw new UsageProblem(conflict.message() + "; choose another --id");
        }
        spec.commandLine().getOut().println("imported " + name + " (" + s.households().name(HouseholdId.of(name)).orElse("")
            + ") into " + database.describe());
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write a stored household back as a folder (the latest policy, corrections applied).")
  static final class Export implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The household's id.")
    String id;

    @Parameters(index = "1", paramLabel = "DIR", description = "The folder to write (created when missing).")
    Path dir;

    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!HouseholdId.isValid(id)) {
        throw new UsageProblem("household id \"" + id + "\" is not valid");
      }
      try (Database database = store.open()) {
        HouseholdStore households = store.store(database).households();
        FolderFiles files = households.export(HouseholdId.of(id))
            .orElseThrow(() -> new UsageProblem("household " + id + " is not stored in " + database.describe()));
        files.write(dir);
        spec.commandLine().getOut().println("exported " + id + " to " + dir);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored households.")
  static final class ListHouseholds implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Database database = store.open()) {
        PrintWriter out = spec.commandLine().getOut();
        for (HouseholdStore.Summary s : store.store(database).households().list()) {
          out.println(s.id() + "  " + s.name() + "  (" + s.policyVersions() + " policy version(s), " + s.transactions()
              + " transaction row(s))");
        }
      }
      return 0;
    }
  }

  /** Who the CLI acts as in the audit trail: the operating-system user. */
  static String user() {
    String name = System.getProperty("user.name");
    return "cli:" + (name == null || name.isBlank() ? "unknown" : name);
  }

}
