-- 0021: master data pulled from the head office (main/master-data/). An enrolled counter receives
-- meters, customers, tariff schedule versions, tariff groups and its own users as changes after a
-- cursor, and applies each page together with the cursor in one transaction.
--
-- 1. The pull's state: one row. The cursor is the last head-office version applied; the error is
--    the record a page stopped at (its key, in both languages), shown on the sync status until a
--    later pull gets past it. enrolled_at: the head-office credentials came from enrolment, so the
--    head office owns this counter's master data (main/master-data/owner.ts).
CREATE TABLE master_data_sync (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  cursor          INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  enrolled_at     TEXT,
  last_pull_at    TEXT,
  last_success_at TEXT,
  error_json      TEXT CHECK (error_json IS NULL OR json_valid(error_json))
);
INSERT INTO master_data_sync (id) VALUES (1);

-- 2. Customers and users have no key the head office shares: the head office's key is kept on the
--    row it made. NULL: a record made at this counter (the setup's own admin keeps NULL, so no
--    head-office change ever touches it and a counter can never lock itself out).
ALTER TABLE customers ADD COLUMN ho_key TEXT;
CREATE UNIQUE INDEX customers_ho_key ON customers(ho_key) WHERE ho_key IS NOT NULL;
ALTER TABLE users ADD COLUMN ho_key TEXT;
CREATE UNIQUE INDEX users_ho_key ON users(ho_key) WHERE ho_key IS NOT NULL;

-- 3. A meter's customer and group as the head office names them. A pull gives each record once,
--    with its latest state and version, so a meter may arrive before the customer or group it
--    names (the group renamed after the meter was written comes later): the meter is stored at
--    once and linked when they arrive, found through these columns. NULL: no such reference.
ALTER TABLE meters ADD COLUMN ho_customer_key TEXT;
ALTER TABLE meters ADD COLUMN ho_group_code TEXT;
CREATE INDEX meters_ho_customer ON meters(ho_customer_key) WHERE ho_customer_key IS NOT NULL;
CREATE INDEX meters_ho_group ON meters(ho_group_code) WHERE ho_group_code IS NOT NULL;
