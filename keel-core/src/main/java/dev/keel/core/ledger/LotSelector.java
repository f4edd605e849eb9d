package dev.keel.core.ledger;

import dev.keel.core.household.LotMethod;
import dev.keel.core.money.Decimals;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;

/**
 * The order in which a sale relieves an account's lots of one security, by lot method. Ties are
 * broken by acquisition order, so the order never depends on how rows were laid out in a file.
 */
public final class LotSelector {

  private static final Comparator<Lot> FIFO =
      Comparator.comparing(Lot::acquired, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingLong(Lot::sequence);

  private LotSelector() {}

  /**
   * @param price sale price per share (used by {@link LotMethod#MIN_TAX})
   * @param sold sale date, which decides each lot's term
   * @param rates the household's marginal rates, to price gains of either term
   */
  public static List<Lot> order(List<Lot> lots, LotMethod method, BigDecimal price, LocalDate sold, MarginalRates rates) {
    List<Lot> ordered = new ArrayList<>(lots);
    switch (method) {
      case FIFO, SPECIFIC -> ordered.sort(FIFO);
      case LIFO -> ordered.sort(FIFO.reversed());
      case HIFO -> {
        // Each lot's cost per share is a division: computed once per lot, not once per comparison.
        Map<Lot, BigDecimal> cost = new IdentityHashMap<>();
        ordered.forEach(l -> cost.put(l, l.costPerShare()));
        ordered.sort(Comparator.<Lot, BigDecimal>comparing(cost::get).reversed().thenComparing(FIFO));
      }
      case MIN_TAX -> {
        Map<Lot, Key> keys = new IdentityHashMap<>();
        ordered.forEach(l -> keys.put(l, key(l, price, sold, rates)));
        ordered.sort(Comparator.<Lot>comparingInt(l -> keys.get(l).category())
            .thenComparing(l -> keys.get(l).taxPerShare()).thenComparing(FIFO));
      }
    }
    return ordered;
  }

  /** The min_tax sort key of one lot. */
  private record Key(int category, BigDecimal taxPerShare) {}

  private static Key key(Lot lot, BigDecimal price, LocalDate sold, MarginalRates rates) {
    return new Key(category(lot, price, sold), taxPerShare(lot, price, sold, rates));
  }

  /**
   * Losses first (short-term before long-term, the largest loss per share first), then long-term
   * gains, then short-term gains, each with the least tax per share first.
   */
  static Comparator<Lot> minTax(BigDecimal price, LocalDate sold, MarginalRates rates) {
    return Comparator.<Lot>comparingInt(lot -> category(lot, price, sold))
        .thenComparing(lot -> taxPerShare(lot, price, sold, rates))
        .thenComparing(FIFO);
  }

  private static int category(Lot lot, BigDecimal price, LocalDate sold) {
    boolean loss = price.compareTo(lot.costPerShare()) < 0;
    Term term = lot.term(sold);
    if (loss) {
      return term == Term.SHORT ? 0 : 1;
    }
    return term == Term.LONG ? 2 : 3;
  }

  private static BigDecimal taxPerShare(Lot lot, BigDecimal price, LocalDate sold, MarginalRates rates) {
    BigDecimal gainPerShare = price.subtract(lot.costPerShare());
    return gainPerShare.multiply(rates.rate(lot.term(sold)), Decimals.RATIO);
  }
}
