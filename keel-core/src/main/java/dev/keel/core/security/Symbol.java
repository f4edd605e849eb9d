package dev.keel.core.security;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A ticker symbol, upper-cased: {@code VTI}, {@code BRK.B}. */
public record Symbol(String value) implements Comparable<Symbol> {

  private static final Pattern VALID = Pattern.compile("[A-Z0-9][A-Z0-9./_-]*");

  public Symbol {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("symbol must be letters, digits, '.', '/', '_' or '-': \"" + value + "\"");
    }
  }

  public static Symbol of(String value) {
    return new Symbol(value.trim().toUpperCase(Locale.ROOT));
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value.trim().toUpperCase(Locale.ROOT)).matches();
  }

  @Override
  public int compareTo(Symbol other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
