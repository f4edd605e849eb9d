package dev.keel.broker.price;

import dev.keel.core.price.PriceQuote;
import dev.keel.core.price.PriceTable;
import dev.keel.core.security.Symbol;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * prices.csv as a price source: the latest price on or before the as-of date (split-adjusted as
 * the table does). An undated price counts as the as-of date's, as everywhere else in Keel.
 */
public final class PriceTableSource implements PriceSource {

  private final PriceTable table;
  private final LocalDate asOf;

  public PriceTableSource(PriceTable table, LocalDate asOf) {
    this.table = table;
    this.asOf = asOf;
  }

  @Override
  public Map<Symbol, LatestPrice> latest(Collection<Symbol> symbols) {
    Map<Symbol, LatestPrice> out = new LinkedHashMap<>();
    for (Symbol s : symbols) {
      Optional<PriceQuote> quote = table.findQuote(s, asOf);
      quote.ifPresent(q -> out.put(s, new LatestPrice(s, q.price(), q.date().orElse(asOf), Optional.empty(),
          origin(q))));
    }
    return out;
  }

  private String origin(PriceQuote q) {
    return q.source().line() > 0 ? table.source() + " line " + q.source().line() : table.source();
  }

  @Override
  public String name() {
    return table.source();
  }
}
