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
 * <p>A value class rather than a record so that the shares per symbol are summed once, the first
 * time they are asked for, and kept: a drift scan then reads a handful of sums instead of hundreds
 * of lots, which is what makes scanning a fleet of households fast, while a replay whose positions
 * are never scanned pays nothing for them.
 */
public final class AccountPosition {

  private final Account account;
  private final List<Lot> lots;
  private final BigDecimal cash;
  private volatile Map<Symbol, BigDecimal> quantities;

  public AccountPosition(Account account, List<Lot> lots, BigDecimal cash) {
    this.account = Objects.requireNonNull(account, "account");
    this.lots = List.copyOf(lots);
    this.cash = Objects.requireNonNull(cash, "cash");
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
    Map<Symbol, BigDecimal> sums = quantities;
    if (sums == null) {
      // Two threads may both sum; they get equal maps, and the volatile write publishes a whole one.
      Map<Symbol, BigDecimal> building = new TreeMap<>();
      for (Lot lot : lots) {
        building.merge(lot.symbol(), lot.quantity(), BigDecimal::add);
      }
      sums = Collections.unmodifiableMap(building);
      quantities = sums;
    }
    return sums;
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
