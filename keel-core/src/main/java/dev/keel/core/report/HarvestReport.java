package dev.keel.core.report;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The losses harvested in a tax year and what they were worth.
 *
 * @param harvests each harvest: the loss sale and the substitute bought the same day
 * @param lossByAccount deductible loss harvested per account, a positive number of dollars
 * @param totalLoss deductible loss harvested in all, a positive number (wash-sale adjustments taken off)
 * @param taxValue tax the harvested losses save on this year's return, estimated
 * @param carryforward capital loss carried to next year (all losses of the year, harvested or not)
 */
public record HarvestReport(int year, List<Entry> harvests, Map<AccountId, BigDecimal> lossByAccount, BigDecimal totalLoss,
    BigDecimal taxValue, BigDecimal carryforward, String method) {

  public HarvestReport {
    harvests = List.copyOf(harvests);
    lossByAccount = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lossByAccount));
  }

  /**
   * One harvest found in the ledger.
   *
   * @param deductibleLoss the loss left after the wash-sale rule, a positive number of dollars
   */
  public record Entry(Disposal sale, Symbol substitute, BigDecimal deductibleLoss) {

    /** The loss before the wash-sale rule, a positive number of dollars. */
    public BigDecimal loss() {
      return sale.economicGain().negate();
    }

    /** The part of the loss a purchase in an IRA, Roth, 401(k) or HSA disallowed for good (Rev. Rul. 2008-5). */
    public BigDecimal lostForGood() {
      return sale.permanentlyDisallowed();
    }

    /** The part of the loss deferred into the basis of replacement shares in a taxable account. */
    public BigDecimal deferred() {
      return sale.disallowed().subtract(sale.permanentlyDisallowed());
    }
  }

  /** Loss disallowed for good, over all harvests, a positive number of dollars. */
  public BigDecimal totalLostForGood() {
    return harvests.stream().map(Entry::lostForGood).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Loss deferred into replacement shares' basis, over all harvests. */
  public BigDecimal totalDeferred() {
    return harvests.stream().map(Entry::deferred).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
