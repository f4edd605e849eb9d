-- The executor's write-ahead journal of each proposal's execution (one row per event, the broker's
-- answers included), and the broker fills booked into the ledger: a fill id here has its
-- transactions in ledger_transaction, written in the same database transaction, so a fill is
-- booked exactly once however often the executor is restarted.
CREATE TABLE execution_event (
  proposal_id  VARCHAR(100) NOT NULL,
  seq          INTEGER      NOT NULL,
  household_id VARCHAR(64)  NOT NULL REFERENCES household (id),
  event_type   VARCHAR(40)  NOT NULL,
  body         TEXT         NOT NULL,
  recorded_at  VARCHAR(40)  NOT NULL,
  PRIMARY KEY (proposal_id, seq)
);

CREATE TABLE booked_fill (
  household_id VARCHAR(64)  NOT NULL REFERENCES household (id),
  fill_id      VARCHAR(200) NOT NULL,
  proposal_id  VARCHAR(100) NOT NULL,
  first_seq    INTEGER      NOT NULL,
  recorded_at  VARCHAR(40)  NOT NULL,
  PRIMARY KEY (household_id, fill_id)
);
