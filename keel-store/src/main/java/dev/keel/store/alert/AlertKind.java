package dev.keel.store.alert;

import java.util.Locale;

/** What an alert is about. */
public enum AlertKind {
  BAND_BREACHED, PROPOSAL_READY, APPROVAL_NEEDED, TRADING_SOON, WASH_SALE_RISK, PROPOSAL_SUPERSEDED, PROPOSAL_EXPIRED,
  SCAN_FAILED,
  /** The broker's positions or cash differ from the ledger (reconciliation; nothing adjusted). */
  BROKER_DIFFERENCE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
