package dev.keel.imports.booking;

import dev.keel.imports.statement.Origin;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement item an import did not add, and why: already imported, not imported yet (an
 * activity Keel has no faithful action for), or not understood.
 */
public record Note(Origin origin, Optional<String> account, Optional<LocalDate> date, String what, String reason) {

  public Note {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(reason, "reason");
  }
}
