package dev.keel.core.problem;

import java.util.Objects;

/**
 * Where a value came from: a file name and a 1-based line number (0 when unknown), so that a
 * problem found long after loading, in the ledger say, can still point at the row that caused it.
 */
public record SourceRef(String file, int line) {

  /** For values built in code, tests and generators rather than read from a file. */
  public static final SourceRef NONE = new SourceRef("(input)", 0);

  public SourceRef {
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  public static SourceRef of(String file, int line) {
    return new SourceRef(file, line);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
