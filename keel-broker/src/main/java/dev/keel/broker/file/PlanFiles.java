package dev.keel.broker.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.PlannedLot;
import dev.keel.broker.execute.PlannedTrade;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LotId;
import dev.keel.core.problem.Problem;
import dev.keel.core.rebalance.Side;
import dev.keel.core.security.Symbol;
import dev.keel.io.read.Cell;
import dev.keel.io.read.CsvTable;
import dev.keel.io.read.Loaded;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the plan to execute: a proposal as {@code keel rebalance --format json} (or
 * {@code keel harvest --format json}) writes it, or an order file as {@code --out} writes it.
 * Every problem is reported with the file and the JSON field or CSV line, all at once.
 */
public final class PlanFiles {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  /** The date an order file's plan is dated when it has no {@code as_of} column: its id depends on its rows only. */
  static final LocalDate UNDATED = LocalDate.of(1970, 1, 1);

  private PlanFiles() {}

  /** A proposal file: JSON when it starts with '{', else an order file (CSV). */
  public static Loaded<ExecutionPlan> read(String file, String content) {
    return content.stripLeading().startsWith("{") ? proposal(file, content) : orders(file, content);
  }

  /** The trades of a proposal in Keel's JSON. */
  public static Loaded<ExecutionPlan> proposal(String file, String content) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      return Loaded.failed(List.of(new Problem(file, line, null, null, "is not valid JSON: " + e.getOriginalMessage())));
    }
    LocalDate asOf = null;
    try {
      asOf = LocalDate.parse(root.path("as_of").asText(""));
    } catch (DateTimeParseException e) {
      problems.add(new Problem(file, 0, "as_of", root.path("as_of").asText(null), "is not a date; expected YYYY-MM-DD"));
    }
    JsonNode trades = root.path("trades");
    if (!trades.isArray()) {
      problems.add(new Problem(file, 0, "trades", null, "is missing; expected the proposal's list of trades"));
      return Loaded.failed(problems);
    }
    Set<String> harvestLegs = new HashSet<>();
    for (JsonNode h : root.path("harvests")) {
      harvestLegs.add(h.path("account").asText() + "|" + h.path("symbol").asText() + "|sell");
      harvestLegs.add(h.path("account").asText() + "|" + h.path("substitute").asText() + "|buy");
    }
    List<PlannedTrade> out = new ArrayList<>();
    int index = 1;
    for (JsonNode t : trades) {
      String at = "trades[" + (index - 1) + "]";
      Optional<AccountId> account = id(file, at + ".account", t.path("account").asText(""), problems, true);
      Optional<Symbol> symbol = symbol(file, at + ".symbol", t.path("symbol").asText(""), problems);
      Optional<Side> side = side(file, at + ".side", t.path("side").asText(""), problems);
      Optional<BigDecimal> quantity = positive(file, at + ".quantity", t.path("quantity"), problems);
      Optional<BigDecimal> price = t.hasNonNull("price") ? positive(file, at + ".price", t.get("price"), problems)
          : Optional.empty();
      List<PlannedLot> lots = new ArrayList<>();
      int l = 0;
      for (JsonNode lot : t.path("lots")) {
        String lat = at + ".lots[" + l++ + "]";
        String lotId = lot.path("lot_id").asText("");
        Optional<BigDecimal> q = positive(file, lat + ".quantity", lot.path("quantity"), problems);
        if (lotId.isBlank() || lotId.contains(" ")) {
          problems.add(new Problem(file, 0, lat + ".lot_id", lotId, "is not a lot id"));
        } else if (q.isPresent()) {
          lots.add(new PlannedLot(LotId.of(lotId), q.get()));
        }
      }
      if (account.isPresent() && symbol.isPresent() && side.isPresent() && quantity.isPresent()) {
        boolean harvest = harvestLegs.contains(account.get().value() + "|" + symbol.get().value() + "|" + side.get().code());
        out.add(new PlannedTrade(index, account.get(), symbol.get(), side.get(), quantity.get(), price,
            side.get() == Side.SELL ? lots : List.of(), harvest));
      }
      index++;
    }
    if (!problems.isEmpty()) {
      return Loaded.failed(problems);
    }
    return Loaded.of(ExecutionPlan.of(asOf, out), problems);
  }

  /**
   * An order file: {@code account, symbol, side, quantity} required; {@code order_type},
   * {@code limit_price}, {@code price}, {@code amount}, {@code as_of} optional. Lot columns are
   * accepted: {@code lot_id} (one lot for the whole sale) or {@code lots} ({@code ID:QTY;ID:QTY});
   * with a {@code lot_quantity} column, consecutive rows of one sale (same account, symbol, side
   * and quantity) each name one lot. Other columns starting with {@code lot} are read past.
   */
  public static Loaded<ExecutionPlan> orders(String file, String content) {
    List<String> header = headerOf(content);
    List<String> optional = new ArrayList<>(List.of("order_type", "limit_price", "price", "amount", "as_of",
        "asset_class", "short_term_gain", "long_term_gain", "reason", "lot_id", "lots", "lot_quantity"));
    for (String column : header) {
      if (column.startsWith("lot") && !optional.contains(column)) {
        optional.add(column);
      }
    }
    Loaded<List<CsvTable.Row>> table = CsvTable.read(file, new StringReader(content),
        List.of("account", "symbol", "side", "quantity"), optional);
    List<Problem> problems = new ArrayList<>(table.problems());
    if (table.value().isEmpty()) {
      return Loaded.failed(problems);
    }
    boolean lotRows = header.contains("lot_quantity");
    List<PlannedTrade> out = new ArrayList<>();
    LocalDate asOf = null;
    for (CsvTable.Row raw : table.value().get()) {
      CsvTable.Row row = new CsvTable.Row(raw.file(), raw.line(), raw.values(), problems);
      Optional<AccountId> account = row.cell("account").required()
          .flatMap(x -> row.cell("account").id(AccountId::of, "account id"));
      Optional<Symbol> symbol = row.cell("symbol").required().flatMap(x -> row.cell("symbol").id(Symbol::of, "symbol"));
      Optional<Side> side = row.cell("side").required().flatMap(x -> row.cell("side").oneOf(PlanFiles::findSide, "buy, sell"));
      Optional<BigDecimal> quantity = row.cell("quantity").required().flatMap(x -> row.cell("quantity").positive());
      row.cell("order_type").oneOf(t -> List.of("market", "limit").contains(t.toLowerCase(Locale.ROOT))
          ? Optional.of(t) : Optional.empty(), "market, limit");
      Optional<BigDecimal> price = row.cell("limit_price").positive().or(() -> row.cell("price").positive());
      Optional<LocalDate> date = row.cell("as_of").date();
      if (date.isPresent()) {
        asOf = date.get();
      }
      List<PlannedLot> lots = lots(row, side.orElse(Side.BUY), quantity.orElse(BigDecimal.ZERO), lotRows);
      if (account.isEmpty() || symbol.isEmpty() || side.isEmpty() || quantity.isEmpty()) {
        continue;
      }
      if (lotRows && !out.isEmpty()) {
        PlannedTrade last = out.get(out.size() - 1);
        if (last.account().equals(account.get()) && last.symbol().equals(symbol.get()) && last.side() == side.get()
            && last.quantity().compareTo(quantity.get()) == 0 && side.get() == Side.SELL && !lots.isEmpty()) {
          List<PlannedLot> merged = new ArrayList<>(last.lots());
          merged.addAll(lots);
          out.set(out.size() - 1, new PlannedTrade(last.index(), last.account(), last.symbol(), last.side(),
              last.quantity(), last.price(), merged, false));
          continue;
        }
      }
      out.add(new PlannedTrade(out.size() + 1, account.get(), symbol.get(), side.get(), quantity.get(), price,
          side.get() == Side.SELL ? lots : List.of(), false));
    }
    if (!problems.isEmpty()) {
      return Loaded.failed(problems);
    }
    return Loaded.of(ExecutionPlan.of(asOf == null ? UNDATED : asOf, out), problems);
  }

  private static List<PlannedLot> lots(CsvTable.Row row, Side side, BigDecimal quantity, boolean lotRows) {
    List<PlannedLot> lots = new ArrayList<>();
    Cell lotId = row.cell("lot_id");
    Cell list = row.cell("lots");
    if (side != Side.SELL) {
      return lots;
    }
    if (lotRows && lotId.text().isPresent()) {
      row.cell("lot_quantity").positive().ifPresent(q -> lots.add(new PlannedLot(LotId.of(lotId.text().get()), q)));
      return lots;
    }
    if (list.text().isPresent()) {
      for (String part : list.text().get().split(";")) {
        String[] p = part.trim().split(":");
        try {
          if (p.length == 2) {
            lots.add(new PlannedLot(LotId.of(p[0].trim()), new BigDecimal(p[1].trim())));
          } else {
            list.fail("is not a list of LOT:QUANTITY separated by ';'");
            return List.of();
          }
        } catch (IllegalArgumentException e) {
          list.fail("is not a list of LOT:QUANTITY separated by ';'");
          return List.of();
        }
      }
      return lots;
    }
    if (lotId.text().isPresent() && quantity.signum() > 0) {
      lots.add(new PlannedLot(LotId.of(lotId.text().get()), quantity));
    }
    return lots;
  }

  private static List<String> headerOf(String content) {
    try (BufferedReader r = new BufferedReader(new StringReader(content.replace("\uFEFF", "")))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        List<String> out = new ArrayList<>();
        for (String c : line.split(",")) {
          out.add(c.strip().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        return out;
      }
    } catch (IOException e) {
      // A string reader does not fail.
    }
    return List.of();
  }

  private static Optional<Side> findSide(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "buy" -> Optional.of(Side.BUY);
      case "sell" -> Optional.of(Side.SELL);
      default -> Optional.empty();
    };
  }

  private static Optional<AccountId> id(String file, String field, String text, List<Problem> problems, boolean required) {
    if (!AccountId.isValid(text)) {
      problems.add(new Problem(file, 0, field, text.isEmpty() ? null : text, text.isEmpty() ? "is missing" : "is not an account id"));
      return Optional.empty();
    }
    return Optional.of(AccountId.of(text));
  }

  private static Optional<Symbol> symbol(String file, String field, String text, List<Problem> problems) {
    if (!Symbol.isValid(text) || text.isBlank()) {
      problems.add(new Problem(file, 0, field, text.isEmpty() ? null : text, text.isEmpty() ? "is missing" : "is not a symbol"));
      return Optional.empty();
    }
    return Optional.of(Symbol.of(text));
  }

  private static Optional<Side> side(String file, String field, String text, List<Problem> problems) {
    Optional<Side> side = findSide(text);
    if (side.isEmpty()) {
      problems.add(new Problem(file, 0, field, text.isEmpty() ? null : text, "is not one of buy, sell"));
    }
    return side;
  }

  private static Optional<BigDecimal> positive(String file, String field, JsonNode node, List<Problem> problems) {
    String text = node == null || node.isMissingNode() || node.isNull() ? "" : node.asText("");
    try {
      BigDecimal value = new BigDecimal(text.trim());
      if (value.signum() > 0) {
        return Optional.of(value);
      }
      problems.add(new Problem(file, 0, field, text, "must be greater than zero"));
    } catch (NumberFormatException e) {
      problems.add(new Problem(file, 0, field, text.isEmpty() ? null : text, text.isEmpty() ? "is missing" : "is not a number"));
    }
    return Optional.empty();
  }

  /** Reads the whole of a reader (for callers holding a reader rather than text). */
  public static String text(Reader reader) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[8192];
    int n;
    while ((n = reader.read(buffer)) > 0) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }
}
