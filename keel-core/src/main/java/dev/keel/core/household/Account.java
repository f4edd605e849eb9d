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
    FundMenu available) {

  /** An account that can buy any security. */
  public Account(AccountId id, AccountType type, List<String> owners, String custodian, LotMethod lotMethod, boolean tradable,
      BigDecimal cash, BigDecimal reserve, SourceRef source) {
    this(id, type, owners, custodian, lotMethod, tradable, cash, reserve, source, FundMenu.ANY);
  }

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
    if (cash.signum() < 0) {
      throw new IllegalArgumentException("opening cash must not be negative: " + cash);
    }
    if (reserve.signum() < 0) {
      throw new IllegalArgumentException("reserve must not be negative: " + reserve);
    }
  }

  /** A tradable account with FIFO relief, no reserve and the given opening cash. */
  public static Account of(String id, AccountType type, String cash) {
    return new Account(
        AccountId.of(id), type, List.of(), "", LotMethod.FIFO, true, new BigDecimal(cash), BigDecimal.ZERO, SourceRef.NONE);
  }

  public Account withLotMethod(LotMethod method) {
    return new Account(id, type, owners, custodian, method, tradable, cash, reserve, source, available);
  }

  public Account withTradable(boolean value) {
    return new Account(id, type, owners, custodian, lotMethod, value, cash, reserve, source, available);
  }

  public Account withAvailable(FundMenu menu) {
    return new Account(id, type, owners, custodian, lotMethod, tradable, cash, reserve, source, menu);
  }

  public boolean taxable() {
    return type == AccountType.TAXABLE;
  }
}
