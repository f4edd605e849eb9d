package dev.keel.core.ledger;

import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks ahead with the ledger's own wash-sale rule (see {@link Replay}): would a trade made on a
 * date create a wash sale, given everything the household has booked? Used by the rebalancer and
 * the harvester so that they never propose one. Not thread-safe: its indexes are built on first use.
 */
public final class WashSaleRule {

  /** The window on each side of a sale; kept for callers, the window is {@link WashSaleWindow}'s. */
  public static final int WINDOW_DAYS = WashSaleWindow.DAYS;

  private final LedgerResult books;
  private final SecurityMaster securities;
  /**
   * Lots that could be replacement shares, per identical group, ordered by acquisition date (then
   * by their place in the books): built once, on first use, so that looking a lot up costs a
   * binary search and a walk over the 30-day window, not a scan of every lot (a household of
   * 20,000 lots asked this for each of thousands of loss lots).
   */
  private Map<String, List<Indexed>> purchases;
  private List<Disposal> openLosses;

  private record Indexed(Lot lot, int index) {}

  public WashSaleRule(LedgerResult books, SecurityMaster securities) {
    this.books = books;
    this.securities = securities;
  }

  private Map<String, List<Indexed>> purchases() {
    if (purchases == null) {
      Map<String, List<Indexed>> byIdentity = new HashMap<>();
      int index = 0;
      for (Lot other : books.lots()) {
        if (!other.inherited() && !other.replacement() && other.acquired() != null) {
          byIdentity.computeIfAbsent(securities.identityOf(other.symbol()), k -> new ArrayList<>()).add(new Indexed(other, index));
        }
        index++;
      }
      byIdentity.values().forEach(l -> l.sort(Comparator.comparing((Indexed i) -> i.lot().acquired()).thenComparingInt(Indexed::index)));
      purchases = byIdentity;
    }
    return purchases;
  }

  /**
   * The held shares that would replace {@code lot} if it were sold at a loss on {@code date}: shares
   * of its identical group, in any account, acquired by purchase in the 30 days up to the date,
   * not from the lot's own purchase and not already a replacement. Empty when a loss sale is safe.
   */
  public Optional<Lot> replacementFor(Lot lot, LocalDate date) {
    String identity = securities.identityOf(lot.symbol());
    List<Indexed> candidates = purchases().getOrDefault(identity, List.of());
    LocalDate from = WashSaleWindow.opens(date);
    // First lot acquired on or after `from`.
    int lo = 0;
    int hi = candidates.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (candidates.get(mid).lot().acquired().isBefore(from)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    // Of the lots in the window, the first in the books' order, as a scan of the books would find.
    Indexed first = null;
    for (int i = lo; i < candidates.size() && !candidates.get(i).lot().acquired().isAfter(date); i++) {
      Indexed c = candidates.get(i);
      // The index narrows the search to the window; the rule itself is the one the ledger applies.
      if (WashSaleReplacement.canReplace(lot, identity, date, c.lot(), securities::identityOf)
          && (first == null || c.index() < first.index())) {
        first = c;
      }
    }
    return Optional.ofNullable(first).map(Indexed::lot);
  }

  public boolean lossSaleWouldWash(Lot lot, LocalDate date) {
    return replacementFor(lot, date).isPresent();
  }

  /**
   * A loss sale of {@code symbol}'s identical group, in a taxable account within the 30 days up to
   * {@code date}, with shares not yet matched to replacements: a purchase on {@code date} would
   * wash it. Empty when a purchase is safe.
   */
  public Optional<Disposal> openLossWashedBy(Symbol symbol, LocalDate date) {
    String identity = securities.identityOf(symbol);
    for (Disposal d : openLosses()) {
      if (securities.identityOf(d.symbol()).equals(identity) && WashSaleWindow.looksBackTo(date, d.sold())) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  public boolean purchaseWouldWash(Symbol symbol, LocalDate date) {
    return openLossWashedBy(symbol, date).isPresent();
  }

  private List<Disposal> openLosses() {
    if (openLosses == null) {
      openLosses = books.disposals().stream()
          .filter(d -> d.taxable() && d.economicGain().signum() < 0 && unmatched(d).signum() > 0).toList();
    }
    return openLosses;
  }

  /** Shares of a loss sale not yet matched with replacement shares. */
  public static BigDecimal unmatched(Disposal d) {
    BigDecimal matched = d.washSales().stream().map(WashSale::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    return d.quantity().subtract(matched);
  }
}
