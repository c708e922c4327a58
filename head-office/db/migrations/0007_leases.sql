-- Offline STS vending across counters (issue 17): the head office keeps the supply groups'
-- vending keys and leases each meter's local vending to one counter at a time.

-- The vending keys, one row per key loaded (a retired key stays listed). The key is sealed with
-- HEAD_OFFICE_SEALING_KEY (AES-256-GCM) under associated data naming its SGC and KRN, so a sealed
-- key copied onto another row does not open; only its key check value is ever shown.
CREATE TABLE vending_keys (
  id          bigserial PRIMARY KEY,
  sgc         text NOT NULL CHECK (sgc ~ '^[0-9]{6}$'),
  krn         integer NOT NULL CHECK (krn BETWEEN 1 AND 15),
  key_type    integer NOT NULL CHECK (key_type BETWEEN 0 AND 3),
  base_date   integer NOT NULL CHECK (base_date IN (1993, 2014, 2035)),
  ea          text NOT NULL CHECK (ea IN ('07', '11')),
  dkga        text NOT NULL CHECK (dkga IN ('02', '04')),
  -- The last day the key may be used (the key certificate's), or NULL: no expiry.
  expires_on  date,
  kcv         text NOT NULL CHECK (kcv ~ '^[0-9A-F]{6}$'),
  sealed      text NOT NULL,
  loaded_by   text NOT NULL CHECK (length(loaded_by) BETWEEN 1 AND 128),
  loaded_at   timestamptz NOT NULL DEFAULT now(),
  retired_at  timestamptz
);
-- At most one key in use per SGC and KRN.
CREATE UNIQUE INDEX vending_keys_active ON vending_keys (sgc, krn) WHERE retired_at IS NULL;

-- A meter's local-vending lease: one row per meter, the counter holding it now (or last). A grant,
-- a renewal and a release are each one statement on this row (head-office/db/leases.ts), so two
-- counters can never both hold it: the row's lock orders them.
CREATE TABLE meter_leases (
  meter        text PRIMARY KEY CHECK (length(meter) BETWEEN 1 AND 32),
  counter_id   bigint NOT NULL REFERENCES counters (id),
  -- When this counter's tenure began (a renewal keeps it).
  granted_at   timestamptz NOT NULL,
  renewed_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  -- Given back (by the counter, by its revocation, or by an operator once expired); NULL: held.
  released_at  timestamptz,
  released_by  text CHECK (released_by IS NULL OR length(released_by) BETWEEN 1 AND 128),
  CHECK (expires_at > renewed_at AND renewed_at >= granted_at),
  CHECK ((released_at IS NULL) = (released_by IS NULL))
);
CREATE INDEX meter_leases_by_counter ON meter_leases (counter_id) WHERE released_at IS NULL;

-- Who held which meter when, for an auditor: every grant, renewal and release, never changed.
CREATE TABLE lease_events (
  id          bigserial PRIMARY KEY,
  meter       text NOT NULL,
  counter_id  bigint NOT NULL REFERENCES counters (id),
  event       text NOT NULL CHECK (event IN ('granted', 'renewed', 'released')),
  at          timestamptz NOT NULL,
  -- The lease's expiry after a grant or renewal; NULL for a release.
  expires_at  timestamptz,
  by          text NOT NULL CHECK (length(by) BETWEEN 1 AND 128),
  CHECK ((event = 'released') = (expires_at IS NULL))
);
CREATE INDEX lease_events_by_meter ON lease_events (meter, at);

CREATE FUNCTION lease_events_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'lease events are history: never changed or deleted';
END $$;
CREATE TRIGGER lease_events_fixed BEFORE UPDATE OR DELETE ON lease_events FOR EACH ROW EXECUTE FUNCTION lease_events_fixed();
