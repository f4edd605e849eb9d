package dev.keel.core.policy;

import dev.keel.core.household.AccountId;
import dev.keel.core.security.Symbol;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A purchase that happens without Keel: a payroll contribution into a 401(k) fund, a dividend
 * reinvestment plan. It can wash a harvested loss as surely as a trade, so the harvester warns
 * about it.
 *
 * @param next the next date it happens
 * @param every how often it repeats; empty for a one-off
 */
public record ScheduledPurchase(AccountId account, Symbol symbol, String kind, LocalDate next, Optional<CheckCadence> every) {

  public ScheduledPurchase {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(every, "every");
  }

  /** The dates it happens from {@code from} through {@code to}, inclusive. */
  public java.util.List<LocalDate> between(LocalDate from, LocalDate to) {
    java.util.List<LocalDate> out = new java.util.ArrayList<>();
    LocalDate d = next;
    while (!d.isAfter(to)) {
      if (!d.isBefore(from)) {
        out.add(d);
      }
      if (every.isEmpty()) {
        break;
      }
      d = every.get().next(d);
    }
    return out;
  }
}
