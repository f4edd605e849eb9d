package dev.keel.broker.price;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds dated prices to prices.csv, atomically: the new file is written beside the old one and
 * moved over it, so a reader (or a crash) sees the old file or the new one, never half of one.
 *
 * <p>prices.csv allows one price per symbol and date, so a price for a symbol and date already in
 * the file replaces that row's price (a second scan on the same day updates it); every other row,
 * column and the row order are kept. A file without a {@code date} column gains one (its rows stay
 * undated).
 */
public final class PricesCsvAppender {

  private static final CsvMapper CSV = new CsvMapper();

  /** What an append did. */
  public record Outcome(int added, int replaced) {}

  private PricesCsvAppender() {}

  /** At least cents (a JSON number 72.5 is written 72.50); never rounded: a sub-cent price keeps its digits. */
  private static String text(LatestPrice p) {
    return (p.price().scale() < 2 ? p.price().setScale(2) : p.price()).toPlainString();
  }

  public static Outcome append(Path file, Collection<LatestPrice> prices) throws IOException {
    List<String> columns = new ArrayList<>(List.of("symbol", "price", "date"));
    List<Map<String, String>> rows = new ArrayList<>();
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (!text.isBlank()) {
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(header)
            .with(CsvParser.Feature.TRIM_SPACES).readValues(text)) {
          CsvSchema read = (CsvSchema) it.getParserSchema();
          columns = new ArrayList<>();
          for (CsvSchema.Column c : read) {
            columns.add(c.getName());
          }
          while (it.hasNext()) {
            rows.add(new LinkedHashMap<>(it.next()));
          }
        }
        if (!columns.contains("date")) {
          columns.add("date");
        }
      }
    }
    int added = 0;
    int replaced = 0;
    for (LatestPrice p : prices) {
      String date = p.date().toString();
      Map<String, String> existing = null;
      for (Map<String, String> row : rows) {
        if (p.symbol().value().equalsIgnoreCase(row.getOrDefault("symbol", "").trim())
            && date.equals(row.getOrDefault("date", "").trim())) {
          existing = row;
        }
      }
      if (existing != null) {
        existing.put("price", text(p));
        replaced++;
      } else {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("symbol", p.symbol().value());
        row.put("price", text(p));
        row.put("date", date);
        rows.add(row);
        added++;
      }
    }
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    StringWriter out = new StringWriter();
    CSV.writer(schema.build()).writeValues(out).writeAll(rows).close();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, out.toString(), StandardCharsets.UTF_8);
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return new Outcome(added, replaced);
  }
}
