package dev.keel.cli;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.keel.core.problem.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The household folder and the as-of date, shared by every command that reads a household. */
final class HouseholdOptions {

  @Parameters(index = "0", paramLabel = "DIR", description = "The household folder.")
  Path dir;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Value the household on this date (YYYY-MM-DD). Default: today.")
  LocalDate asOf;

  /** The as-of date: the one given, else today. The only place Keel reads the clock. */
  LocalDate asOf() {
    return asOf != null ? asOf : LocalDate.now();
  }

  HouseholdData load() {
    return load(Optional.empty(), List.of());
  }

  /**
   * Loads the folder for a command that values the household on the as-of date: a held symbol
   * without a price is reported with every other problem of the input, and so is each of {@code
   * more} (problems the command found in its own options).
   */
  HouseholdData loadValued(List<Problem> more) {
    return load(Optional.of(asOf()), more);
  }

  private HouseholdData load(Optional<LocalDate> valuedOn, List<Problem> more) {
    if (!Files.exists(dir)) {
      throw new UsageProblem(dir + ": no such folder; expected a household folder with household.yaml and policy.yaml");
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageProblem(dir + ": is a file, not a folder; expected a household folder with household.yaml and policy.yaml");
    }
    return load(FolderSource.directory(dir), valuedOn, more);
  }

  static HouseholdData load(FolderSource source) {
    return load(source, Optional.empty(), List.of());
  }

  static HouseholdData load(FolderSource source, Optional<LocalDate> valuedOn, List<Problem> more) {
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.loadAndCheck(source, HouseholdEngine.DEFAULT, valuedOn);
    if (!loaded.ok() || !more.isEmpty()) {
      List<Problem> all = new ArrayList<>(more);
      all.addAll(loaded.problems());
      throw new InvalidInputException(all);
    }
    return loaded.value().get();
  }
}
