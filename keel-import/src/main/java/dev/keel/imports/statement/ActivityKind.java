package dev.keel.imports.statement;

import java.util.Optional;

/**
 * What a statement activity is, in the custodian-neutral words of the import. Each kind either
 * maps to a ledger action faithfully or carries the reason it is not imported yet.
 */
public enum ActivityKind {
  BUY(null),
  SELL(null),
  /** Income used at once to buy shares of the security that paid it; an ordinary dividend. */
  REINVEST(null),
  /** An ordinary (non-qualified) dividend; also a short-term capital-gain distribution (Publication 550). */
  DIVIDEND(null),
  /** A qualified dividend (Form 1099-DIV box 1b), when the file says so. */
  QUALIFIED_DIVIDEND(null),
  /**
   * A long-term capital-gain distribution (Form 1099-DIV box 2a): long-term whatever the holding
   * period (IRC §852(b)(3), Publication 550).
   */
  CAPITAL_GAIN_DISTRIBUTION(null),
  /** A long-term capital-gain distribution reinvested in one row: the distribution, then a purchase. */
  REINVEST_CAPITAL_GAIN(null),
  INTEREST(null),
  FEE(null),
  DEPOSIT(null),
  WITHDRAWAL(null),
  /** A nondividend distribution: cash in, the basis of the lots held lowered (Publication 550). */
  RETURN_OF_CAPITAL(null),
  /** A split; booked when the file gives its ratio (OFX), else noted. */
  SPLIT(null),
  /** Shares received in kind; booked when they come from another account of the household. */
  TRANSFER_IN(null),
  /** Shares sent in kind; booked when they go to another account of the household. */
  TRANSFER_OUT(null),
  /** Cash moved between the core account and its money-market sweep: both are cash to Keel. */
  CASH_SWEEP("a move between cash and the sweep fund, both cash to Keel; nothing to book"),
  /** An action the reader does not know. */
  UNKNOWN("the custodian's action is not one Keel knows; book it by hand in transactions.csv if it moves cash or shares");

  private final String notImported;

  ActivityKind(String notImported) {
    this.notImported = notImported;
  }

  /** Why an activity of this kind is not imported, or empty when it maps to a ledger action. */
  public Optional<String> notImportedReason() {
    return Optional.ofNullable(notImported);
  }

  /** Kinds that move shares: a buy, a sale, a reinvestment (of income or of a capital-gain distribution). */
  public boolean needsSecurity() {
    return this == BUY || this == SELL || this == REINVEST || this == REINVEST_CAPITAL_GAIN;
  }
}
