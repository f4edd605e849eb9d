package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.imports.statement.Origin;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An OFX correction: the record at {@code origin} replaces ({@code REPLACE}) or deletes ({@code
 * DELETE}) the transaction the FI sent before with import id {@code corrected} (OFX {@code
 * CORRECTFITID}/{@code CORRECTACTION}).
 */
public record Correction(String corrected, AccountId account, LocalDate date, Origin origin, String what, String action) {

  public Correction {
    Objects.requireNonNull(corrected, "corrected");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(action, "action");
  }
}
