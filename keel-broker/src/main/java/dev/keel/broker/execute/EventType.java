package dev.keel.broker.execute;

/** What a journal entry records. */
public enum EventType {
  /** The run began: the plan's trades were read (first run only). */
  PLANNED,
  /** About to place an order under a client order id: written before the request is sent. */
  SUBMITTING,
  /** The broker has the order (its answer to the placement, or found by client order id). */
  ACKNOWLEDGED,
  /** The broker refused the order: its status and reason. */
  REJECTED,
  /** The placement's outcome is unknown (timeout, 5xx) and the order could not be found yet. */
  IN_DOUBT,
  /** The order's status and filled quantity as the broker last reported them. */
  ORDER_STATE,
  /** Keel asked the broker to cancel the order. */
  CANCEL_REQUESTED,
  /** One execution reported by the broker. */
  FILL,
  /** Fills written to the ledger (transactions.csv or the store). */
  BOOKED,
  /** A trade not placed in this run, and why (price moved, not fractionable, waiting for cash...). */
  SKIPPED,
  /** The account's remaining trades are stopped for this proposal, and why. */
  HALTED
}
