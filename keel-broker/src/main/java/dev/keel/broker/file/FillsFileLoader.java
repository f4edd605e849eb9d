package dev.keel.broker.file;

import dev.keel.core.problem.Problem;
import dev.keel.io.read.CsvTable;
import dev.keel.io.read.Loaded;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the fills file a person brings back from the custodian (docs/formats.md, "fills.csv"):
 * {@code client_order_id, date, quantity, price} required; {@code fees}, {@code status},
 * {@code reason} and {@code lot_id} (for a sale, the lot the custodian relieved) optional. Several rows of one order are partial fills, booked in file order.
 */
public final class FillsFileLoader {

  static final List<String> STATUSES = List.of("filled", "canceled", "expired", "rejected");

  private FillsFileLoader() {}

  public static Loaded<List<FillRow>> load(String file, Reader reader) {
    Loaded<List<CsvTable.Row>> table = CsvTable.read(file, reader, List.of("client_order_id", "date", "quantity", "price"),
        List.of("fees", "status", "reason", "lot_id"));
    List<Problem> problems = new ArrayList<>(table.problems());
    List<FillRow> rows = new ArrayList<>();
    if (table.value().isEmpty()) {
      return Loaded.failed(problems);
    }
    for (CsvTable.Row raw : table.value().get()) {
      int before = problems.size();
      CsvTable.Row row = new CsvTable.Row(raw.file(), raw.line(), raw.values(), problems);
      Optional<String> id = row.cell("client_order_id").required();
      String status = row.cell("status").oneOf(s -> STATUSES.contains(s.toLowerCase(Locale.ROOT))
          ? Optional.of(s.toLowerCase(Locale.ROOT)) : Optional.empty(), String.join(", ", STATUSES)).orElse("filled");
      Optional<LocalDate> date = row.cell("date").required().flatMap(x -> row.cell("date").date());
      boolean ending = !status.equals("filled");
      Optional<BigDecimal> quantity = ending ? row.cell("quantity").nonNegative().or(() -> Optional.of(BigDecimal.ZERO))
          : row.cell("quantity").required().flatMap(x -> row.cell("quantity").positive());
      Optional<BigDecimal> price = ending ? row.cell("price").nonNegative().or(() -> Optional.of(BigDecimal.ZERO))
          : row.cell("price").required().flatMap(x -> row.cell("price").positive());
      BigDecimal fees = row.cell("fees").nonNegative().orElse(BigDecimal.ZERO);
      Optional<String> reason = row.cell("reason").text();
      Optional<String> lotId = row.cell("lot_id").id(dev.keel.core.ledger.LotId::of, "lot id")
          .map(dev.keel.core.ledger.LotId::value);
      if (problems.size() == before) {
        rows.add(new FillRow(id.get(), date.get(), quantity.get(), price.get(), fees, status, reason, row.line(), lotId));
      }
    }
    return problems.isEmpty() ? Loaded.of(rows, problems) : Loaded.failed(problems);
  }
}
