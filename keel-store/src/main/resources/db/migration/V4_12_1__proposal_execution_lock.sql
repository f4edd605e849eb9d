-- Who is executing a proposal now: one row while an execution runs, deleted when it ends. A second
-- execution of the same proposal finds the row and is refused (409) instead of running a second
-- executor beside the first. The row expires (expires_at) so that a server killed mid-execution
-- does not lock its proposal for ever.
CREATE TABLE proposal_execution_lock (
  proposal_id VARCHAR(40)  PRIMARY KEY REFERENCES proposal (id),
  token       VARCHAR(64)  NOT NULL,
  holder      VARCHAR(200) NOT NULL,
  acquired_at VARCHAR(40)  NOT NULL,
  expires_at  VARCHAR(40)  NOT NULL
);
