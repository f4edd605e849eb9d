package dev.keel.store.household;

import java.util.Locale;
import java.util.regex.Pattern;

/** A household's id in the store: lower-case letters, digits, '-' and '_', at most 64. */
public record HouseholdId(String value) implements Comparable<HouseholdId> {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public HouseholdId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("household id " + (value == null ? "null" : "\"" + value + "\"")
          + " is not valid; expected lower-case letters, digits, '-' or '_' (at most 64)");
    }
  }

  public static HouseholdId of(String value) {
    return new HouseholdId(value);
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  /** An id made from a folder or household name: "Rivera household" -> "rivera-household". */
  public static HouseholdId slugOf(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 64) {
      slug = slug.substring(0, 64);
    }
    return new HouseholdId(slug.isEmpty() ? "household" : slug);
  }

  @Override
  public int compareTo(HouseholdId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
