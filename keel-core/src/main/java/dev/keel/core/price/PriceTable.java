package dev.keel.core.price;

import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import dev.keel.core.money.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Closing prices per symbol, in dollars per share. A symbol may have dated prices (the latest on or
 * before the valuation date is used) and one undated price (used when no dated price qualifies).
 * Each price keeps its date and row, so that a report can say how old the price it used is.
 *
 * <p>Splits known to the household ({@link #withSplit}) are applied to dated prices: a price dated
 * before a split and read on or after its date is divided by the split's ratio, so that it prices
 * the post-split shares the ledger holds then (to 34 significant digits). An undated price is taken
 * as current.
 */
public final class PriceTable {

  private final Map<Symbol, NavigableMap<LocalDate, PriceQuote>> dated;
  private final Map<Symbol, PriceQuote> undated;
  private final String source;
  /** Per symbol: the date each split takes effect and its ratio, new shares per old share. */
  private final Map<Symbol, NavigableMap<LocalDate, BigDecimal>> splits = new HashMap<>();

  private PriceTable(Map<Symbol, NavigableMap<LocalDate, PriceQuote>> dated, Map<Symbol, PriceQuote> undated, String source) {
    this.dated = dated;
    this.undated = undated;
    this.source = source;
  }

  /** Where the prices came from (a file name), for messages about missing prices. */
  public String source() {
    return source;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Undated prices from alternating symbol and price strings: {@code of("VTI", "250", "BND", "72")}. */
  public static PriceTable of(String... symbolPricePairs) {
    Builder builder = builder();
    for (int i = 0; i < symbolPricePairs.length; i += 2) {
      builder.put(Symbol.of(symbolPricePairs[i]), null, new BigDecimal(symbolPricePairs[i + 1]));
    }
    return builder.build();
  }

  public Optional<BigDecimal> find(Symbol symbol, LocalDate asOf) {
    return findQuote(symbol, asOf).map(PriceQuote::price);
  }

  /** The quote {@link #find} uses: the latest dated on or before {@code asOf}, else the undated one. */
  public Optional<PriceQuote> findQuote(Symbol symbol, LocalDate asOf) {
    NavigableMap<LocalDate, PriceQuote> series = dated.get(symbol);
    if (series != null) {
      Map.Entry<LocalDate, PriceQuote> entry = series.floorEntry(asOf);
      if (entry != null) {
        return Optional.of(splitAdjusted(symbol, entry.getKey(), asOf, entry.getValue()));
      }
    }
    return Optional.ofNullable(undated.get(symbol));
  }

  /**
   * The same prices, knowing that {@code symbol} split on {@code effective}: {@code newShares} for
   * every {@code oldShares}. Prices dated on or after {@code effective} are taken as post-split.
   */
  public PriceTable withSplit(Symbol symbol, LocalDate effective, BigDecimal newShares, BigDecimal oldShares) {
    PriceTable copy = new PriceTable(dated, undated, source);
    splits.forEach((s, m) -> copy.splits.put(s, new TreeMap<>(m)));
    BigDecimal ratio = newShares.divide(oldShares, Decimals.RATIO);
    copy.splits.computeIfAbsent(symbol, s -> new TreeMap<>()).put(effective, ratio);
    return copy;
  }

  /** The quote with its price divided by every split after its date up to {@code asOf}; date and row kept. */
  private PriceQuote splitAdjusted(Symbol symbol, LocalDate priced, LocalDate asOf, PriceQuote quote) {
    NavigableMap<LocalDate, BigDecimal> known = splits.get(symbol);
    if (known == null || !priced.isBefore(asOf)) {
      return quote;
    }
    BigDecimal price = quote.price();
    BigDecimal adjusted = price;
    for (BigDecimal ratio : known.subMap(priced, false, asOf, true).values()) {
      adjusted = adjusted.divide(ratio, Decimals.RATIO);
    }
    return adjusted.compareTo(price) == 0
        ? quote
        : new PriceQuote(quote.symbol(), Decimals.normalize(adjusted), quote.date(), quote.source());
  }

  public BigDecimal get(Symbol symbol, LocalDate asOf) {
    return find(symbol, asOf)
        .orElseThrow(() -> new IllegalArgumentException("no price for " + symbol + " on or before " + asOf));
  }

  public Set<Symbol> symbols() {
    Set<Symbol> all = new java.util.TreeSet<>(dated.keySet());
    all.addAll(undated.keySet());
    return all;
  }

  /** Collects prices; a later price for the same symbol and date replaces an earlier one. */
  public static final class Builder {
    private final Map<Symbol, NavigableMap<LocalDate, PriceQuote>> dated = new HashMap<>();
    private final Map<Symbol, PriceQuote> undated = new HashMap<>();
    private String source = "prices.csv";

    public Builder source(String name) {
      this.source = name;
      return this;
    }

    public Builder put(Symbol symbol, LocalDate date, BigDecimal price) {
      return put(symbol, date, price, SourceRef.of(source, 0));
    }

    /** A price read from {@code row}; {@code date} null for the symbol's undated price. */
    public Builder put(Symbol symbol, LocalDate date, BigDecimal price, SourceRef row) {
      PriceQuote quote = new PriceQuote(symbol, price, Optional.ofNullable(date), row);
      if (date == null) {
        undated.put(symbol, quote);
      } else {
        dated.computeIfAbsent(symbol, s -> new TreeMap<>()).put(date, quote);
      }
      return this;
    }

    public PriceTable build() {
      Map<Symbol, NavigableMap<LocalDate, PriceQuote>> copy = new HashMap<>();
      dated.forEach((s, m) -> copy.put(s, new TreeMap<>(m)));
      return new PriceTable(copy, new HashMap<>(undated), source);
    }
  }
}
