package dev.keel.core.rebalance;

import dev.keel.core.household.AccountId;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.List;

/**
 * One proposed order.
 *
 * @param quantity shares, whole unless the policy allows fractional shares
 * @param price the as-of price per share used to size the trade
 * @param amount {@code quantity × price} rounded to cents, as the broker's confirmation would be
 * @param lots for a sale, the lots it relieves; empty for a purchase
 * @param reason one line saying why this trade, in this account, with these lots
 */
public record Trade(AccountId account, Symbol symbol, AssetClass assetClass, Side side, BigDecimal quantity, BigDecimal price,
    BigDecimal amount, List<LotSale> lots, String reason) {

  public Trade {
    lots = List.copyOf(lots);
  }
}
