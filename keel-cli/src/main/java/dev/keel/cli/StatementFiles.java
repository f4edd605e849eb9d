package dev.keel.cli;

import dev.keel.core.household.AccountId;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.imports.booking.StatementFile;
import dev.keel.imports.folder.HouseholdFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the files named on the command line for import and reconcile; every unreadable one is a problem. */
final class StatementFiles {

  private StatementFiles() {}

  static HouseholdFolder folder(Path dir) {
    requireFolder(dir);
    return HouseholdFolder.open(dir);
  }

  static void requireFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UsageProblem(dir + ": no such folder; expected a household folder with household.yaml and policy.yaml");
    }
  }

  static List<StatementFile> read(List<Path> files) {
    List<StatementFile> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        if (!Files.isRegularFile(file)) {
          problems.add(Problem.ofFile(file.toString(), "no such file"));
          continue;
        }
        out.add(new StatementFile(file.toString(), Files.readAllBytes(file)));
      } catch (IOException e) {
        problems.add(Problem.ofFile(file.toString(), "could not be read: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return out;
  }

  static Optional<AccountId> account(String id, HouseholdFolder folder) {
    if (id == null) {
      return Optional.empty();
    }
    if (!AccountId.isValid(id) || folder.data().household().findAccount(AccountId.of(id)).isEmpty()) {
      throw new UsageProblem("--account " + id + ": no such account in household.yaml; expected one of "
          + String.join(", ", folder.data().household().accounts().stream().map(a -> a.id().toString()).toList()));
    }
    return Optional.of(AccountId.of(id));
  }
}
