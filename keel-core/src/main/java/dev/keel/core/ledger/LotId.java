package dev.keel.core.ledger;

import java.util.Objects;

/** Identifies one tax lot across the household. */
public record LotId(String value) implements Comparable<LotId> {

  public LotId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("lot id must be non-blank without spaces: \"" + value + "\"");
    }
  }

  public static LotId of(String value) {
    return new LotId(value.trim());
  }

  @Override
  public int compareTo(LotId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
