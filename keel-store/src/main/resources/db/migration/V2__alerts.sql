-- Alerts: an outbox. An alert and one delivery per matching channel are written in the
-- transaction that caused them (so a scan never waits on a webhook); a dispatcher claims due
-- deliveries with FOR UPDATE SKIP LOCKED, sends them, and records every attempt: the delivery log.

-- A channel: household_id NULL means every household. secret signs webhook bodies (HMAC-SHA256);
-- it is never shown by the API or written to a log.
CREATE TABLE alert_channel (
  id           VARCHAR(40)  PRIMARY KEY,
  household_id VARCHAR(64),
  kind         VARCHAR(20)  NOT NULL CHECK (kind IN ('webhook', 'email')),
  target       VARCHAR(500) NOT NULL,
  secret       VARCHAR(200),
  created_at   VARCHAR(40)  NOT NULL,
  created_by   VARCHAR(100) NOT NULL
);

CREATE TABLE alert (
  id           VARCHAR(40)  PRIMARY KEY,
  household_id VARCHAR(64),
  kind         VARCHAR(40)  NOT NULL,
  subject      VARCHAR(300) NOT NULL,
  body         TEXT         NOT NULL,
  created_at   VARCHAR(40)  NOT NULL
);
CREATE INDEX alert_household ON alert (household_id, created_at);

CREATE TABLE alert_delivery (
  id              VARCHAR(40) PRIMARY KEY,
  alert_id        VARCHAR(40) NOT NULL REFERENCES alert (id),
  channel_id      VARCHAR(40) NOT NULL REFERENCES alert_channel (id),
  status          VARCHAR(20) NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER     NOT NULL,
  next_attempt_at VARCHAR(40) NOT NULL,
  last_error      TEXT,
  delivered_at    VARCHAR(40)
);
CREATE INDEX alert_delivery_due ON alert_delivery (status, next_attempt_at);

CREATE TABLE alert_attempt (
  delivery_id VARCHAR(40) NOT NULL REFERENCES alert_delivery (id),
  attempt     INTEGER     NOT NULL,
  at          VARCHAR(40) NOT NULL,
  outcome     VARCHAR(300) NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
