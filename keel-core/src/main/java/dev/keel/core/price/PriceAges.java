package dev.keel.core.price;

import dev.keel.core.problem.Problem;
import dev.keel.core.security.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The prices a report used on its as-of date that are not from that date, symbol by symbol, with
 * the limits they were judged by. Empty when every price used is dated on the as-of date.
 */
public record PriceAges(LocalDate asOf, PriceAgeLimits limits, List<PriceAge> ages) {

  public PriceAges {
    ages = List.copyOf(ages);
  }

  /**
   * The age of the price of each of {@code symbols} that has one on or before {@code asOf}
   * (symbols without a price are not this report's business: they are reported as missing).
   */
  public static PriceAges of(Collection<Symbol> symbols, PriceTable prices, LocalDate asOf, PriceAgeLimits limits) {
    List<PriceAge> ages = new ArrayList<>();
    for (Symbol symbol : new TreeSet<>(symbols)) {
      prices.findQuote(symbol, asOf).flatMap(q -> PriceAge.of(q, asOf, limits)).ifPresent(ages::add);
    }
    return new PriceAges(asOf, limits, ages);
  }

  public boolean isEmpty() {
    return ages.isEmpty();
  }

  public List<PriceAge> at(PriceAge.Level level) {
    return ages.stream().filter(a -> a.level() == level).toList();
  }

  /** The oldest dated price, if any. */
  public Optional<PriceAge> oldest() {
    return ages.stream().filter(a -> a.days().isPresent()).max(java.util.Comparator.comparing(a -> a.days().get()));
  }

  /**
   * One problem per price older than the hard limit, naming its row: trades proposed on such a
   * price would be sized on a market that has moved.
   */
  public List<Problem> refusals() {
    List<Problem> problems = new ArrayList<>();
    for (PriceAge age : at(PriceAge.Level.REFUSE)) {
      PriceQuote q = age.quote();
      problems.add(Problem.at(q.source(), "date", q.date().map(LocalDate::toString).orElse(null),
          "is the latest price of " + q.symbol() + ", " + age.days().orElse(0L) + " days before the as-of date " + asOf
              + "; trades are not proposed on prices more than " + limits.refuseAfterDays()
              + " days old (policy.yaml prices.refuse_after_days): add a current price, or pass --allow-stale-prices"));
    }
    return problems;
  }
}
