package dev.keel.imports.statement;

import java.util.Optional;

/**
 * What a statement activity is, in the custodian-neutral words of the import. Each kind either
 * maps to a ledger action faithfully or carries the reason it is not imported yet.
 */
public enum ActivityKind {
  BUY(null),
  SELL(null),
  /** Income used at once to buy shares of the security that paid it. */
  REINVEST(null),
  DIVIDEND(null),
  INTEREST(null),
  FEE(null),
  DEPOSIT(null),
  WITHDRAWAL(null),
  /**
   * Capital-gain distributions are Schedule D income (long-term whatever the holding, IRC
   * §852(b)(3)); booking them as a dividend would lose that character.
   */
  CAPITAL_GAIN_DISTRIBUTION("capital-gain distributions need their own ledger action (coming with issue 8)"),
  /** Return of capital lowers the basis of the lots held (Publication 550), which no action does yet. */
  RETURN_OF_CAPITAL("return of capital must lower the lots' basis, which no ledger action does yet (issue 8)"),
  SPLIT("splits need a ledger action that rescales the lots (coming with issue 8)"),
  TRANSFER_IN("transfers in with their basis and dates need a ledger action (coming with issue 8)"),
  TRANSFER_OUT("transfers out need a ledger action that moves lots without a sale (coming with issue 8)"),
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

  public boolean needsSecurity() {
    return this == BUY || this == SELL || this == REINVEST;
  }
}
