package dev.keel.io.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keel.core.problem.Problem;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file with a header row into rows that remember their line numbers. Column names
 * are matched case-insensitively; blank lines, lines of empty values only (",,,," as spreadsheets
 * export empty rows) and lines starting with {@code #} are skipped. A UTF-8 byte order mark at the
 * start of the file (written by Excel's "CSV UTF-8") is ignored. Missing required columns and
 * unknown columns are problems on the header's line.
 */
public final class CsvTable {

  private static final CsvMapper MAPPER = new CsvMapper();

  /** A data row: its 1-based line number in the file and its cells by column name. */
  public record Row(String file, int line, Map<String, String> values, List<Problem> problems) {
    public Cell cell(String column) {
      return new Cell(file, line, column, values.get(column), problems);
    }
  }

  private CsvTable() {}

  public static Loaded<List<Row>> read(String file, Reader reader, List<String> required, List<String> optional) {
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = forEach(file, reader, required, optional, rows::add);
    return Loaded.of(rows, problems);
  }

  /**
   * Reads the file row by row, handing each data row to {@code consumer} as soon as it is read, so
   * that a file of a million rows is never held in memory as rows. Returns the problems of the
   * file's structure (header, syntax, encoding); a row's own problems go to the list the row
   * carries, which is the same list.
   */
  public static List<Problem> forEach(String file, Reader reader, List<String> required, List<String> optional,
      java.util.function.Consumer<Row> consumer) {
    List<Problem> problems = new ArrayList<>();
    CsvSchema schema = CsvSchema.emptySchema().withComments();
    // The line of the row being read, so that a syntax error (a quote never closed, found only at the end of the
    // file) is reported where its row starts.
    int[] rowLine = {-1};
    try (JsonParser parser = MAPPER.readerFor(String[].class).with(schema)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).with(CsvParser.Feature.TRIM_SPACES)
        .createParser(skipByteOrderMark(reader))) {
      List<String> header = null;
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return new ArrayList<>(List.of(Problem.ofFile(file, "is empty; expected a header line: " + String.join(",", required))));
      }
      while (parser.nextToken() == JsonToken.START_ARRAY) {
        // The array starts where the previous row ended; the row's line is where its first value is.
        int line = -1;
        rowLine[0] = -1;
        List<String> cells = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (line < 0) {
            line = parser.currentTokenLocation().getLineNr();
            rowLine[0] = line;
          }
          cells.add(parser.getText());
        }
        if (line < 0) {
          continue;
        }
        if (header == null) {
          header = header(file, line, cells, required, optional, problems);
          if (header == null) {
            return problems;
          }
          continue;
        }
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (cells.size() > header.size()) {
          List<String> extra = cells.subList(header.size(), cells.size());
          problems.add(new Problem(file, line, null, String.join(",", extra),
              (extra.size() == 1 ? "is an extra value: the row" : "are extra values: the row") + " has " + cells.size()
                  + " values but the header has " + header.size() + " columns (" + String.join(",", header)
                  + "); a value with a comma must be in double quotes"));
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>(header.size() * 2);
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), i < cells.size() ? cells.get(i) : null);
        }
        consumer.accept(new Row(file, line, values, problems));
      }
      if (header == null) {
        problems.add(Problem.ofFile(file, "is empty; expected a header line: " + String.join(",", required)));
      }
    } catch (JsonProcessingException e) {
      int found = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      int line = rowLine[0] > 0 ? rowLine[0] : found;
      String where = found > line ? " (found on line " + found + ")" : "";
      problems.add(new Problem(file, line, null, null, "is not valid CSV: " + e.getOriginalMessage() + where));
    } catch (IOException e) {
      problems.add(notUtf8(e) ? new Problem(file, notUtf8Line(e), null, null, NOT_UTF8)
          : Problem.ofFile(file, "could not be read: " + e.getMessage()));
    }
    return problems;
  }

  /** The problem with a file saved in another encoding (Windows-1252, say): decoding stops at its first accent. */
  static final String NOT_UTF8 = "is not UTF-8 text; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")";

  /** Whether reading failed because the bytes are not UTF-8 (the cause may be wrapped by a parser). */
  static boolean notUtf8(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  /** The line of the first bytes that are not UTF-8, when the reader knew it; else 0 (the whole file). */
  static int notUtf8Line(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Utf8Reader.NotUtf8Exception bad) {
        return bad.line();
      }
    }
    return 0;
  }

  /** The reader without a leading U+FEFF, which would otherwise stick to the first column's name. */
  private static Reader skipByteOrderMark(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(reader, 1);
    int first = in.read();
    if (first != -1 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }

  private static List<String> header(String file, int line, List<String> cells, List<String> required, List<String> optional,
      List<Problem> problems) {
    List<String> header = new ArrayList<>();
    Set<String> known = new java.util.LinkedHashSet<>(required);
    known.addAll(optional);
    int before = problems.size();
    for (String cell : cells) {
      String name = cell.trim().toLowerCase(Locale.ROOT);
      if (!known.contains(name)) {
        problems.add(new Problem(file, line, "header", cell, "is not a known column; expected " + String.join(",", known)));
      } else if (header.contains(name)) {
        problems.add(new Problem(file, line, "header", cell, "appears twice"));
      }
      header.add(name);
    }
    for (String column : required) {
      if (!header.contains(column)) {
        problems.add(new Problem(file, line, "header", null, "is missing column \"" + column + "\"; expected " + String.join(",", known)));
      }
    }
    return problems.size() == before ? header : null;
  }
}
