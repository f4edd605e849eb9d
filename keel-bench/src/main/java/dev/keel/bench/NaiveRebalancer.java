package dev.keel.bench;

import dev.keel.core.drift.ClassDrift;
import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.LotRelief;
import dev.keel.core.ledger.LotSelector;
import dev.keel.core.household.LotMethod;
import dev.keel.core.money.Decimals;
import dev.keel.core.policy.Policy;
import dev.keel.core.rebalance.LotSale;
import dev.keel.core.rebalance.RebalanceRequest;
import dev.keel.core.rebalance.Side;
import dev.keel.core.rebalance.Trade;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The baseline the engine is measured against, as a simple robo-rebalancer would do it: sell every
 * overweight class pro rata across the positions that hold it, lots first in first out, in
 * whatever account they are; then in each account spend the cash on the underweight classes pro
 * rata to their shortfall, buying each class's first security. Whole shares. No tax awareness, no
 * wash-sale check. Non-tradable accounts and restricted securities are respected, so that the two
 * face the same constraints.
 */
public final class NaiveRebalancer {

  private NaiveRebalancer() {}

  public static List<Trade> propose(RebalanceRequest request) {
    Policy policy = request.data().policy();
    DriftReport before = DriftAnalyzer.DEFAULT.analyze(policy, request.books().positions(), request.data().prices(),
        request.asOf());
    BigDecimal total = before.totalValue();
    Map<AssetClass, BigDecimal> excess = new LinkedHashMap<>();
    for (ClassDrift c : before.classes()) {
      excess.put(c.assetClass(), c.value().subtract(c.target().multiply(total)));
    }
    List<Trade> trades = new ArrayList<>();
    Map<AccountId, BigDecimal> cash = new LinkedHashMap<>();
    for (AccountPosition p : request.books().positions()) {
      cash.put(p.account().id(), p.cash().subtract(p.account().reserve()).max(BigDecimal.ZERO));
    }
    // Sells, pro rata over the tradable holdings of each overweight class.
    for (Map.Entry<AssetClass, BigDecimal> e : excess.entrySet()) {
      if (e.getValue().signum() <= 0) {
        continue;
      }
      Map<String, BigDecimal> holdings = new LinkedHashMap<>();
      BigDecimal tradable = BigDecimal.ZERO;
      for (AccountPosition p : request.books().positions()) {
        if (!p.account().tradable()) {
          continue;
        }
        for (Map.Entry<Symbol, BigDecimal> q : p.quantities().entrySet()) {
          Security s = policy.securities().get(q.getKey());
          if (s.assetClass().equals(e.getKey()) && !s.restricted()) {
            BigDecimal value = q.getValue().multiply(price(request, q.getKey()));
            holdings.put(p.account().id() + " " + q.getKey(), value);
            tradable = tradable.add(value);
          }
        }
      }
      if (tradable.signum() == 0) {
        continue;
      }
      BigDecimal toSell = e.getValue().min(tradable);
      for (AccountPosition p : request.books().positions()) {
        for (Map.Entry<Symbol, BigDecimal> q : p.quantities().entrySet()) {
          BigDecimal value = holdings.get(p.account().id() + " " + q.getKey());
          if (value == null) {
            continue;
          }
          BigDecimal price = price(request, q.getKey());
          BigDecimal dollars = toSell.multiply(value).divide(tradable, Decimals.RATIO);
          BigDecimal shares = dollars.divide(price, 0, RoundingMode.DOWN).min(q.getValue());
          if (shares.signum() > 0) {
            trades.add(sell(request, p, q.getKey(), shares, price, e.getKey()));
            cash.merge(p.account().id(), Decimals.cents(shares.multiply(price)), BigDecimal::add);
          }
        }
      }
    }
    // Buys, per account, pro rata to the shortfalls.
    BigDecimal shortfall = excess.values().stream().filter(v -> v.signum() < 0).map(BigDecimal::negate)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (shortfall.signum() == 0) {
      return trades;
    }
    for (AccountPosition p : request.books().positions()) {
      Account account = p.account();
      BigDecimal available = cash.get(account.id());
      if (!account.tradable() || available.signum() <= 0) {
        continue;
      }
      for (Map.Entry<AssetClass, BigDecimal> e : excess.entrySet()) {
        if (e.getValue().signum() >= 0) {
          continue;
        }
        Optional<Security> security = policy.securities().all().stream()
            .filter(s -> s.assetClass().equals(e.getKey()) && !s.restricted()).findFirst();
        if (security.isEmpty()) {
          continue;
        }
        BigDecimal price = price(request, security.get().symbol());
        BigDecimal dollars = available.multiply(e.getValue().negate()).divide(shortfall, Decimals.RATIO);
        BigDecimal shares = dollars.divide(price, 0, RoundingMode.DOWN);
        if (shares.signum() > 0) {
          trades.add(new Trade(account.id(), security.get().symbol(), e.getKey(), Side.BUY, shares, price,
              Decimals.cents(shares.multiply(price)), List.of(), "naive buy"));
        }
      }
    }
    return trades;
  }

  private static Trade sell(RebalanceRequest request, AccountPosition p, Symbol symbol, BigDecimal shares, BigDecimal price,
      AssetClass assetClass) {
    List<Lot> fifo = LotSelector.order(p.lotsOf(symbol), LotMethod.FIFO, price, request.asOf(), request.rates());
    List<LotSale> sales = new ArrayList<>();
    BigDecimal left = shares;
    for (Lot lot : fifo) {
      if (left.signum() == 0) {
        break;
      }
      BigDecimal q = left.min(lot.quantity());
      left = left.subtract(q);
      LotRelief.Relief relief = LotRelief.relieve(lot, q);
      BigDecimal proceeds = Decimals.cents(q.multiply(price));
      sales.add(new LotSale(lot.id(), lot.acquired(), q, relief.relievedBasis(), proceeds, proceeds.subtract(relief.relievedBasis()),
          lot.term(request.asOf())));
    }
    return new Trade(p.account().id(), symbol, assetClass, Side.SELL, shares, price, Decimals.cents(shares.multiply(price)), sales,
        "naive sell");
  }

  private static BigDecimal price(RebalanceRequest request, Symbol symbol) {
    return request.data().prices().get(symbol, request.asOf());
  }
}
