package dev.keel.broker.execute;

import dev.keel.core.household.LotMethod;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.LotId;
import dev.keel.core.ledger.LotSelector;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The standing method a broker relieves lots by when a sale names none ({@code broker_lot_method}),
 * with the account's open lots when the run starts. Sales booked through it name the lots the
 * broker's method relieves, so the books (and Form 8949) follow the broker's 1099-B even when the
 * household's {@code lot_method} for the account differs. The order of lots is the ledger's own
 * ({@link LotSelector}), written once.
 *
 * @param openLots the account's open lots as the ledger holds them when the run starts (every fill
 *     booked by an earlier run already relieved): {@code keel execute} replays transactions.csv first
 * @param rates the household's marginal rates (used by {@code min_tax} only)
 */
public record BrokerLots(LotMethod method, List<Lot> openLots, MarginalRates rates) {

  public BrokerLots {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rates, "rates");
    openLots = List.copyOf(openLots);
    if (method == LotMethod.SPECIFIC) {
      throw new IllegalArgumentException("a broker that relieves the lots a sale names honours lots: no method to apply");
    }
  }

  /** Relief over one run: each fill takes the lots the method orders first, from what earlier fills left. */
  Tracker tracker() {
    return new Tracker();
  }

  /** The lots left as fills are booked, in one run. */
  final class Tracker {
    private final Map<LotId, BigDecimal> left = new HashMap<>();

    private Tracker() {
      openLots.forEach(l -> left.put(l.id(), l.quantity()));
    }

    /**
     * The lots a sale of {@code quantity} shares relieves; shares beyond the open lots are left
     * out (the ledger then reports the sale as larger than the holding, as for any other sale).
     */
    List<PlannedLot> relieve(Symbol symbol, BigDecimal quantity, BigDecimal price, LocalDate date) {
      List<Lot> held = openLots.stream().filter(l -> l.symbol().equals(symbol))
          .filter(l -> left.getOrDefault(l.id(), BigDecimal.ZERO).signum() > 0).toList();
      List<PlannedLot> out = new ArrayList<>();
      BigDecimal rest = quantity;
      for (Lot lot : LotSelector.order(held, method, price, date, rates)) {
        if (rest.signum() <= 0) {
          break;
        }
        BigDecimal take = rest.min(left.get(lot.id()));
        left.merge(lot.id(), take.negate(), BigDecimal::add);
        out.add(new PlannedLot(lot.id(), take));
        rest = rest.subtract(take);
      }
      return out;
    }
  }
}
