package dev.keel.core.household;

import java.util.Objects;
import java.util.regex.Pattern;

/** The household's own name for an account, e.g. {@code joint} or {@code alex-ira}. */
public record AccountId(String value) implements Comparable<AccountId> {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public AccountId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "account id must be letters, digits, '.', '_' or '-', starting with a letter or digit: \"" + value + "\"");
    }
  }

  public static AccountId of(String value) {
    return new AccountId(value.trim());
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value.trim()).matches();
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
