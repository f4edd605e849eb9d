package dev.keel.core.household;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How an account is taxed. IRA, 401(k), 403(b) and SEP accounts are {@link #TRADITIONAL}; Roth IRAs
 * and Roth 401(k)s are {@link #ROTH}.
 */
public enum AccountType {
  /** Gains and losses are realized and reported on Form 8949. */
  TAXABLE("taxable"),
  /** Tax-deferred: trades inside it realize nothing; withdrawals are ordinary income. */
  TRADITIONAL("traditional"),
  /** Tax-free: trades inside it realize nothing. */
  ROTH("roth"),
  /** Health savings account: federally tax-free, like a Roth for trading purposes. */
  HSA("hsa");

  private static final Map<String, AccountType> ALIASES =
      Map.ofEntries(
          Map.entry("taxable", TAXABLE),
          Map.entry("brokerage", TAXABLE),
          Map.entry("traditional", TRADITIONAL),
          Map.entry("ira", TRADITIONAL),
          Map.entry("traditional_ira", TRADITIONAL),
          Map.entry("401k", TRADITIONAL),
          Map.entry("403b", TRADITIONAL),
          Map.entry("sep", TRADITIONAL),
          Map.entry("sep_ira", TRADITIONAL),
          Map.entry("roth", ROTH),
          Map.entry("roth_ira", ROTH),
          Map.entry("roth_401k", ROTH),
          Map.entry("hsa", HSA));

  private final String code;

  AccountType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** True when a sale inside the account realizes no gain or loss for federal tax. */
  public boolean taxAdvantaged() {
    return this != TAXABLE;
  }

  /** Accepts the four codes and the common names that map onto them (ira, 401k, roth_ira, ...). */
  public static Optional<AccountType> find(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT).replace('(', '_').replace(")", "").replace(' ', '_').replace("-", "_");
    return Optional.ofNullable(ALIASES.get(key));
  }
}
