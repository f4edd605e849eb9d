package dev.keel.imports.folder;

import dev.keel.core.household.AccountId;
import dev.keel.core.problem.Problem;
import dev.keel.imports.booking.ImportLog;
import dev.keel.io.read.Loaded;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * imports.csv: one line per row an import wrote, {@code import_id,account,date,kind,file}. Keel
 * writes it; a user may delete a line to have that row imported again. Ids and file names never
 * contain commas (OFX ids have theirs replaced).
 */
public final class ImportLogCsv {

  public static final String FILE = "imports.csv";
  public static final String HEADER = "import_id,account,date,kind,file";

  private ImportLogCsv() {}

  public static Loaded<ImportLog> read(String file, Reader reader) {
    List<ImportLog.Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (n == 1 || line.isBlank() || line.startsWith("#")) {
          if (n == 1 && !line.replace("\uFEFF", "").trim().equalsIgnoreCase(HEADER)) {
            problems.add(new Problem(file, 1, "header", line, "is not the header Keel writes: " + HEADER));
          }
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != 5) {
          problems.add(new Problem(file, n, null, line, "has " + cells.length + " values; expected 5 (" + HEADER + ")"));
          continue;
        }
        try {
          Optional<AccountId> account = cells[1].isBlank() ? Optional.empty() : Optional.of(AccountId.of(cells[1].trim()));
          entries.add(new ImportLog.Entry(cells[0].trim(), account, LocalDate.parse(cells[2].trim()),
              ImportLog.Kind.valueOf(cells[3].trim().toUpperCase(Locale.ROOT)), cells[4].trim()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
          problems.add(new Problem(file, n, null, line, "is not a line Keel wrote: " + e.getMessage()));
        }
      }
    } catch (IOException e) {
      problems.add(Problem.ofFile(file, "could not be read: " + e.getMessage()));
    }
    return Loaded.of(new ImportLog(entries), problems);
  }

  static String line(ImportLog.Entry e) {
    return String.join(",", e.importId(), e.account().map(AccountId::toString).orElse(""), e.date().toString(),
        e.kind().name().toLowerCase(Locale.ROOT), e.file().replace(',', '_'));
  }
}
