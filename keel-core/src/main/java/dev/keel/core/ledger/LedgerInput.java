package dev.keel.core.ledger;

import dev.keel.core.household.Household;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.tax.MarginalRates;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ledger replays: the household (accounts, opening cash, lot methods), the securities
 * (for wash-sale identity), the opening lots and the transactions.
 *
 * @param rates marginal rates used by the min_tax lot method to price gains
 * @param through replay transactions dated on or before this date only; empty replays all
 */
public record LedgerInput(
    Household household,
    SecurityMaster securities,
    List<OpeningLot> openingLots,
    List<Transaction> transactions,
    MarginalRates rates,
    Optional<LocalDate> through) {

  public LedgerInput {
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(securities, "securities");
    openingLots = List.copyOf(openingLots);
    transactions = List.copyOf(transactions);
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(through, "through");
  }

  public LedgerInput through(LocalDate date) {
    return new LedgerInput(household, securities, openingLots, transactions, rates, Optional.of(date));
  }
}
