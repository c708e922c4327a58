-- Meter leases (issue 17): on a counter enrolled with a head office, a meter is vended locally only
-- under the head office's lease on it, with the decoder key the lease brought (derived per meter at
-- the head office; the supply group's vending key never comes here).
--
-- NOTE for merging: this is the counter's leases migration (0022 once master data takes 0021).

-- One row per meter the counter has heard about from the head office's lease answers:
--   held:      this counter holds the lease until expires_at (the head office's clock) with the
--              decoder key sealed under the counter's master key (AAD names the meter and the key
--              data), derived for key_data;
--   elsewhere: another counter (holder) holds it until expires_at, as last heard;
--   releasing: this counter has stopped using it and is giving it back (a release the head office
--              has not confirmed yet); never used for a token.
CREATE TABLE meter_leases (
  meter_number       TEXT PRIMARY KEY,
  state              TEXT NOT NULL CHECK (state IN ('held', 'elsewhere', 'releasing')),
  expires_at         TEXT NOT NULL,
  holder             TEXT,
  key_data           TEXT CHECK (key_data IS NULL OR json_valid(key_data)),
  decoder_key_sealed TEXT,
  granted_at         TEXT,
  -- When the head office last answered about this meter (a grant, a renewal or a refusal).
  heard_at           TEXT NOT NULL,
  CHECK ((state = 'elsewhere') = (holder IS NOT NULL)),
  CHECK ((state = 'held') = (decoder_key_sealed IS NOT NULL AND key_data IS NOT NULL AND granted_at IS NOT NULL))
);

-- The head office that answered the lease routes: a counter whose head office this is vends
-- locally only under leases. A head office that never answered them (an older one, the simulator)
-- leaves the counter vending with its own loaded keys, as before.
CREATE TABLE lease_authority (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  endpoint    TEXT NOT NULL,
  answered_at TEXT NOT NULL
);
