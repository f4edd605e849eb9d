package dev.keel.imports.booking;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Households and statement files for the import tests: the Chen example and the fixture household. */
public final class Fixtures {

  public static final Path CHEN = Path.of("..", "examples", "imports", "chen");
  public static final Path STATEMENTS = Path.of("..", "examples", "imports", "statements");
  public static final Path FIXTURE_HOUSEHOLD = Path.of("src", "test", "resources", "fixtures-household");
  public static final Path RESOURCES = Path.of("src", "test", "resources");
  public static final LocalDate STATEMENT_DATE = LocalDate.of(2026, 11, 20);

  /** The Chen example's five statement files, in the order the README imports them. */
  public static final List<String> CHEN_FILES = List.of("fidelity-2026.qfx", "schwab-lots-2026-06-30.csv", "schwab-transactions.csv",
      "schwab-positions.csv", "vanguard-OfxDownload.csv");

  private Fixtures() {}

  public static HouseholdData household(Path dir) {
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.loadAndCheck(FolderSource.directory(dir), HouseholdEngine.DEFAULT);
    if (!loaded.ok()) {
      throw new AssertionError("fixture household has problems: " + loaded.problems());
    }
    return loaded.value().get();
  }

  public static AccountNumbers numbers(Path dir) {
    try {
      return AccountNumbers.read("household.yaml", new StringReader(Files.readString(dir.resolve("household.yaml")))).value().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StatementFile file(Path path) {
    try {
      return new StatementFile(path.getFileName().toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<StatementFile> chenFiles() {
    List<StatementFile> files = new ArrayList<>();
    CHEN_FILES.forEach(f -> files.add(file(STATEMENTS.resolve(f))));
    return files;
  }

  public static ImportRequest request(Path household, ImportLog log, List<StatementFile> files) {
    return new ImportRequest(household(household), numbers(household), log, Set.of(), files, Optional.empty(), STATEMENT_DATE);
  }

  /** The household after a plan is applied in memory, as the folder writer would append it. */
  public static HouseholdData apply(HouseholdData data, ImportPlan plan) {
    List<dev.keel.core.ledger.Transaction> transactions = new ArrayList<>(data.transactions());
    plan.transactions().forEach(t -> transactions.add(t.transaction()));
    List<dev.keel.core.ledger.OpeningLot> lots = new ArrayList<>(data.openingLots());
    plan.lots().forEach(l -> lots.add(l.lot()));
    return new HouseholdData(data.household(), data.policy(), lots, transactions, data.prices());
  }

  public static ImportLog log(ImportLog log, ImportPlan plan) {
    List<ImportLog.Entry> entries = new ArrayList<>(log.entries());
    entries.addAll(ImportService.entries(plan));
    return new ImportLog(entries);
  }
}
