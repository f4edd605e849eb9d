package dev.keel.core.testkit;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fluent builder of households for tests. Each account method starts a new account; the
 * account modifiers that follow ({@link #cash}, {@link #lotMethod}, {@link #owners}, ...) apply to
 * the account started last.
 *
 * <pre>{@code
 * Household household = HouseholdBuilder.household("Lin and Wei")
 *     .rates("0.35", "0.15")
 *     .taxable("lin").owners("Lin").cash("100000").lotMethod(LotMethod.HIFO)
 *     .taxable("wei").owners("Wei").cash("100000")
 *     .traditional("wei-ira").owners("Wei")
 *     .build();
 * }</pre>
 *
 * <p>Defaults: married filing jointly at 32% short-term and 15% long-term combined marginal rates
 * ({@link TaxSettings#DEFAULT_RATES}); every account tradable, FIFO, no reserve and no opening cash.
 */
public final class HouseholdBuilder {

  private final String name;
  private final List<String> members = new ArrayList<>();
  private final List<AccountDraft> accounts = new ArrayList<>();
  private FilingStatus filingStatus = FilingStatus.MARRIED_JOINT;
  private MarginalRates rates = TaxSettings.DEFAULT_RATES;
  private boolean allowShortTermGains;
  private int longTermSoonDays = 30;
  private Optional<BigDecimal> maxNetGains = Optional.empty();

  private HouseholdBuilder(String name) {
    this.name = name;
  }

  public static HouseholdBuilder household() {
    return new HouseholdBuilder("Test household");
  }

  public static HouseholdBuilder household(String name) {
    return new HouseholdBuilder(name);
  }

  // --- household ---------------------------------------------------------------------------

  public HouseholdBuilder members(String... names) {
    members.addAll(List.of(names));
    return this;
  }

  public HouseholdBuilder filingStatus(FilingStatus status) {
    this.filingStatus = status;
    return this;
  }

  /** Combined marginal rates as fractions, e.g. {@code rates("0.35", "0.15")}. */
  public HouseholdBuilder rates(String shortTerm, String longTerm) {
    this.rates = MarginalRates.of(shortTerm, longTerm);
    return this;
  }

  public HouseholdBuilder allowShortTermGains(boolean value) {
    this.allowShortTermGains = value;
    return this;
  }

  public HouseholdBuilder longTermSoonDays(int days) {
    this.longTermSoonDays = days;
    return this;
  }

  public HouseholdBuilder maxNetGains(String dollars) {
    this.maxNetGains = Optional.of(new BigDecimal(dollars));
    return this;
  }

  // --- accounts ----------------------------------------------------------------------------

  public HouseholdBuilder account(String id, AccountType type) {
    accounts.add(new AccountDraft(id, type));
    return this;
  }

  /** Adds a ready-made account as is; modifiers do not apply to it. */
  public HouseholdBuilder account(Account account) {
    accounts.add(new AccountDraft(account));
    return this;
  }

  public HouseholdBuilder taxable(String id) {
    return account(id, AccountType.TAXABLE);
  }

  public HouseholdBuilder traditional(String id) {
    return account(id, AccountType.TRADITIONAL);
  }

  public HouseholdBuilder roth(String id) {
    return account(id, AccountType.ROTH);
  }

  public HouseholdBuilder hsa(String id) {
    return account(id, AccountType.HSA);
  }

  /** Opening cash of the current account, in dollars. */
  public HouseholdBuilder cash(String dollars) {
    current().cash = new BigDecimal(dollars);
    return this;
  }

  public HouseholdBuilder reserve(String dollars) {
    current().reserve = new BigDecimal(dollars);
    return this;
  }

  public HouseholdBuilder lotMethod(LotMethod method) {
    current().lotMethod = method;
    return this;
  }

  public HouseholdBuilder owners(String... names) {
    current().owners = List.of(names);
    return this;
  }

  public HouseholdBuilder custodian(String custodian) {
    current().custodian = custodian;
    return this;
  }

  public HouseholdBuilder heldAway() {
    current().tradable = false;
    return this;
  }

  // --- build -------------------------------------------------------------------------------

  public TaxSettings taxSettings() {
    return new TaxSettings(
        filingStatus, Optional.of(rates), Optional.empty(), Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, allowShortTermGains, longTermSoonDays, maxNetGains);
  }

  public Household build() {
    List<Account> built = accounts.stream().map(AccountDraft::build).toList();
    return new Household(name, members, taxSettings(), built, SourceRef.NONE);
  }

  private AccountDraft current() {
    if (accounts.isEmpty() || accounts.get(accounts.size() - 1).ready != null) {
      throw new IllegalStateException("start an account (taxable, traditional, roth, hsa, account) before setting its fields");
    }
    return accounts.get(accounts.size() - 1);
  }

  private static final class AccountDraft {
    final Account ready;
    final String id;
    final AccountType type;
    List<String> owners = List.of();
    String custodian = "";
    LotMethod lotMethod = LotMethod.FIFO;
    boolean tradable = true;
    BigDecimal cash = BigDecimal.ZERO;
    BigDecimal reserve = BigDecimal.ZERO;

    AccountDraft(String id, AccountType type) {
      this.ready = null;
      this.id = id;
      this.type = type;
    }

    AccountDraft(Account account) {
      this.ready = account;
      this.id = account.id().value();
      this.type = account.type();
    }

    Account build() {
      if (ready != null) {
        return ready;
      }
      return new Account(AccountId.of(id), type, owners, custodian, lotMethod, tradable, cash, reserve, SourceRef.NONE);
    }
  }
}
