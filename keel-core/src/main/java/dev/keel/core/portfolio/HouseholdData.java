package dev.keel.core.portfolio;

import dev.keel.core.household.Household;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.LedgerInput;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.policy.Policy;
import dev.keel.core.price.PriceTable;
import dev.keel.core.tax.MarginalRates;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Keel knows about one household, as loaded: who and which accounts, the IPS, opening
 * lots, transactions and prices. Loaders build it; the engine only reads it.
 */
public record HouseholdData(
    Household household, Policy policy, List<OpeningLot> openingLots, List<Transaction> transactions, PriceTable prices) {

  public HouseholdData {
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(policy, "policy");
    openingLots = List.copyOf(openingLots);
    transactions = List.copyOf(transactions);
    Objects.requireNonNull(prices, "prices");
    // A price dated before a split must price post-split shares when read after it.
    for (Transaction t : transactions) {
      if (t.action() == Action.SPLIT) {
        ActionTerms.Split split = (ActionTerms.Split) t.terms().orElseThrow();
        prices = prices.withSplit(t.symbol().orElseThrow(), t.date(), split.newShares(), split.oldShares());
      }
    }
  }

  /** The ledger's input, replaying transactions dated on or before {@code through}. */
  public LedgerInput ledgerInput(MarginalRates rates, Optional<LocalDate> through) {
    return new LedgerInput(household, policy.securities(), openingLots, transactions, rates, through);
  }

  /** A copy whose household has these tax settings. */
  public HouseholdData withTax(dev.keel.core.tax.TaxSettings tax) {
    return new HouseholdData(household.withTax(tax), policy, openingLots, transactions, prices);
  }

  public HouseholdData withTransactions(List<Transaction> replacement) {
    return new HouseholdData(household, policy, openingLots, replacement, prices);
  }
}
