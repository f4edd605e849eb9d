package dev.keel.core.ledger;

import dev.keel.core.household.Account;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An account after replay: its open lots, in acquisition order, and its cash in dollars.
 *
 * <p>A value class rather than a record so that the shares per symbol are summed once, when the
 * position is made: a drift scan reads a handful of positions instead of hundreds of lots, which
 * is what makes scanning a fleet of households fast.
 */
public final class AccountPosition {

  private final Account account;
  private final List<Lot> lots;
  private final BigDecimal cash;
  private final Map<Symbol, BigDecimal> quantities;

  public AccountPosition(Account account, List<Lot> lots, BigDecimal cash) {
    this.account = Objects.requireNonNull(account, "account");
    this.lots = List.copyOf(lots);
    this.cash = Objects.requireNonNull(cash, "cash");
    Map<Symbol, BigDecimal> sums = new TreeMap<>();
    for (Lot lot : this.lots) {
      sums.merge(lot.symbol(), lot.quantity(), BigDecimal::add);
    }
    this.quantities = Collections.unmodifiableMap(sums);
  }

  public Account account() {
    return account;
  }

  public List<Lot> lots() {
    return lots;
  }

  public BigDecimal cash() {
    return cash;
  }

  /** Shares held per symbol, summed over lots, in symbol order. */
  public Map<Symbol, BigDecimal> quantities() {
    return quantities;
  }

  public List<Lot> lotsOf(Symbol symbol) {
    return lots.stream().filter(l -> l.symbol().equals(symbol)).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountPosition other && account.equals(other.account) && lots.equals(other.lots)
        && cash.equals(other.cash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(account, lots, cash);
  }

  @Override
  public String toString() {
    return "AccountPosition[account=" + account.id() + ", lots=" + lots.size() + ", cash=" + cash + "]";
  }
}
