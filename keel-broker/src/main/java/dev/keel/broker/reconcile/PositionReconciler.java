package dev.keel.broker.reconcile;

import dev.keel.core.reconcile.HoldingsComparison;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.BrokerPosition;
import dev.keel.core.household.AccountId;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares one account's shares per symbol (exactly) and cash (to the cent) between the ledger
 * and the broker. Stateless; nothing is adjusted: a difference is for a person to explain.
 */
public final class PositionReconciler {

  private PositionReconciler() {}

  /**
   * @param cash the ledger's cash and the broker's; empty when the broker's cash is not comparable
   */
  public static List<Difference> compare(AccountId account, Map<Symbol, BigDecimal> ledger, List<BrokerPosition> broker,
      Optional<BigDecimal> ledgerCash, Optional<BrokerAccount> brokerAccount) {
    Map<String, BigDecimal> ours = new TreeMap<>();
    ledger.forEach((symbol, quantity) -> ours.put(symbol.value(), quantity));
    Map<String, BigDecimal> theirs = new TreeMap<>();
    for (BrokerPosition p : broker) {
      theirs.merge(p.symbol().value(), p.quantity(), BigDecimal::add);
    }
    List<HoldingsComparison.Line> lines = new ArrayList<>(HoldingsComparison.positions(ours, theirs, true));
    if (ledgerCash.isPresent() && brokerAccount.isPresent()) {
      lines.add(HoldingsComparison.cash(ledgerCash.get(), brokerAccount.get().cash()));
    }
    List<Difference> out = new ArrayList<>();
    for (HoldingsComparison.Line line : lines) {
      if (!line.agrees()) {
        // The figures as each side states them; the comparison decided whether they differ.
        boolean cash = line.item().equals("cash");
        out.add(new Difference(account, line.item(), cash ? ledgerCash.get() : line.ledger(),
            cash ? brokerAccount.get().cash() : line.other()));
      }
    }
    return out;
  }
}
