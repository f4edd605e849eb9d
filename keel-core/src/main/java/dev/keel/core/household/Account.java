package dev.keel.core.household;

import dev.keel.core.problem.SourceRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One account of the household.
 *
 * @param cash opening cash, in dollars, before any transaction is replayed
 * @param reserve cash the rebalancer must leave in the account, in dollars
 * @param tradable false for held-away accounts: they count in the allocation but are never traded
 * @param available the securities the account can buy ({@link FundMenu#ANY} when not limited)
 * @param basisReporting what the account's Form 1099-B reports, which decides each sale's Form 8949
 *     box (household.yaml {@code basis_reported}; default: basis reported to the IRS)
 */
public record Account(
    AccountId id,
    AccountType type,
    List<String> owners,
    String custodian,
    LotMethod lotMethod,
    boolean tradable,
    BigDecimal cash,
    BigDecimal reserve,
    SourceRef source,
    FundMenu available,
    BasisReporting basisReporting) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    owners = List.copyOf(owners);
    custodian = custodian == null ? "" : custodian;
    Objects.requireNonNull(lotMethod, "lotMethod");
    Objects.requireNonNull(cash, "cash");
    reserve = reserve == null ? BigDecimal.ZERO : reserve;
    source = source == null ? SourceRef.NONE : source;
    available = available == null ? FundMenu.ANY : available;
    basisReporting = basisReporting == null ? BasisReporting.REPORTED : basisReporting;
    if (cash.signum() < 0) {
      throw new IllegalArgumentException("opening cash must not be negative: " + cash);
    }
    if (reserve.signum() < 0) {
      throw new IllegalArgumentException("reserve must not be negative: " + reserve);
    }
  }

  /**
   * An account that can buy any security and whose 1099-B reports basis to the IRS (Form 8949 boxes A and D).
   */
  public Account(AccountId id, AccountType type, List<String> owners, String custodian, LotMethod lotMethod,
      boolean tradable, BigDecimal cash, BigDecimal reserve, SourceRef source) {
    this(id, type, owners, custodian, lotMethod, tradable, cash, reserve, source, FundMenu.ANY, BasisReporting.REPORTED);
  }

  /** A copy whose sales are reported as {@code value} says. */
  public Account withBasisReporting(BasisReporting value) {
    return new Account(id, type, owners, custodian, lotMethod, tradable, cash, reserve, source, available, value);
  }

  /** A tradable account with FIFO relief, no reserve and the given opening cash. */
  public static Account of(String id, AccountType type, String cash) {
    return new Account(
        AccountId.of(id), type, List.of(), "", LotMethod.FIFO, true, new BigDecimal(cash), BigDecimal.ZERO, SourceRef.NONE);
  }

  public Account withLotMethod(LotMethod method) {
    return new Account(id, type, owners, custodian, method, tradable, cash, reserve, source, available, basisReporting);
  }

  public Account withTradable(boolean value) {
    return new Account(id, type, owners, custodian, lotMethod, value, cash, reserve, source, available, basisReporting);
  }

  public Account withAvailable(FundMenu menu) {
    return new Account(id, type, owners, custodian, lotMethod, tradable, cash, reserve, source, menu, basisReporting);
  }

  public boolean taxable() {
    return type == AccountType.TAXABLE;
  }
}
