package dev.keel.store.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LotId;
import dev.keel.core.rebalance.LotSale;
import dev.keel.core.rebalance.Side;
import dev.keel.core.rebalance.Trade;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored proposal's trades read back from the JSON the engine's proposal was stored as (the
 * {@code keel rebalance --format json} document), so that the engine can re-validate a subset of
 * them. The lots' figures are the cents the document holds; the ledger books by those.
 */
final class StoredTrades {

  private StoredTrades() {}

  static List<Trade> of(JsonNode body) {
    List<Trade> out = new ArrayList<>();
    for (JsonNode t : body.path("trades")) {
      Side side = t.path("side").asText().equals(Side.SELL.code()) ? Side.SELL : Side.BUY;
      List<LotSale> lots = new ArrayList<>();
      for (JsonNode l : t.path("lots")) {
        String acquired = l.path("acquired").asText("");
        Term term = l.path("term").asText().equals(Term.LONG.code()) ? Term.LONG : Term.SHORT;
        lots.add(new LotSale(LotId.of(l.path("lot_id").asText()),
            acquired.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(acquired) : null,
            decimal(l, "quantity"), decimal(l, "cost_basis"), decimal(l, "proceeds"), decimal(l, "economic_gain"), term,
            l.path("taxable").asBoolean(true), decimal(l, "disallowed_loss")));
      }
      out.add(new Trade(AccountId.of(t.path("account").asText()), Symbol.of(t.path("symbol").asText()),
          AssetClass.of(t.path("asset_class").asText()), side, decimal(t, "quantity"), decimal(t, "price"),
          decimal(t, "amount"), lots, t.path("reason").asText("")));
    }
    return out;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? BigDecimal.ZERO : new BigDecimal(v.asText());
  }
}
