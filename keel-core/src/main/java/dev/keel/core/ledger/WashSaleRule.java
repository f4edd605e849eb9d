package dev.keel.core.ledger;

import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Looks ahead with the ledger's own wash-sale rule (see {@link Replay}): would a trade made on a
 * date create a wash sale, given everything the household has booked? Used by the rebalancer and
 * the harvester so that they never propose one.
 */
public final class WashSaleRule {

  /** The window on each side of a sale; kept for callers, the window is {@link WashSaleWindow}'s. */
  public static final int WINDOW_DAYS = WashSaleWindow.DAYS;

  private final LedgerResult books;
  private final SecurityMaster securities;

  public WashSaleRule(LedgerResult books, SecurityMaster securities) {
    this.books = books;
    this.securities = securities;
  }

  /**
   * The held shares that would replace {@code lot} if it were sold at a loss on {@code date}: shares
   * of its identical group, in any account, acquired by purchase in the 30 days up to the date,
   * not from the lot's own purchase and not already a replacement. Empty when a loss sale is safe.
   */
  public Optional<Lot> replacementFor(Lot lot, LocalDate date) {
    String identity = securities.identityOf(lot.symbol());
    for (Lot other : books.lots()) {
      if (WashSaleReplacement.canReplace(lot, identity, date, other, securities::identityOf)) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  public boolean lossSaleWouldWash(Lot lot, LocalDate date) {
    return replacementFor(lot, date).isPresent();
  }

  /**
   * A loss sale of {@code symbol}'s identical group, in a taxable account within the 30 days up to
   * {@code date}, with shares not yet matched to replacements: a purchase on {@code date} would
   * wash it. Empty when a purchase is safe.
   */
  public Optional<Disposal> openLossWashedBy(Symbol symbol, LocalDate date) {
    String identity = securities.identityOf(symbol);
    for (Disposal d : openLosses()) {
      if (securities.identityOf(d.symbol()).equals(identity) && WashSaleWindow.looksBackTo(date, d.sold())) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  public boolean purchaseWouldWash(Symbol symbol, LocalDate date) {
    return openLossWashedBy(symbol, date).isPresent();
  }

  private List<Disposal> openLosses() {
    return books.disposals().stream().filter(d -> d.taxable() && d.economicGain().signum() < 0 && unmatched(d).signum() > 0).toList();
  }

  /** Shares of a loss sale not yet matched with replacement shares. */
  public static BigDecimal unmatched(Disposal d) {
    BigDecimal matched = d.washSales().stream().map(WashSale::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    return d.quantity().subtract(matched);
  }
}
