-- Brokerage statements imported into a household (POST /api/households/{id}/imports), and the
-- transactions.csv columns of the actions with terms, so that a transfer, a split or an employer
-- award is stored whole.

-- A split may name no account (it applies to every account holding the symbol).
ALTER TABLE ledger_transaction ALTER COLUMN account DROP NOT NULL;
ALTER TABLE ledger_transaction ADD COLUMN to_account VARCHAR(100);
ALTER TABLE ledger_transaction ADD COLUMN ratio VARCHAR(40);
ALTER TABLE ledger_transaction ADD COLUMN fmv VARCHAR(40);
ALTER TABLE ledger_transaction ADD COLUMN offering_date VARCHAR(10);
ALTER TABLE ledger_transaction ADD COLUMN offering_fmv VARCHAR(40);
ALTER TABLE ledger_transaction ADD COLUMN offering_price VARCHAR(40);
ALTER TABLE ledger_transaction ADD COLUMN reported_basis VARCHAR(40);

-- What was imported before, one row per row written (the folder's imports.csv): an import id
-- seen here is never added again, so importing a statement twice adds nothing.
CREATE TABLE statement_import (
  household_id VARCHAR(64)  NOT NULL REFERENCES household (id),
  seq          INTEGER      NOT NULL,
  import_id    VARCHAR(300) NOT NULL,
  account      VARCHAR(100),
  entry_date   DATE         NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  file_name    VARCHAR(300) NOT NULL,
  recorded_at  VARCHAR(40)  NOT NULL,
  PRIMARY KEY (household_id, seq)
);
