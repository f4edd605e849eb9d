package dev.keel.imports.csv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keel.core.problem.Problem;
import dev.keel.io.read.Loaded;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every line of a CSV export, header or not, with its line number: custodians put titles,
 * blank lines and disclaimers around their tables, so the header cannot be assumed to be line 1.
 * UTF-8 with or without a byte order mark; a file that is not UTF-8 is a problem.
 */
public final class CsvRecords {

  private static final CsvMapper MAPPER = new CsvMapper();

  private CsvRecords() {}

  public static Loaded<List<CsvRecord>> read(String file, byte[] content) {
    List<CsvRecord> records = new ArrayList<>();
    int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
    Reader reader = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    int[] rowLine = {0};
    try (JsonParser parser = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema())
        .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.TRIM_SPACES).createParser(reader)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return Loaded.of(records, List.of());
      }
      while (parser.nextToken() == JsonToken.START_ARRAY) {
        List<String> cells = new ArrayList<>();
        int line = -1;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (line < 0) {
            line = parser.currentTokenLocation().getLineNr();
            rowLine[0] = line;
          }
          cells.add(parser.getText().trim());
        }
        if (line > 0) {
          records.add(new CsvRecord(line, cells));
        }
      }
    } catch (JsonProcessingException e) {
      int line = rowLine[0] > 0 ? rowLine[0] : e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      return Loaded.failed(List.of(new Problem(file, line, null, null, "is not valid CSV (a truncated file?): " + e.getOriginalMessage())));
    } catch (IOException e) {
      boolean encoding = e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException;
      return Loaded.failed(List.of(Problem.ofFile(file, encoding ? "is not UTF-8 text; save it as UTF-8" : "could not be read: " + e.getMessage())));
    }
    return Loaded.of(records, List.of());
  }
}
