package dev.keel.imports.booking;

import dev.keel.core.problem.Problem;
import dev.keel.imports.csv.CsvStatementReader;
import dev.keel.imports.ofx.OfxParser;
import dev.keel.imports.ofx.OfxStatementReader;
import dev.keel.imports.statement.Statement;
import dev.keel.io.read.Loaded;
import java.util.List;

/** Recognises a file's format by its content (OFX/QFX of either version, else a known CSV header) and reads it. */
public final class StatementReaders {

  private StatementReaders() {}

  public static Loaded<Statement> read(StatementFile file) {
    if (file.content().length == 0) {
      return Loaded.failed(List.of(Problem.ofFile(file.name(), "is empty; expected an OFX/QFX download or a custodian CSV export")));
    }
    if (OfxParser.looksLikeOfx(file.content())) {
      return OfxStatementReader.read(file.name(), file.content());
    }
    return CsvStatementReader.DEFAULT.read(file.name(), file.content());
  }
}
