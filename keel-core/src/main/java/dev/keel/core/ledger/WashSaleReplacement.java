package dev.keel.core.ledger;

import dev.keel.core.security.Symbol;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Which held shares can replace a loss sale (IRC §1091(a); IRS Publication 550, Wash Sales): shares
 * of the sold lot's substantially identical group, in any account of the household, acquired by
 * purchase in the 30 days up to and including the sale. Not inherited shares (no purchase), not
 * shares from the sold lot's own purchase (a lot does not replace itself, also after a transfer or
 * a partial sale split it), and not shares already serving as a replacement (each replacement share
 * serves once). The ledger's matching ({@link Replay}) and its look-ahead ({@link WashSaleRule})
 * both ask this, so they cannot disagree.
 */
final class WashSaleReplacement {

  private WashSaleReplacement() {}

  /**
   * @param sold the lot sold (or to be sold) at a loss
   * @param soldIdentity its identical group ({@code SecurityMaster.identityOf})
   * @param saleDate the sale's date
   * @param candidate a lot the household holds
   * @param identityOf the identical group of a symbol
   */
  static boolean canReplace(Lot sold, String soldIdentity, LocalDate saleDate, Lot candidate,
      Function<Symbol, String> identityOf) {
    return !candidate.inherited() && !candidate.replacement() && candidate.origin() != sold.origin()
        && identityOf.apply(candidate.symbol()).equals(soldIdentity)
        && candidate.acquired() != null && WashSaleWindow.looksBackTo(saleDate, candidate.acquired());
  }
}
