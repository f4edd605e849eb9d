package dev.keel.imports.folder;

import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.imports.booking.AccountNumbers;
import dev.keel.imports.booking.ImportLog;
import dev.keel.imports.booking.ImportPlan;
import dev.keel.imports.booking.ImportService;
import dev.keel.imports.booking.NewRow;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A household folder opened for an import: its data, account numbers, import log and known
 * prices, and the writing of an import plan into it.
 */
public record HouseholdFolder(Path dir, HouseholdData data, AccountNumbers numbers, ImportLog log, Set<String> prices) {

  private static final List<String> TRANSACTION_COLUMNS = List.of("date", "account", "action", "symbol", "quantity", "price", "amount",
      "fees", "lot_id");
  private static final List<String> LOT_COLUMNS = List.of("account", "symbol", "quantity", "cost_basis", "acquired", "lot_id");
  private static final List<String> PRICE_COLUMNS = List.of("symbol", "price", "date");

  /**
   * Opens the folder; every problem with it (its own files, the account numbers, imports.csv) is
   * thrown at once.
   */
  public static HouseholdFolder open(Path dir) {
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.loadAndCheck(FolderSource.directory(dir), HouseholdEngine.DEFAULT);
    List<Problem> problems = new ArrayList<>(loaded.problems());
    AccountNumbers numbers = AccountNumbers.of(Map.of());
    Optional<String> household = text(dir.resolve(HouseholdFolderLoader.HOUSEHOLD));
    if (household.isPresent()) {
      Loaded<AccountNumbers> n = AccountNumbers.read(HouseholdFolderLoader.HOUSEHOLD, new StringReader(household.get()));
      if (loaded.problems().isEmpty()) {
        problems.addAll(n.problems());
      }
      numbers = n.value().orElse(numbers);
    }
    ImportLog log = ImportLog.EMPTY;
    Optional<String> logText = text(dir.resolve(ImportLogCsv.FILE));
    if (logText.isPresent()) {
      Loaded<ImportLog> l = ImportLogCsv.read(ImportLogCsv.FILE, new StringReader(logText.get()));
      problems.addAll(l.problems());
      log = l.value().orElse(log);
    }
    if (!problems.isEmpty() || loaded.value().isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new HouseholdFolder(dir, loaded.value().get(), numbers, log, priceKeys(dir));
  }

  /** {@code SYMBOL@DATE} of every dated row of prices.csv (read loosely: the loader has checked the file). */
  private static Set<String> priceKeys(Path dir) {
    Set<String> keys = new HashSet<>();
    Optional<String> text = text(dir.resolve(HouseholdFolderLoader.PRICES));
    if (text.isEmpty()) {
      return keys;
    }
    List<String> lines = text.get().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    if (lines.isEmpty()) {
      return keys;
    }
    List<String> header = header(lines.get(0));
    int symbol = header.indexOf("symbol");
    int date = header.indexOf("date");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (symbol >= 0 && date >= 0 && cells.length > Math.max(symbol, date) && !cells[date].isBlank()) {
        keys.add(cells[symbol].trim().toUpperCase(Locale.ROOT) + "@" + cells[date].trim());
      }
    }
    return keys;
  }

  /**
   * Appends the plan's rows to transactions.csv, lots.csv, prices.csv and imports.csv. Each file
   * is written whole to a temporary file beside it and moved over the old one atomically, the
   * import log last: a failure before its move leaves the rows without their log entries, and the
   * next import would add them again, so the moves are done only after every temporary file is
   * written.
   */
  public void write(ImportPlan plan) {
    if (!plan.ok()) {
      throw new IllegalArgumentException("a plan with problems is never written");
    }
    Map<Path, String> contents = new LinkedHashMap<>();
    if (!plan.transactions().isEmpty()) {
      contents.put(dir.resolve(HouseholdFolderLoader.TRANSACTIONS), append(HouseholdFolderLoader.TRANSACTIONS, TRANSACTION_COLUMNS,
          plan.transactions().stream().map(t -> transactionCells(t.transaction())).toList()));
    }
    if (!plan.lots().isEmpty()) {
      contents.put(dir.resolve(HouseholdFolderLoader.LOTS), append(HouseholdFolderLoader.LOTS, LOT_COLUMNS,
          plan.lots().stream().map(l -> lotCells(l.lot())).toList()));
    }
    if (!plan.prices().isEmpty()) {
      contents.put(dir.resolve(HouseholdFolderLoader.PRICES), append(HouseholdFolderLoader.PRICES, PRICE_COLUMNS,
          plan.prices().stream().map(HouseholdFolder::priceCells).toList()));
    }
    List<ImportLog.Entry> entries = ImportService.entries(plan);
    if (!entries.isEmpty()) {
      StringBuilder log = new StringBuilder(text(dir.resolve(ImportLogCsv.FILE)).orElse(ImportLogCsv.HEADER + "\n"));
      if (log.length() > 0 && log.charAt(log.length() - 1) != '\n') {
        log.append('\n');
      }
      entries.forEach(e -> log.append(ImportLogCsv.line(e)).append('\n'));
      contents.put(dir.resolve(ImportLogCsv.FILE), log.toString());
    }
    Map<Path, Path> temps = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, String> e : contents.entrySet()) {
        Path temp = Files.createTempFile(dir, "." + e.getKey().getFileName(), ".tmp");
        temps.put(e.getKey(), temp);
        Files.writeString(temp, e.getValue(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<Path, Path> e : temps.entrySet()) {
        move(e.getValue(), e.getKey());
      }
    } catch (IOException e) {
      for (Path temp : temps.values()) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the temporary file is hidden and named for what it was.
        }
      }
      throw new UncheckedIOException("could not write the import into " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The file's text with the rows appended under its own header (columns in its order), or a new file. */
  private String append(String name, List<String> columns, List<Map<String, String>> rows) {
    Optional<String> existing = text(dir.resolve(name));
    StringBuilder out = new StringBuilder();
    List<String> header;
    Optional<String> headerLine = existing.flatMap(t -> t.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst());
    if (headerLine.isEmpty()) {
      // A new file: the usual columns, and after them any the rows need (to_account, ratio).
      header = new ArrayList<>(columns);
      for (Map<String, String> row : rows) {
        for (Map.Entry<String, String> cell : row.entrySet()) {
          if (!cell.getValue().isEmpty() && !header.contains(cell.getKey())) {
            header.add(cell.getKey());
          }
        }
      }
      out.append(existing.orElse(""));
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append(String.join(",", header)).append('\n');
    } else {
      header = header(headerLine.get());
      out.append(existing.get());
      if (out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }
    // Columns the imported rows need that the file's header lacks (to_account of a transfer, ratio of
    // a split) are added at the end of the header, every existing row getting an empty cell.
    List<String> known = header;
    List<String> missing = new ArrayList<>();
    rows.forEach(row -> row.forEach((column, value) -> {
      if (!value.isEmpty() && !known.contains(column) && !missing.contains(column)) {
        missing.add(column);
      }
    }));
    if (!missing.isEmpty() && headerLine.isPresent()) {
      header = new ArrayList<>(header);
      header.addAll(missing);
      out.setLength(0);
      boolean seenHeader = false;
      for (String line : existing.get().lines().toList()) {
        if (line.isBlank() || line.startsWith("#")) {
          out.append(line);
        } else if (!seenHeader) {
          out.append(line).append(',').append(String.join(",", missing));
          seenHeader = true;
        } else {
          out.append(line).append(",".repeat(missing.size()));
        }
        out.append('\n');
      }
    }
    for (Map<String, String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : header) {
        cells.add(row.getOrDefault(column, ""));
      }
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static List<String> header(String line) {
    List<String> out = new ArrayList<>();
    for (String cell : line.replace("\uFEFF", "").split(",", -1)) {
      out.add(cell.trim().replace("\"", "").toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static Map<String, String> transactionCells(Transaction t) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("date", t.date().toString());
    row.put("account", t.account() == null ? "" : t.account().toString());
    row.put("action", t.action().code());
    row.put("symbol", t.symbol().map(Object::toString).orElse(""));
    row.put("quantity", t.quantity().map(BigDecimal::toPlainString).orElse(""));
    row.put("price", t.price().map(BigDecimal::toPlainString).orElse(""));
    row.put("amount", t.amount().map(BigDecimal::toPlainString).orElse(""));
    row.put("fees", t.fees().signum() == 0 ? "" : t.fees().toPlainString());
    row.put("lot_id", t.lotId().map(Object::toString).orElse(""));
    t.terms().ifPresent(terms -> {
      if (terms instanceof ActionTerms.Transfer transfer) {
        row.put("to_account", transfer.to().toString());
      } else if (terms instanceof ActionTerms.Split split) {
        row.put("ratio", split.toString());
      }
    });
    return row;
  }

  private static Map<String, String> lotCells(OpeningLot lot) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("account", lot.account().toString());
    row.put("symbol", lot.symbol().toString());
    row.put("quantity", lot.quantity().toPlainString());
    row.put("cost_basis", lot.costBasis().toPlainString());
    row.put("acquired", lot.acquired().map(Object::toString).orElse(""));
    row.put("lot_id", lot.lotId().map(Object::toString).orElse(""));
    return row;
  }

  private static Map<String, String> priceCells(NewRow.NewPrice p) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("symbol", p.symbol().toString());
    row.put("price", p.price().toPlainString());
    row.put("date", p.date().toString());
    return row;
  }

  private static Optional<String> text(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
