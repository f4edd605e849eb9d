package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One match of the wash-sale rule (IRC §1091): part of a loss sale matched with replacement shares
 * acquired within 30 days before or after it, in any account of the household.
 *
 * @param quantity shares of the loss sale matched with these replacement shares
 * @param disallowed the loss, in dollars, that may not be deducted because of this match
 * @param permanent true when the replacement was bought in an IRA, Roth, HSA or 401(k): the loss
 *     is lost for good and the replacement's basis is not raised (Rev. Rul. 2008-5)
 * @param tackedDays the sold lot's holding period added to the replacement's (0 when permanent)
 */
public record WashSale(
    AccountId saleAccount,
    Symbol saleSymbol,
    LotId soldLot,
    LocalDate saleDate,
    AccountId replacementAccount,
    Symbol replacementSymbol,
    LotId replacementLot,
    LocalDate replacementAcquired,
    BigDecimal quantity,
    BigDecimal disallowed,
    boolean permanent,
    long tackedDays) {

  /** One sentence for reports: how this adjustment came about. */
  public String explain() {
    String when = replacementAcquired.isAfter(saleDate) ? "after" : (replacementAcquired.isBefore(saleDate) ? "before" : "on the day of");
    String tail = permanent
        ? "; the replacement is in a tax-advantaged account, so the loss is disallowed permanently and its basis is not raised (Rev. Rul. 2008-5)"
        : "; added to the basis of lot " + replacementLot + " with " + tackedDays + " days of holding period";
    return "loss of " + String.format(java.util.Locale.US, "$%,.2f", disallowed) + " on " + quantity.stripTrailingZeros().toPlainString() + " " + saleSymbol
        + " sold " + saleDate + " in " + saleAccount + " washed by " + replacementSymbol + " bought " + replacementAcquired
        + " (" + when + " the sale) in " + replacementAccount + tail;
  }
}
