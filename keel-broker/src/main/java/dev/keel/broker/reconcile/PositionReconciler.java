package dev.keel.broker.reconcile;

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
import java.util.TreeSet;

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
    Map<Symbol, BigDecimal> theirs = new TreeMap<>();
    for (BrokerPosition p : broker) {
      theirs.merge(p.symbol(), p.quantity(), BigDecimal::add);
    }
    TreeSet<Symbol> symbols = new TreeSet<>(theirs.keySet());
    ledger.forEach((s, q) -> {
      if (q.signum() != 0) {
        symbols.add(s);
      }
    });
    List<Difference> out = new ArrayList<>();
    for (Symbol s : symbols) {
      BigDecimal ours = ledger.getOrDefault(s, BigDecimal.ZERO);
      BigDecimal their = theirs.getOrDefault(s, BigDecimal.ZERO);
      if (ours.compareTo(their) != 0) {
        out.add(new Difference(account, s.value(), ours, their));
      }
    }
    if (ledgerCash.isPresent() && brokerAccount.isPresent()
        && ledgerCash.get().setScale(2, java.math.RoundingMode.HALF_UP)
            .compareTo(brokerAccount.get().cash().setScale(2, java.math.RoundingMode.HALF_UP)) != 0) {
      out.add(new Difference(account, "cash", ledgerCash.get(), brokerAccount.get().cash()));
    }
    return out;
  }
}
