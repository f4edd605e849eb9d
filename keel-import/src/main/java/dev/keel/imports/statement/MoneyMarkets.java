package dev.keel.imports.statement;

import java.util.Locale;
import java.util.Set;

/**
 * The money-market funds custodians sweep uninvested cash into. Their shares are kept at $1.00
 * and bought and sold automatically as cash comes and goes, so Keel counts them as the account's
 * cash: buying or selling one moves cash to cash, and a position in one is cash.
 */
public final class MoneyMarkets {

  /** Core and settlement funds of Fidelity, Schwab and Vanguard. */
  static final Set<String> SWEEP_TICKERS = Set.of("SPAXX", "FDRXX", "FZFXX", "SPRXX", "FCASH", "CORE", "SWVXX", "SNVXX", "SNOXX",
      "SWGXX", "VMFXX", "VMRXX", "VUSXX");

  private MoneyMarkets() {}

  /**
   * Whether a security is a sweep money-market fund: a known core or settlement fund, or a fund
   * whose name says "money market" or "cash reserves" (the OFX specification has no flag for it).
   */
  public static boolean isSweep(String ticker, String name) {
    String t = ticker == null ? "" : ticker.trim().toUpperCase(Locale.ROOT).replace("*", "");
    String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
    return SWEEP_TICKERS.contains(t) || n.contains("MONEY MARKET") || n.contains("MONEY MKT") || n.contains("CASH RESERVES");
  }
}
