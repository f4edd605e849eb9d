package dev.keel.core.report;

import dev.keel.core.ledger.Acquisition;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.WashSaleRule;
import dev.keel.core.ledger.WashSaleWindow;
import dev.keel.core.ledger.WashSale;
import dev.keel.core.policy.ScheduledPurchase;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The open lots of a booked ledger with their unrealized gains, and the household's wash-sale
 * calendar: for each identical group, how long a loss sale would still be washed by a recent
 * purchase, and how long a purchase would still wash a recent loss.
 */
public final class LotsReporter {

  public static final LotsReporter DEFAULT = new LotsReporter();

  /**
   * @param books the ledger booked through {@code asOf}
   * @throws InvalidInputException naming each held symbol with no price on or before {@code asOf} and
   *     the accounts holding it
   */
  public LotsReport report(LedgerResult books, SecurityMaster securities, PriceTable prices, LocalDate asOf) {
    return report(books, securities, prices, asOf, List.of());
  }

  /**
   * As {@link #report(LedgerResult, SecurityMaster, PriceTable, LocalDate)}, with the purchases
   * scheduled outside Keel (policy.yaml {@code harvest.scheduled}) in the wash-sale calendar.
   */
  public LotsReport report(LedgerResult books, SecurityMaster securities, PriceTable prices, LocalDate asOf,
      List<ScheduledPurchase> scheduled) {
    List<OpenLot> open = new ArrayList<>();
    Map<Symbol, TreeSet<String>> missing = new TreeMap<>();
    List<Lot> lots = new ArrayList<>();
    for (var account : books.positions()) {
      List<Lot> own = new ArrayList<>(account.lots());
      own.sort(java.util.Comparator.comparing(Lot::symbol)
          .thenComparing(Lot::acquired, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
          .thenComparingLong(Lot::sequence));
      lots.addAll(own);
    }
    for (Lot lot : lots) {
      Optional<BigDecimal> price = prices.find(lot.symbol(), asOf);
      if (price.isEmpty()) {
        missing.computeIfAbsent(lot.symbol(), s -> new TreeSet<>()).add(lot.account().value());
        continue;
      }
      open.add(OpenLot.of(lot, price.get(), asOf));
    }
    if (!missing.isEmpty()) {
      // Worded as the drift analysis words it: the symbol and the accounts holding it.
      List<Problem> problems = missing.entrySet().stream()
          .map(e -> new Problem(prices.source(), 0, "symbol", e.getKey().value(),
              "is held (in " + String.join(", ", e.getValue()) + ") but has no price on or before " + asOf))
          .toList();
      throw new InvalidInputException(problems);
    }
    return new LotsReport(asOf, open, windows(books, securities, asOf, scheduled));
  }

  static List<WashWindow> windows(LedgerResult books, SecurityMaster securities, LocalDate asOf) {
    return windows(books, securities, asOf, List.of());
  }

  /** A purchase in the window: booked, or scheduled outside Keel (which may still be ahead). */
  private record Purchase(LocalDate date, String text) {}

  static List<WashWindow> windows(LedgerResult books, SecurityMaster securities, LocalDate asOf, List<ScheduledPurchase> scheduled) {
    LocalDate from = WashSaleWindow.opens(asOf);
    Map<String, TreeSet<String>> symbols = new TreeMap<>();
    Map<String, Purchase> lastPurchase = new TreeMap<>();
    Map<String, Disposal> lastLoss = new TreeMap<>();
    for (Acquisition a : books.acquisitions()) {
      String group = securities.identityOf(a.symbol());
      symbols.computeIfAbsent(group, g -> new TreeSet<>()).add(a.symbol().value());
      if (WashSaleWindow.looksBackTo(asOf, a.date())) {
        Purchase p = new Purchase(a.date(), "bought " + a.quantity().stripTrailingZeros().toPlainString() + " " + a.symbol()
            + " in " + a.account() + " on " + a.date());
        lastPurchase.merge(group, p, (x, y) -> y.date().isAfter(x.date()) ? y : x);
      }
    }
    // A scheduled purchase up to 30 days ahead washes a loss sold today as surely as a booked one.
    for (ScheduledPurchase s : scheduled) {
      String group = securities.identityOf(s.symbol());
      for (LocalDate d : s.between(from, WashSaleWindow.closes(asOf))) {
        symbols.computeIfAbsent(group, g -> new TreeSet<>()).add(s.symbol().value());
        Purchase p = new Purchase(d, "the scheduled " + s.kind().replace('_', ' ') + " of " + s.symbol() + " in " + s.account()
            + " on " + d + s.every().map(e -> " (repeats " + e.code() + ")").orElse(""));
        lastPurchase.merge(group, p, (x, y) -> y.date().isAfter(x.date()) ? y : x);
      }
    }
    for (Disposal d : books.disposals()) {
      String group = securities.identityOf(d.symbol());
      symbols.computeIfAbsent(group, g -> new TreeSet<>()).add(d.symbol().value());
      boolean openLoss = d.taxable() && d.economicGain().signum() < 0 && WashSaleRule.unmatched(d).signum() > 0;
      if (openLoss && WashSaleWindow.looksBackTo(asOf, d.sold())) {
        lastLoss.merge(group, d, (x, y) -> y.sold().isAfter(x.sold()) ? y : x);
      }
    }
    List<WashWindow> windows = new ArrayList<>();
    for (Map.Entry<String, TreeSet<String>> e : symbols.entrySet()) {
      String group = e.getKey();
      Purchase purchase = lastPurchase.get(group);
      Disposal loss = lastLoss.get(group);
      if (purchase == null && loss == null) {
        continue;
      }
      windows.add(new WashWindow(
          group.startsWith("=") ? group.substring(1) : group,
          List.copyOf(e.getValue()),
          Optional.ofNullable(purchase).map(p -> WashSaleWindow.closes(p.date())),
          Optional.ofNullable(purchase).map(Purchase::text),
          Optional.ofNullable(loss).map(d -> WashSaleWindow.closes(d.sold())),
          Optional.ofNullable(loss).map(d -> "sold " + d.quantity().stripTrailingZeros().toPlainString() + " " + d.symbol()
              + " at a loss of " + String.format(java.util.Locale.US, "$%,.2f", d.economicGain().negate()) + " in " + d.account() + " on " + d.sold())));
    }
    return windows;
  }
}
