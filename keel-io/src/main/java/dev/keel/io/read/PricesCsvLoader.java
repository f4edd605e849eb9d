package dev.keel.io.read;

import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.Symbol;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads prices.csv. Columns: {@code symbol}, {@code price} (dollars per share, greater than zero)
 * and the optional {@code date}; a symbol may have many dated rows and at most one undated row.
 * The latest price on or before the valuation date is used, the undated one when none is.
 */
public final class PricesCsvLoader {

  public static final List<String> REQUIRED = List.of("symbol", "price");
  public static final List<String> OPTIONAL = List.of("date");

  private PricesCsvLoader() {}

  public static Loaded<PriceTable> load(String file, Reader reader) {
    Loaded<List<CsvTable.Row>> table = CsvTable.read(file, reader, REQUIRED, OPTIONAL);
    List<Problem> problems = new ArrayList<>(table.problems());
    PriceTable.Builder builder = PriceTable.builder().source(file);
    Map<String, Integer> seen = new HashMap<>();
    for (CsvTable.Row row : table.value().orElse(List.of())) {
      int before = problems.size();
      CsvTable.Row r = new CsvTable.Row(row.file(), row.line(), row.values(), problems);
      Optional<Symbol> symbol = r.cell("symbol").required().flatMap(x -> r.cell("symbol").id(Symbol::of, "symbol"));
      Optional<BigDecimal> price = r.cell("price").required().flatMap(x -> r.cell("price").positive());
      Optional<LocalDate> date = r.cell("date").date();
      if (problems.size() != before) {
        continue;
      }
      String key = symbol.get() + "@" + date.map(LocalDate::toString).orElse("");
      Integer first = seen.putIfAbsent(key, row.line());
      if (first != null) {
        problems.add(new Problem(file, row.line(), "symbol", symbol.get().value(),
            "has a second price" + date.map(d -> " for " + d).orElse(" without a date") + " (first on line " + first + ")"));
        continue;
      }
      builder.put(symbol.get(), date.orElse(null), price.get(), dev.keel.core.problem.SourceRef.of(file, row.line()));
    }
    return Loaded.of(builder.build(), problems);
  }
}
