-- 0023: head-office records this counter set aside (main/master-data/apply.ts). One record it
-- cannot take as sent (a username its own setup admin already has, a schedule version it holds
-- with other prices, a meter of another kind) must not stop every later price, deactivation or
-- user removal: the record is kept here with its reason in both languages, the rest of the page
-- and later pages are applied, and each pull tries the held records again. One row per record
-- (entity, key): a later version of the same record replaces it, or, applied, removes it.
--
-- NOTE for merging: numbered after 0022 (meter leases); renumber freely, its test finds it by name.
CREATE TABLE master_data_held (
  entity      TEXT NOT NULL CHECK (entity IN ('tariff_schedule', 'tariff_group', 'customer', 'meter', 'user')),
  key         TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version > 0),
  -- The change as the head office sent it (its data, or null for a deletion).
  change_json TEXT NOT NULL CHECK (json_valid(change_json)),
  reason_json TEXT NOT NULL CHECK (json_valid(reason_json)),
  held_at     TEXT NOT NULL,
  -- The last time a pull tried it again.
  tried_at    TEXT NOT NULL,
  PRIMARY KEY (entity, key)
);
