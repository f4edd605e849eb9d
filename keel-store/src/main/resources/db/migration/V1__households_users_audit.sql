-- Keel's schema. One set of plain-SQL migrations for PostgreSQL and for H2 in PostgreSQL mode:
-- only types and statements both understand. Never edit a released migration; add a new one.
--
-- Decimal amounts (shares, dollars, prices) are stored as their decimal text, exactly as the
-- loaders parsed them: both databases then keep the scale the user wrote (NUMERIC without a
-- scale behaves differently in the two), and every calculation happens in BigDecimal in Java.
-- Instants are ISO-8601 UTC text for the same reason, and because the audit chain hashes them.

CREATE TABLE household (
  id             VARCHAR(64)  PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  household_yaml TEXT         NOT NULL,
  created_at     VARCHAR(40)  NOT NULL
);

-- The IPS as versions: the version in force on a date is the latest whose effective_date is on
-- or before it.
CREATE TABLE policy_version (
  household_id   VARCHAR(64) NOT NULL REFERENCES household (id),
  version        INTEGER     NOT NULL,
  effective_date DATE        NOT NULL,
  policy_yaml    TEXT        NOT NULL,
  created_at     VARCHAR(40) NOT NULL,
  created_by     VARCHAR(100) NOT NULL,
  PRIMARY KEY (household_id, version),
  UNIQUE (household_id, effective_date)
);

CREATE TABLE opening_lot (
  household_id VARCHAR(64)  NOT NULL REFERENCES household (id),
  position     INTEGER      NOT NULL,
  account      VARCHAR(100) NOT NULL,
  symbol       VARCHAR(20)  NOT NULL,
  quantity     VARCHAR(40)  NOT NULL,
  cost_basis   VARCHAR(40)  NOT NULL,
  acquired     VARCHAR(30)  NOT NULL,
  lot_id       VARCHAR(100),
  PRIMARY KEY (household_id, position)
);

-- Append-only: a row is never updated or deleted. A correction is a new row whose corrects_seq
-- names the row it replaces (at most one correction per row: a second one corrects the first
-- correction); the corrected row stays visible. position orders rows within a day, as the file
-- order did; a correction takes the position of the row it corrects.
CREATE TABLE ledger_transaction (
  household_id VARCHAR(64)  NOT NULL REFERENCES household (id),
  seq          INTEGER      NOT NULL,
  position     INTEGER      NOT NULL,
  trade_date   DATE         NOT NULL,
  account      VARCHAR(100) NOT NULL,
  action       VARCHAR(20)  NOT NULL,
  symbol       VARCHAR(20),
  quantity     VARCHAR(40),
  price        VARCHAR(40),
  amount       VARCHAR(40),
  fees         VARCHAR(40),
  lot_id       VARCHAR(100),
  corrects_seq INTEGER,
  recorded_at  VARCHAR(40)  NOT NULL,
  recorded_by  VARCHAR(100) NOT NULL,
  PRIMARY KEY (household_id, seq),
  UNIQUE (household_id, corrects_seq)
);

-- Prices are market facts shared by every household: by symbol and date. A row without a date
-- (a folder's prices.csv may have one per symbol) is the fallback when no dated price is known.
CREATE TABLE price (
  symbol     VARCHAR(20) NOT NULL,
  price_date DATE        NOT NULL,
  price      VARCHAR(40) NOT NULL,
  PRIMARY KEY (symbol, price_date)
);

CREATE TABLE undated_price (
  symbol VARCHAR(20) PRIMARY KEY,
  price  VARCHAR(40) NOT NULL
);

CREATE TABLE app_user (
  id         VARCHAR(40)  PRIMARY KEY,
  name       VARCHAR(100) NOT NULL UNIQUE,
  role       VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'advisor', 'client')),
  password_hash VARCHAR(200),
  created_at VARCHAR(40)  NOT NULL
);

CREATE TABLE user_household (
  user_id      VARCHAR(40) NOT NULL REFERENCES app_user (id),
  household_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (user_id, household_id)
);

-- Only the SHA-256 of a token is kept: a stolen table does not let anyone in.
CREATE TABLE api_token (
  token_hash VARCHAR(64) PRIMARY KEY,
  user_id    VARCHAR(40) NOT NULL REFERENCES app_user (id),
  created_at VARCHAR(40) NOT NULL,
  revoked    BOOLEAN     NOT NULL DEFAULT FALSE
);

-- The audit trail: append-only and hash-chained. hash = SHA-256 of the previous event's hash and
-- this event's fields, so an edited, inserted or deleted row breaks the chain. audit_head holds
-- the last event's seq and hash; it is locked (SELECT ... FOR UPDATE) by every append, which
-- keeps the chain linear with several server processes, and it exposes a deleted last row.
CREATE TABLE audit_event (
  seq          BIGINT       PRIMARY KEY,
  at           VARCHAR(40)  NOT NULL,
  actor        VARCHAR(100) NOT NULL,
  action       VARCHAR(60)  NOT NULL,
  entity_type  VARCHAR(40)  NOT NULL,
  entity_id    VARCHAR(100) NOT NULL,
  household_id VARCHAR(64),
  state        TEXT         NOT NULL,
  prev_hash    VARCHAR(64)  NOT NULL,
  hash         VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_event_household ON audit_event (household_id, seq);

CREATE TABLE audit_head (
  id   INTEGER     PRIMARY KEY CHECK (id = 1),
  seq  BIGINT      NOT NULL,
  hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Daily scans. One scan per as-of date; one result per household per as-of date (the primary
-- key makes a rerun or a restart idempotent). Workers claim pending results with
-- SELECT ... FOR UPDATE SKIP LOCKED, so two servers never scan one household twice.
CREATE TABLE scan (
  id           VARCHAR(40) PRIMARY KEY,
  as_of        DATE        NOT NULL UNIQUE,
  requested_by VARCHAR(100) NOT NULL,
  created_at   VARCHAR(40) NOT NULL
);

CREATE TABLE scan_result (
  household_id VARCHAR(64) NOT NULL REFERENCES household (id),
  as_of        DATE        NOT NULL,
  scan_id      VARCHAR(40) NOT NULL REFERENCES scan (id),
  status       VARCHAR(20) NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  check_due    BOOLEAN,
  breached     BOOLEAN,
  proposal_id  VARCHAR(40),
  problem      TEXT,
  finished_at  VARCHAR(40),
  finished_by  VARCHAR(100),
  PRIMARY KEY (household_id, as_of)
);
CREATE INDEX scan_result_pending ON scan_result (as_of, status);

-- Scan history: drift per asset class per date, for charts.
CREATE TABLE scan_drift (
  household_id VARCHAR(64) NOT NULL,
  as_of        DATE        NOT NULL,
  asset_class  VARCHAR(60) NOT NULL,
  target       VARCHAR(40) NOT NULL,
  actual       VARCHAR(40) NOT NULL,
  drift        VARCHAR(40) NOT NULL,
  breached     BOOLEAN     NOT NULL,
  PRIMARY KEY (household_id, as_of, asset_class)
);

-- Proposals. body is the engine's proposal as `keel rebalance --format json` writes it;
-- fingerprint is the SHA-256 of the books it was made from (household, policy in force, lots,
-- transactions), so an approval can tell whether they changed. version is the ETag.
-- scan_key (household|as_of) is set for scan proposals only: at most one per household per
-- date. submitted/executed/partly_executed/failed belong to execution (the broker module).
CREATE TABLE proposal (
  id            VARCHAR(40) PRIMARY KEY,
  household_id  VARCHAR(64) NOT NULL REFERENCES household (id),
  as_of         DATE        NOT NULL,
  status        VARCHAR(20) NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'superseded', 'expired',
                                                      'submitted', 'executed', 'partly_executed', 'failed')),
  version       INTEGER     NOT NULL,
  mode          VARCHAR(20) NOT NULL CHECK (mode IN ('dry_run', 'approve', 'auto')),
  origin        VARCHAR(20) NOT NULL CHECK (origin IN ('scan', 'request', 'recheck')),
  scan_key      VARCHAR(100) UNIQUE,
  body          TEXT        NOT NULL,
  fingerprint   VARCHAR(64) NOT NULL,
  trade_count   INTEGER     NOT NULL,
  approve_after VARCHAR(40),
  created_at    VARCHAR(40) NOT NULL,
  created_by    VARCHAR(100) NOT NULL,
  decided_at    VARCHAR(40),
  decided_by    VARCHAR(100),
  note          TEXT,
  superseded_by VARCHAR(40)
);
CREATE INDEX proposal_household ON proposal (household_id, status);
