package dev.keel.broker.execute;

import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.LotId;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.rebalance.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns fills into ledger transactions: a buy or a sell at the actual price, quantity, fees and
 * trade date. A sale relieves the lots the proposal chose, in the proposal's order, when the broker
 * honours lot choices (an order file keyed in by a person, or {@code broker_lot_method: specific});
 * otherwise the row names no lot and the ledger relieves by the account's method.
 *
 * <p>Rounding: the gross amount of each row is left for the ledger to compute as quantity × price
 * to the cent, as a confirmation rounds it; a fill split over several lots therefore rounds each
 * part (at most half a cent per lot). Fees stay with the first row of a fill.
 */
public final class FillBooking {

  /** US equities settle and are dated in New York time. */
  public static final ZoneId MARKET_ZONE = ZoneId.of("America/New_York");

  private FillBooking() {}

  /**
   * The transactions of one fill.
   *
   * @param alreadyRelieved shares of this trade's sale already booked by earlier fills (they took
   *     the first lots)
   * @param honoursLots whether the broker relieved the lots the proposal named
   */
  public static List<Transaction> transactions(PlannedTrade trade, BigDecimal quantity, BigDecimal price, BigDecimal fees,
      Instant time, BigDecimal alreadyRelieved, boolean honoursLots, String buyLotId) {
    LocalDate date = time.atZone(MARKET_ZONE).toLocalDate();
    List<Transaction> out = new ArrayList<>();
    if (trade.side() == Side.BUY) {
      out.add(row(date, trade, Action.BUY, quantity, price, fees, Optional.of(LotId.of(buyLotId))));
      return out;
    }
    if (!honoursLots || trade.lots().isEmpty()) {
      out.add(row(date, trade, Action.SELL, quantity, price, fees, Optional.empty()));
      return out;
    }
    BigDecimal skip = alreadyRelieved;
    BigDecimal left = quantity;
    BigDecimal rowFees = fees;
    for (PlannedLot lot : trade.lots()) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal available = lot.quantity();
      if (skip.signum() > 0) {
        BigDecimal used = skip.min(available);
        available = available.subtract(used);
        skip = skip.subtract(used);
      }
      if (available.signum() <= 0) {
        continue;
      }
      BigDecimal take = left.min(available);
      out.add(row(date, trade, Action.SELL, take, price, rowFees, Optional.of(lot.lotId())));
      rowFees = BigDecimal.ZERO;
      left = left.subtract(take);
    }
    if (left.signum() > 0) {
      // The broker sold more than the proposal's lots cover: the rest by the account's method.
      out.add(row(date, trade, Action.SELL, left, price, rowFees, Optional.empty()));
    }
    return out;
  }

  private static Transaction row(LocalDate date, PlannedTrade trade, Action action, BigDecimal quantity, BigDecimal price,
      BigDecimal fees, Optional<LotId> lot) {
    return new Transaction(date, trade.account(), action, Optional.of(trade.symbol()), Optional.of(quantity),
        Optional.of(price), Optional.empty(), fees, lot, SourceRef.NONE);
  }
}
