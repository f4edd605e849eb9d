package dev.keel.io.read;

import dev.keel.core.household.Household;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.policy.Policy;
import dev.keel.core.portfolio.CrossCheck;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import java.util.HashSet;
import java.util.Set;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Loads a household folder: household.yaml and policy.yaml (required), lots.csv,
 * transactions.csv and prices.csv (each may be absent when the household has none). Every file
 * is read and checked even when an earlier one has problems, and then the files are checked
 * against one another, so the user sees every problem at once.
 */
public final class HouseholdFolderLoader {

  public static final String HOUSEHOLD = "household.yaml";
  public static final String POLICY = "policy.yaml";
  public static final String LOTS = "lots.csv";
  public static final String TRANSACTIONS = "transactions.csv";
  public static final String PRICES = "prices.csv";

  private HouseholdFolderLoader() {}

  public static Loaded<HouseholdData> load(FolderSource folder) {
    List<Problem> problems = new ArrayList<>();
    Optional<Household> household = required(folder, HOUSEHOLD, HouseholdYamlLoader::load, problems);
    Optional<Policy> policy = required(folder, POLICY, PolicyYamlLoader::load, problems);
    List<OpeningLot> lots = optional(folder, LOTS, LotsCsvLoader::load, problems).orElse(List.of());
    List<Transaction> transactions = optional(folder, TRANSACTIONS, TransactionsCsvLoader::load, problems).orElse(List.of());
    PriceTable prices = optional(folder, PRICES, PricesCsvLoader::load, problems)
        .orElseGet(() -> PriceTable.builder().source(PRICES).build());
    if (household.isEmpty() || policy.isEmpty()) {
      return Loaded.failed(problems);
    }
    HouseholdData data = new HouseholdData(household.get(), policy.get(), lots, transactions, prices);
    problems.addAll(CrossCheck.check(data));
    // Every caller (not only loadAndCheck) gets a policy.yaml setting's line.
    return Loaded.of(data, placeInPolicy(folder, problems));
  }

  /**
   * Loads the folder and books the ledger on the rows that could be read, so that a user sees the
   * rows the ledger cannot book (a sale of more than is held, cash going negative) in the same run
   * as the format problems. A row already reported by a loader is not reported again.
   */
  public static Loaded<HouseholdData> loadAndCheck(FolderSource folder, HouseholdEngine engine) {
    return loadAndCheck(folder, engine, Optional.empty());
  }

  /**
   * As {@link #loadAndCheck(FolderSource, HouseholdEngine)}, and also reports every symbol held on
   * {@code asOf} without a price: a missing price is reported with the other problems, not after
   * they are fixed.
   */
  public static Loaded<HouseholdData> loadAndCheck(FolderSource folder, HouseholdEngine engine, Optional<LocalDate> asOf) {
    Loaded<HouseholdData> loaded = load(folder);
    if (loaded.value().isEmpty()) {
      return loaded;
    }
    List<Problem> problems = new ArrayList<>(loaded.problems());
    Set<String> flagged = new HashSet<>();
    for (Problem p : problems) {
      flagged.add(p.file() + ":" + p.line());
    }
    for (Problem p : engine.check(loaded.value().get(), asOf)) {
      if (p.line() == 0 || !flagged.contains(p.file() + ":" + p.line())) {
        problems.add(p);
      }
    }
    return Loaded.of(loaded.value().get(), placeInPolicy(folder, problems));
  }

  /**
   * The engine names a policy.yaml setting by its path ({@code harvest.scheduled[0].account},
   * {@code restricted_lots}) without a line; this reads the file again to give it its line. Only
   * done when there is such a problem.
   */
  private static List<Problem> placeInPolicy(FolderSource folder, List<Problem> problems) {
    if (problems.stream().noneMatch(p -> p.file().equals(POLICY) && p.line() == 0 && p.field() != null)) {
      return problems;
    }
    YamlNode root;
    try (Reader reader = folder.open(POLICY).orElse(null)) {
      if (reader == null) {
        return problems;
      }
      root = YamlReader.read(POLICY, reader).value().orElse(null);
    } catch (IOException | RuntimeException e) {
      return problems;
    }
    if (root == null) {
      return problems;
    }
    List<Problem> placed = new ArrayList<>();
    for (Problem p : problems) {
      int line = p.file().equals(POLICY) && p.line() == 0 && p.field() != null ? lineOf(root, p.field(), p.value()) : 0;
      placed.add(line > 0 ? new Problem(p.file(), line, p.field(), p.value(), p.message()) : p);
    }
    return placed;
  }

  /** The line of the node at {@code path} (for a list, of its item reading {@code value}); 0 when not found. */
  static int lineOf(YamlNode root, String path, String value) {
    YamlNode node = root;
    for (String part : path.split("\\.")) {
      String key = part;
      int index = -1;
      int bracket = part.indexOf('[');
      if (bracket >= 0 && part.endsWith("]")) {
        key = part.substring(0, bracket);
        try {
          index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
      node = node == null ? null : node.get(key);
      if (node != null && index >= 0) {
        node = index < node.items().size() ? node.items().get(index) : null;
      }
      if (node == null) {
        return 0;
      }
    }
    if (node.isList() && value != null) {
      for (YamlNode item : node.items()) {
        if (item.isScalar() && value.equals(item.text() == null ? null : item.text().trim())) {
          return item.line();
        }
      }
    }
    return node.line();
  }

  private static <T> Optional<T> required(FolderSource folder, String name, BiFunction<String, Reader, Loaded<T>> loader,
      List<Problem> problems) {
    Read<T> read = read(folder, name, loader, problems);
    if (!read.found()) {
      problems.add(Problem.ofFile(name, "is missing from " + folder.describe()));
    }
    return read.value();
  }

  private static <T> Optional<T> optional(FolderSource folder, String name, BiFunction<String, Reader, Loaded<T>> loader,
      List<Problem> problems) {
    return read(folder, name, loader, problems).value();
  }

  /** Whether the folder has the file, and what could be loaded from it. */
  private record Read<T>(boolean found, Optional<T> value) {}

  /** Opens the file once (a second open could fail differently, and its reader would never be closed). */
  private static <T> Read<T> read(FolderSource folder, String name, BiFunction<String, Reader, Loaded<T>> loader,
      List<Problem> problems) {
    Optional<Reader> reader;
    try {
      reader = folder.open(name);
    } catch (UncheckedIOException e) {
      problems.add(Problem.ofFile(name, "could not be read: " + e.getCause().getMessage()));
      return new Read<>(true, Optional.empty());
    } catch (UnreadableFileException e) {
      problems.add(Problem.ofFile(name, e.getMessage()));
      return new Read<>(true, Optional.empty());
    }
    if (reader.isEmpty()) {
      return new Read<>(false, Optional.empty());
    }
    try (Reader r = reader.get()) {
      Loaded<T> loaded = loader.apply(name, r);
      problems.addAll(loaded.problems());
      return new Read<>(true, loaded.value());
    } catch (IOException e) {
      problems.add(Problem.ofFile(name, "could not be read: " + FolderSource.reason(e)));
      return new Read<>(true, Optional.empty());
    } catch (UncheckedIOException e) {
      problems.add(Problem.ofFile(name, "could not be read: " + FolderSource.reason(e.getCause())));
      return new Read<>(true, Optional.empty());
    }
  }
}
