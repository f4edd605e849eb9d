package dev.keel.imports.statement;

import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import java.util.Objects;

/**
 * Where an item of a statement was read: the file, its 1-based line (0 when unknown) and, for
 * OFX, the element path ({@code OFX/INVSTMTMSGSRSV1/.../BUYSTOCK[2]}), empty for CSV.
 */
public record Origin(String file, int line, String path) {

  public Origin {
    Objects.requireNonNull(file, "file");
    path = path == null ? "" : path;
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  public static Origin line(String file, int line) {
    return new Origin(file, line, "");
  }

  public SourceRef source() {
    return SourceRef.of(file, line);
  }

  /** A problem at this place; for OFX the field is named by its element path. */
  public Problem problem(String field, String value, String message) {
    String where = path.isEmpty() ? field : (field == null ? path : path + "/" + field);
    return new Problem(file, line, where, value, message);
  }

  @Override
  public String toString() {
    return (line > 0 ? file + ":" + line : file) + (path.isEmpty() ? "" : " " + path);
  }
}
