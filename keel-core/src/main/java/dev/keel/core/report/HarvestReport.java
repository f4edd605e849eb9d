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

  /** One harvest found in the ledger. */
  public record Entry(Disposal sale, Symbol substitute, BigDecimal deductibleLoss) {}
}
