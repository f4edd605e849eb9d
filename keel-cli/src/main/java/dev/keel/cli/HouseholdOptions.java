package dev.keel.cli;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.portfolio.HouseholdEngine;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
    if (!Files.isDirectory(dir)) {
      throw new UsageProblem(dir + ": no such folder; expected a household folder with household.yaml and policy.yaml");
    }
    return load(FolderSource.directory(dir));
  }

  static HouseholdData load(FolderSource source) {
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.loadAndCheck(source, HouseholdEngine.DEFAULT);
    if (!loaded.ok()) {
      throw new InvalidInputException(loaded.problems());
    }
    return loaded.value().get();
  }
}
