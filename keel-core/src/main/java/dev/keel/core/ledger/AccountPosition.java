package dev.keel.core.ledger;

import dev.keel.core.household.Account;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An account after replay: its open lots, in acquisition order, and its cash in dollars. */
public record AccountPosition(Account account, List<Lot> lots, BigDecimal cash) {

  public AccountPosition {
    lots = List.copyOf(lots);
  }

  /** Shares held per symbol, summed over lots. */
  public Map<Symbol, BigDecimal> quantities() {
    Map<Symbol, BigDecimal> out = new TreeMap<>();
    for (Lot lot : lots) {
      out.merge(lot.symbol(), lot.quantity(), BigDecimal::add);
    }
    return out;
  }

  public List<Lot> lotsOf(Symbol symbol) {
    return lots.stream().filter(l -> l.symbol().equals(symbol)).toList();
  }
}
