package dev.keel.core.security;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An asset class of the policy, e.g. {@code us_stocks}, lower-cased. {@link #CASH} is reserved for cash. */
public record AssetClass(String value) implements Comparable<AssetClass> {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
  public static final AssetClass CASH = new AssetClass("cash");

  public AssetClass {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("asset class must be letters, digits, '_', '.' or '-': \"" + value + "\"");
    }
  }

  public static AssetClass of(String value) {
    return new AssetClass(value.trim().toLowerCase(Locale.ROOT));
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value.trim().toLowerCase(Locale.ROOT)).matches();
  }

  @Override
  public int compareTo(AssetClass other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
