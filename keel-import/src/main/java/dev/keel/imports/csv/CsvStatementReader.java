package dev.keel.imports.csv;

import dev.keel.core.problem.Problem;
import dev.keel.imports.statement.Statement;
import dev.keel.io.read.Loaded;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a custodian CSV export: finds each table by its header row, takes the account number and
 * date from the title lines above it or from the file name, and lets the table's format map its
 * rows. A table ends at a blank line; single-cell lines after a table (disclaimers) are skipped; a
 * file with no recognised header is an unknown format, reported with the headers Keel knows.
 */
public final class CsvStatementReader {

  private static final Pattern MASKED = Pattern.compile("(?:\\.\\.\\.|XXX|xxx|\\*{2,})([A-Za-z0-9]{3,})");
  private static final Pattern ACCOUNT_WORD = Pattern.compile("(?i)account[ _#:-]*(?:number[ _#:-]*)?([A-Z]?[0-9]{4,})");
  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2}/\\d{1,2}/\\d{4})");
  private static final Pattern SLASH_ISO = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})");
  private static final Pattern NAME_DATE = Pattern.compile("([A-Z][a-z]{2})-(\\d{1,2})-(\\d{4})");

  private final List<CustodianFormat> formats;

  public CsvStatementReader(List<CustodianFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  public static final CsvStatementReader DEFAULT = new CsvStatementReader(CustodianFormats.ALL);

  public Loaded<Statement> read(String file, byte[] content) {
    Loaded<List<CsvRecord>> records = CsvRecords.read(file, content);
    if (records.value().isEmpty()) {
      return Loaded.failed(records.problems());
    }
    List<Problem> problems = new ArrayList<>();
    StatementParts parts = new StatementParts(problems);
    List<CsvRecord> lines = records.value().get();
    List<String> titles = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Set<String> custodians = new LinkedHashSet<>();
    Optional<String> fileAccount = account(List.of(baseName(file)));
    int i = 0;
    while (i < lines.size()) {
      CsvRecord record = lines.get(i);
      Optional<CustodianFormat> format = formats.stream().filter(f -> f.matches(record.cells())).findFirst();
      if (format.isEmpty()) {
        if (!record.blank()) {
          titles.add(String.join(" ", record.cells()));
        }
        i++;
        continue;
      }
      List<String> header = record.cells().stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
      List<CsvRow> rows = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).blank()) {
        CsvRecord data = lines.get(j);
        if (formats.stream().anyMatch(f -> f.matches(data.cells()))) {
          break;
        }
        if (data.filled() == 1 && data.cells().size() == 1) {
          // A disclaimer or note line right under the table (Fidelity writes them without a blank line between).
          j++;
          continue;
        }
        if (data.cells().size() > header.size()) {
          problems.add(new Problem(file, data.line(), null, null,
              "has " + data.cells().size() + " values but the header on line " + record.line() + " has " + header.size() + " columns"));
          j++;
          continue;
        }
        java.util.Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
          cells.putIfAbsent(header.get(c), c < data.cells().size() ? data.cells().get(c) : "");
        }
        rows.add(new CsvRow(file, data.line(), cells, problems));
        j++;
      }
      Optional<String> account = account(titles).or(() -> fileAccount);
      Optional<LocalDate> date = date(titles).or(() -> date(List.of(baseName(file))));
      format.get().read(new CsvTable(file, record.line(), rows, account, date), parts);
      names.add(format.get().name());
      custodians.add(format.get().custodian());
      titles.clear();
      i = j;
    }
    if (names.isEmpty()) {
      String first = lines.stream().filter(r -> !r.blank()).findFirst().map(r -> String.join(",", r.cells())).orElse("");
      problems.add(new Problem(file, lines.stream().filter(r -> !r.blank()).findFirst().map(CsvRecord::line).orElse(0), "header",
          first.length() > 80 ? first.substring(0, 80) + "..." : first,
          "is not the header of a format Keel knows; expected OFX/QFX or one of: " + knownHeaders()));
    }
    if (custodians.size() > 1) {
      problems.add(Problem.ofFile(file, "mixes tables of " + String.join(" and ", custodians) + "; export each custodian's files separately"));
    }
    if (!problems.isEmpty()) {
      return Loaded.failed(problems);
    }
    return Loaded.of(new Statement(file, String.join(" + ", names), custodians.iterator().next(), Optional.empty(),
        parts.activities, parts.positions, parts.cash, parts.lots, List.of()), problems);
  }

  private String knownHeaders() {
    StringBuilder out = new StringBuilder();
    for (CustodianFormat f : formats) {
      out.append(out.length() == 0 ? "" : "; ").append(f.name()).append(" (").append(String.join(",", f.header())).append(')');
    }
    return out.toString();
  }

  static Optional<String> account(List<String> texts) {
    for (String t : texts) {
      Matcher masked = MASKED.matcher(t);
      if (masked.find()) {
        return Optional.of(masked.group(1));
      }
      Matcher word = ACCOUNT_WORD.matcher(t);
      if (word.find()) {
        return Optional.of(word.group(1));
      }
    }
    return Optional.empty();
  }

  static Optional<LocalDate> date(List<String> texts) {
    for (String t : texts) {
      Matcher iso = SLASH_ISO.matcher(t);
      if (iso.find()) {
        return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))));
      }
      Matcher us = US_DATE.matcher(t);
      if (us.find()) {
        return CsvRow.parseDate(us.group(1));
      }
      Matcher named = NAME_DATE.matcher(t);
      if (named.find()) {
        try {
          return Optional.of(LocalDate.parse(named.group(1) + "-" + (named.group(2).length() == 1 ? "0" : "") + named.group(2) + "-"
              + named.group(3), DateTimeFormatter.ofPattern("MMM-dd-yyyy", Locale.ENGLISH)));
        } catch (DateTimeParseException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String baseName(String file) {
    String name = file.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
