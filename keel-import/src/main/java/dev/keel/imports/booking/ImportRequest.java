package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.portfolio.HouseholdData;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an import works on: the household as it is, its account numbers, what was imported
 * before, the files, and the date positions without a date of their own are compared on.
 *
 * @param existingPrices the {@code SYMBOL@YYYY-MM-DD} keys prices.csv already has
 * @param account the account every item without an account number of its own belongs to
 * @param asOf the date for positions whose file gives none (the CLI's --as-of, default today)
 */
public record ImportRequest(
    HouseholdData household,
    AccountNumbers numbers,
    ImportLog log,
    Set<String> existingPrices,
    List<StatementFile> files,
    Optional<AccountId> account,
    LocalDate asOf) {

  public ImportRequest {
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(numbers, "numbers");
    Objects.requireNonNull(log, "log");
    existingPrices = Set.copyOf(existingPrices);
    files = List.copyOf(files);
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(asOf, "asOf");
  }
}
