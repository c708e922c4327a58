-- Master data the head office owns and the counters pull: meters (with their STS key data and
-- tariff assignment), customers, tariff schedule versions, tariff groups, and each counter's users.
--
-- One row per record, holding its latest state and the version of the change that made it: a
-- counter asks for everything after its cursor and gets each changed record once, however often it
-- changed meanwhile (the log compacts itself). A deletion stays as a tombstone so counters behind
-- the cursor still learn of it.
--
-- Versions come from one sequence and every writer takes one transaction-scoped advisory lock
-- first (head-office/db/master-data.ts), so versions become visible in the order they were
-- given: a counter that read up to version N can never later miss a change numbered below N
-- that was still uncommitted when it read.

CREATE SEQUENCE master_data_version AS bigint;

CREATE TABLE master_data (
  entity      text NOT NULL CHECK (entity IN ('tariff_schedule', 'tariff_group', 'customer', 'meter', 'user')),
  -- The record's natural key: a schedule's "code@version", a group's code, a customer's key, a
  -- meter's number, a user's "username@counter id".
  key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  -- Only this counter pulls the record (a counter's users); NULL: every counter.
  counter_id  bigint REFERENCES counters (id),
  -- The record as the counters receive it (its shape: main/vendors/head-office/master-data-wire.ts);
  -- NULL once deleted.
  data        jsonb,
  version     bigint NOT NULL UNIQUE CHECK (version > 0),
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL CHECK (length(updated_by) BETWEEN 1 AND 64),
  PRIMARY KEY (entity, key),
  CHECK (entity = 'user' OR counter_id IS NULL),
  CHECK (entity <> 'user' OR counter_id IS NOT NULL)
);

-- A counter's pull: every change after its cursor, in version order.
CREATE INDEX master_data_by_version ON master_data (version) INCLUDE (counter_id);
