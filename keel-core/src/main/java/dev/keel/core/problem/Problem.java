package dev.keel.core.problem;

import java.util.Objects;

/**
 * One thing wrong with the user's input: where it is (file and line, 0 when the file as a whole is
 * at fault), which field, the offending value (may be null) and what was expected.
 *
 * <p>Problems are data, not exceptions: loaders and the ledger collect every one of them and keep
 * going, so the user can fix a file in one pass.
 */
public record Problem(String file, int line, String field, String value, String message) {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  public static Problem at(SourceRef source, String field, String value, String message) {
    return new Problem(source.file(), source.line(), field, value, message);
  }

  public static Problem ofFile(String file, String message) {
    return new Problem(file, 0, null, null, message);
  }

  /** {@code lots.csv:12: quantity: "1O0" is not a number}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
    }
    out.append(": ");
    if (field != null && !field.isEmpty()) {
      out.append(field).append(": ");
    }
    if (value != null) {
      out.append('"').append(value).append("\" ");
    }
    return out.append(message).toString();
  }
}
