package dev.keel.core.drift;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.money.Decimals;
import dev.keel.core.policy.Band;
import dev.keel.core.policy.Policy;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures the whole household, every account and held-away ones included, against the policy:
 * value and weight per asset class, drift from target, band bounds and breaches.
 */
public final class DriftAnalyzer {

  public static final DriftAnalyzer DEFAULT = new DriftAnalyzer();

  /**
   * @throws InvalidInputException naming every held security without a price on or before {@code asOf}
   */
  public DriftReport analyze(Policy policy, Collection<AccountPosition> positions, PriceTable prices, LocalDate asOf) {
    List<Holding> holdings = value(policy, positions, prices, asOf);
    BigDecimal cash = positions.stream().map(AccountPosition::cash).reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<AssetClass, BigDecimal> byClass = new LinkedHashMap<>();
    policy.targets().keySet().forEach(c -> byClass.put(c, BigDecimal.ZERO));
    for (Holding h : holdings) {
      byClass.merge(h.assetClass(), h.value(), BigDecimal::add);
    }
    if (policy.targetsCash()) {
      byClass.merge(AssetClass.CASH, cash, BigDecimal::add);
    }
    BigDecimal total = holdings.stream().map(Holding::value).reduce(cash, BigDecimal::add);

    List<ClassDrift> classes = new ArrayList<>();
    for (Map.Entry<AssetClass, BigDecimal> e : byClass.entrySet()) {
      classes.add(measure(policy, e.getKey(), e.getValue(), total));
    }
    boolean due = policy.checkDue(asOf);
    boolean breached = classes.stream().anyMatch(ClassDrift::breached);
    BigDecimal cashWeight = policy.targetsCash() ? BigDecimal.ZERO : Decimals.ratio(cash, total);
    return new DriftReport(asOf, total, cash, cashWeight, policy.targetsCash(), classes, holdings, due,
        policy.nextCheck(), due && breached);
  }

  /** The drift of one class holding {@code value} dollars of a {@code total}-dollar household. */
  public static ClassDrift measure(Policy policy, AssetClass assetClass, BigDecimal value, BigDecimal total) {
    BigDecimal target = policy.targetOf(assetClass);
    BigDecimal actual = Decimals.ratio(value, total);
    BigDecimal drift = actual.subtract(target);
    Band band = policy.bandFor(assetClass);
    BigDecimal tolerance = band.tolerance(target);
    BigDecimal lower = target.subtract(tolerance).max(BigDecimal.ZERO);
    BigDecimal upper = target.add(tolerance).min(BigDecimal.ONE);
    boolean breached = total.signum() > 0 && drift.abs().compareTo(tolerance) > 0;
    return new ClassDrift(assetClass, target, actual, drift, tolerance, lower, upper, breached, value);
  }

  /** One problem per held symbol without a price on or before {@code asOf}, naming the accounts holding it. */
  public static List<Problem> unpriced(Collection<AccountPosition> positions, PriceTable prices, LocalDate asOf) {
    Map<Symbol, TreeSet<AccountId>> unpriced = new TreeMap<>();
    for (AccountPosition position : positions) {
      for (Symbol symbol : position.quantities().keySet()) {
        if (prices.find(symbol, asOf).isEmpty()) {
          unpriced.computeIfAbsent(symbol, s -> new TreeSet<>()).add(position.account().id());
        }
      }
    }
    List<Problem> problems = new ArrayList<>();
    unpriced.forEach((symbol, accounts) -> problems.add(new Problem(prices.source(), 0, "symbol", symbol.value(),
        "is held (in " + String.join(", ", accounts.stream().map(AccountId::value).toList()) + ") but has no price on or before "
            + asOf)));
    return problems;
  }

  /** Every position valued at the latest price on or before {@code asOf}. */
  public static List<Holding> value(Policy policy, Collection<AccountPosition> positions, PriceTable prices, LocalDate asOf) {
    List<Holding> holdings = new ArrayList<>();
    Map<Symbol, TreeSet<AccountId>> unpriced = new TreeMap<>();
    List<Problem> problems = new ArrayList<>();
    for (AccountPosition position : positions) {
      for (Map.Entry<Symbol, BigDecimal> e : position.quantities().entrySet()) {
        Symbol symbol = e.getKey();
        var price = prices.find(symbol, asOf);
        if (price.isEmpty()) {
          unpriced.computeIfAbsent(symbol, s -> new TreeSet<>()).add(position.account().id());
          continue;
        }
        var security = policy.securities().find(symbol);
        if (security.isEmpty()) {
          problems.add(new Problem("policy.yaml", 0, "securities", symbol.value(),
              "is held in " + position.account().id() + " but is not listed under securities; give it an asset_class"));
          continue;
        }
        BigDecimal value = e.getValue().multiply(price.get());
        holdings.add(new Holding(position.account().id(), symbol, security.get().assetClass(), e.getValue(), price.get(), value));
      }
    }
    unpriced.forEach((symbol, accounts) -> problems.add(new Problem(prices.source(), 0, "symbol", symbol.value(),
        "is held (in " + String.join(", ", accounts.stream().map(AccountId::value).toList()) + ") but has no price on or before "
            + asOf)));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return holdings;
  }
}
