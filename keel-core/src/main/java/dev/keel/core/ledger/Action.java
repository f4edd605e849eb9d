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
  CAP_GAIN_DISTRIBUTION("cap_gain_distribution", false);

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

  /** Whether the row acquires shares by purchase, the kind of acquisition that can wash a loss. */
  public boolean isPurchase() {
    return this == BUY || this == REINVEST;
  }

  public static Optional<Action> find(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(a -> a.code.equals(key)).findFirst();
  }
}
