package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The booked ledger: every account's lots and cash, every disposal with its wash-sale matches,
 * income, purchases, and the problems found on the way (rows that could not be booked).
 */
public record LedgerResult(
    Map<AccountId, AccountPosition> accounts,
    List<Disposal> disposals,
    List<WashSale> washSales,
    List<Income> income,
    List<Acquisition> acquisitions,
    List<Problem> problems) {

  public LedgerResult {
    accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
    disposals = List.copyOf(disposals);
    washSales = List.copyOf(washSales);
    income = List.copyOf(income);
    acquisitions = List.copyOf(acquisitions);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public AccountPosition account(AccountId id) {
    AccountPosition position = accounts.get(id);
    if (position == null) {
      throw new IllegalArgumentException("no such account: " + id);
    }
    return position;
  }

  public Collection<AccountPosition> positions() {
    return accounts.values();
  }

  /** All open lots of the household, account by account. */
  public List<Lot> lots() {
    List<Lot> all = new ArrayList<>();
    accounts.values().forEach(a -> all.addAll(a.lots()));
    return all;
  }

  public BigDecimal cash() {
    return accounts.values().stream().map(AccountPosition::cash).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal quantity(AccountId account, Symbol symbol) {
    return account(account).lotsOf(symbol).stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
