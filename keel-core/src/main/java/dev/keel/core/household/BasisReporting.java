package dev.keel.core.household;

import java.util.Locale;
import java.util.Optional;

/**
 * What the broker's Form 1099-B says about an account's sales, which decides the Form 8949 box
 * each sale is reported in (Form 8949 instructions): basis reported to the IRS (box A
 * short-term, D long-term), a 1099-B without basis reported to the IRS (B, E: noncovered
 * securities, such as shares bought before 2011, or mutual fund shares before 2012), or no 1099-B
 * at all (C, F).
 */
public enum BasisReporting {
  /** Form 1099-B with basis reported to the IRS: boxes A and D. The default. */
  REPORTED("true"),
  /** Form 1099-B without basis reported to the IRS: boxes B and E. */
  NOT_REPORTED("false"),
  /** No Form 1099-B: boxes C and F. */
  NO_1099B("no_1099b");

  private final String code;

  BasisReporting(String code) {
    this.code = code;
  }

  /** How household.yaml writes it: {@code true}, {@code false} or {@code no_1099b}. */
  public String code() {
    return code;
  }

  /** Parses {@code true}/{@code yes}, {@code false}/{@code no}, or {@code no_1099b}. */
  public static Optional<BasisReporting> find(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> Optional.of(REPORTED);
      case "false", "no" -> Optional.of(NOT_REPORTED);
      case "no_1099b", "no_1099-b" -> Optional.of(NO_1099B);
      default -> Optional.empty();
    };
  }
}
