package dev.keel.core.rebalance;

import dev.keel.core.household.Account;
import dev.keel.core.ledger.WashSaleWindow;
import dev.keel.core.policy.ScheduledPurchase;
import dev.keel.core.security.SecurityMaster;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A purchase scheduled outside Keel ({@code harvest.scheduled}) that falls within 30 days before or
 * after a loss sale of its identical group on the as-of date: it washes that loss as surely as a
 * trade (IRC §1091(a); Publication 550, "Wash Sales"), so Keel treats it as a purchase that will
 * happen. When the purchase is made in an IRA, Roth IRA, 401(k) or HSA the disallowed loss is not
 * added to any basis the household can use: it is lost for good (Rev. Rul. 2008-5).
 *
 * <p>Keel does not know how many shares a contribution buys, so it assumes the whole loss is
 * washed: the safe assumption for a recurring contribution.
 *
 * @param purchase the schedule entry
 * @param date the dated purchase inside the window (the first one)
 * @param permanent the purchase is in a tax-advantaged account: the loss is lost, not deferred
 */
record ScheduledWash(ScheduledPurchase purchase, LocalDate date, boolean permanent) {

  /** The first scheduled purchase of {@code identity} within 30 days of {@code saleDate}, either side. */
  static Optional<ScheduledWash> find(RebalanceRequest request, String identity, SecurityMaster securities, LocalDate saleDate) {
    LocalDate from = WashSaleWindow.opens(saleDate);
    LocalDate to = WashSaleWindow.closes(saleDate);
    List<ScheduledWash> hits = new ArrayList<>();
    for (ScheduledPurchase p : request.data().policy().harvest().scheduled()) {
      if (!securities.identityOf(p.symbol()).equals(identity)) {
        continue;
      }
      List<LocalDate> dates = p.between(from, to);
      if (!dates.isEmpty()) {
        boolean permanent = request.data().household().findAccount(p.account()).map(Account::type)
            .map(t -> t.taxAdvantaged()).orElse(false);
        hits.add(new ScheduledWash(p, dates.get(0), permanent));
      }
    }
    // A purchase that loses the loss for good matters more than one that defers it.
    return hits.stream().filter(ScheduledWash::permanent).findFirst().or(() -> hits.stream().findFirst());
  }

  /** Until when the purchase must be switched off for a sale on {@code saleDate} to keep its loss. */
  LocalDate switchOffThrough(LocalDate saleDate) {
    return WashSaleWindow.closes(saleDate);
  }

  /** One sentence: which purchase, when, what it does to the loss. */
  String describe(LocalDate saleDate) {
    String kind = purchase.kind().replace('_', ' ');
    String what = "the scheduled " + kind + " of " + purchase.symbol() + " in " + purchase.account() + " on " + date;
    if (!date.isBefore(saleDate)) {
      return what + " would wash this loss" + (permanent ? " permanently (Rev. Rul. 2008-5)" : "")
          + ": switch it off through " + switchOffThrough(saleDate);
    }
    return what + ", within the 30 days before the sale, washes this loss"
        + (permanent ? " permanently (Rev. Rul. 2008-5)" : "") + " (if it was made)";
  }
}
