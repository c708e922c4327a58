-- Lease generations, the vending key behind a lease, and the counter's clock floor (review of
-- issue 17). NOTE for merging: found by name (lease_generations) in its test; renumber freely.

-- The generation the head office granted (or last renewed) the lease under: a release names it,
-- so a release that reaches the head office after a renewal changes nothing there, and this
-- counter forgets a lease it is giving back only once the head office answered for that
-- generation. NULL: a lease stored before this migration (renewed within the hour, it gets one).
ALTER TABLE meter_leases ADD COLUMN generation INTEGER CHECK (generation IS NULL OR generation >= 1);
-- The head office's vending key the decoder key was derived from (id and key check value).
ALTER TABLE meter_leases ADD COLUMN vending_key_id INTEGER;
ALTER TABLE meter_leases ADD COLUMN vending_key_kcv TEXT;

-- The newest head-office vending key heard of in a grant, per supply group and key revision: a
-- lease derived from an older key (replaced or retired at the head office since) is stale.
CREATE TABLE lease_vending_keys (
  sgc       TEXT NOT NULL,
  krn       INTEGER NOT NULL,
  key_id    INTEGER NOT NULL,
  kcv       TEXT NOT NULL,
  heard_at  TEXT NOT NULL,
  PRIMARY KEY (sgc, krn)
);

-- The latest time this counter knows has passed (the head office's time in its lease answers, the
-- counter's own clock as it was seen): a clock set back behind it (a dead RTC battery, a date
-- changed by hand) must not re-open an expired lease. Only ever raised.
CREATE TABLE clock_floor (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  at      TEXT NOT NULL,
  source  TEXT NOT NULL CHECK (source IN ('head-office', 'lease', 'clock'))
);
