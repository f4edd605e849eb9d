-- Revisions: a household's goes up with every change to its books (a transaction, a policy
-- version); the prices' with every price stored. A loaded household is cached under both, so a
-- server reads the same books again without rendering and parsing them, and a change made by
-- any process (several servers share one database) is seen at once.
ALTER TABLE household ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE price_revision (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  revision BIGINT  NOT NULL
);
INSERT INTO price_revision (id, revision) VALUES (1, 0);
