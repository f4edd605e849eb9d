package dev.keel.core.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a transaction row does. */
public enum Action {
  /** Buy shares: cash out {@code amount + fees}, a new lot with that basis. */
  BUY("buy", true),
  /** Sell shares: lots relieved, cash in {@code amount - fees}. */
  SELL("sell", true),
  /** Cash in from outside the household's accounts. */
  DEPOSIT("deposit", false),
  /** Cash out of the account. */
  WITHDRAWAL("withdrawal", false),
  /** A cash dividend. */
  DIVIDEND("dividend", false),
  /** A dividend used at once to buy shares: a purchase for every tax purpose, wash sales included. */
  REINVEST("reinvest", true),
  /** Interest paid in cash. */
  INTEREST("interest", false),
  /** A fee charged to the account's cash. */
  FEE("fee", false),
  /**
   * Shares received by inheritance: basis is {@code amount} (the value at death) plus any fees,
   * and the lot is long-term whatever its dates (IRC §1223(9)); no cash moves but the fees.
   */
  INHERIT("inherit", true),
  /**
   * A cash dividend that is a qualified dividend (Form 1099-DIV box 1b): taxed at the long-term
   * capital gain rates (IRC §1(h)(11), Publication 550). A plain {@code dividend} is ordinary.
   */
  QUALIFIED_DIVIDEND("qualified_dividend", false),
  /**
   * A capital gain distribution paid in cash (Form 1099-DIV box 2a): a long-term capital gain
   * whatever the holding period of the fund's shares (Publication 550, "Capital Gain
   * Distributions").
   */
  CAP_GAIN_DISTRIBUTION("cap_gain_distribution", false),
  /**
   * Shares moved in kind to another account of the household ({@code to_account}): basis,
   * acquisition and holding-period dates and wash-sale adjustments go with them; no cash moves.
   */
  TRANSFER("transfer", false),
  /**
   * A stock split or reverse split ({@code ratio} new:old) of every open lot of the symbol, in every
   * account or in the one named: quantities change, total basis and holding periods do not.
   */
  SPLIT("split", false),
  /** Restricted stock units vesting: basis = fair market value at vest (wages); no cash moves. */
  RSU_VEST("rsu_vest", true),
  /**
   * Shares bought through an employee stock purchase plan with payroll deductions: basis = price
   * paid; no cash of the account moves. Its offering facts decide the ordinary income at sale.
   */
  ESPP_PURCHASE("espp_purchase", true),
  /** A nondividend distribution: cash in, the basis of the symbol's lots reduced, any excess a gain. */
  RETURN_OF_CAPITAL("return_of_capital", false);

  private final String code;
  private final boolean movesShares;

  Action(String code, boolean movesShares) {
    this.code = code;
    this.movesShares = movesShares;
  }

  public String code() {
    return code;
  }

  public boolean movesShares() {
    return movesShares;
  }

  /**
   * Whether the row acquires shares by purchase, the kind of acquisition that can wash a loss. RSU
   * vests and ESPP purchases count: shares acquired as pay are treated as acquired by purchase for
   * the wash-sale rule, as brokers do on Form 1099-B (the cautious reading of IRC §1091).
   */
  public boolean isPurchase() {
    return this == BUY || this == REINVEST || this == RSU_VEST || this == ESPP_PURCHASE;
  }

  /** Whether the row must name a security of the policy. */
  public boolean needsSymbol() {
    return movesShares || this == TRANSFER || this == SPLIT || this == RETURN_OF_CAPITAL;
  }

  public static Optional<Action> find(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(a -> a.code.equals(key)).findFirst();
  }
}
