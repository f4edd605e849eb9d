package dev.keel.core.engine;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.tax.MarginalRates;
import java.lang.ref.SoftReference;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The last ledger replay, kept so that a command that checks a household and then reports on it
 * (every CLI command does) replays a million lots once, not twice. A replay is a pure function of
 * the household's data (an immutable value, compared by identity here), the date it runs through
 * and the rates, so handing back the kept result changes no answer. Held softly: under memory
 * pressure it is simply dropped and the next call replays.
 */
final class LastReplay {

  private record Entry(HouseholdData data, Optional<LocalDate> through, MarginalRates rates, LedgerResult result) {}

  private SoftReference<Entry> last = new SoftReference<>(null);

  LedgerResult replay(Ledger ledger, HouseholdData data, MarginalRates rates, Optional<LocalDate> through) {
    synchronized (this) {
      Entry entry = last.get();
      if (entry != null && entry.data == data && entry.through.equals(through) && entry.rates.equals(rates)) {
        return entry.result;
      }
    }
    LedgerResult result = ledger.replay(data.ledgerInput(rates, through));
    synchronized (this) {
      last = new SoftReference<>(new Entry(data, through, rates, result));
    }
    return result;
  }
}
