package dev.keel.store.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do: an admin everything; an advisor the households assigned; a client their own. */
public enum Role {
  ADMIN, ADVISOR, CLIENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> find(String text) {
    return Arrays.stream(values()).filter(r -> r.code().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
  }
}
