package dev.keel.core.household;

import dev.keel.core.problem.SourceRef;
import dev.keel.core.tax.TaxSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The household: its members, tax facts and accounts (household.yaml). */
public record Household(String name, List<String> members, TaxSettings tax, List<Account> accounts, SourceRef source) {

  public Household {
    Objects.requireNonNull(name, "name");
    members = List.copyOf(members);
    Objects.requireNonNull(tax, "tax");
    accounts = List.copyOf(accounts);
    source = source == null ? SourceRef.NONE : source;
    Map<AccountId, Account> seen = new LinkedHashMap<>();
    for (Account account : accounts) {
      if (seen.put(account.id(), account) != null) {
        throw new IllegalArgumentException("duplicate account id: " + account.id());
      }
    }
  }

  public static Household of(String name, TaxSettings tax, List<Account> accounts) {
    return new Household(name, List.of(), tax, accounts, SourceRef.NONE);
  }

  /** A copy with these tax settings (e.g. the carryforward resolved for the year being priced). */
  public Household withTax(TaxSettings replacement) {
    return new Household(name, members, replacement, accounts, source);
  }

  public Optional<Account> findAccount(AccountId id) {
    for (Account account : accounts) {
      if (account.id().equals(id)) {
        return Optional.of(account);
      }
    }
    return Optional.empty();
  }

  public Account getAccount(AccountId id) {
    return findAccount(id).orElseThrow(() -> new IllegalArgumentException("no such account: " + id));
  }
}
