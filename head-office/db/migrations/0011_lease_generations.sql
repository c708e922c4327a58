-- Lease generations and the vending key behind a lease (review of issue 17).
--
-- Every grant and every renewal of a meter's lease bumps its generation (per meter, never reset,
-- across counters), and a counter's release names the generation it gives back: a release that
-- arrives after a renewal (slow, retried, or replayed by someone who captured it) names an older
-- generation and changes nothing, so a counter never loses a lease it has just renewed while still
-- believing it holds it. Leases from before this migration start at generation 1.
ALTER TABLE meter_leases
  ADD COLUMN generation bigint NOT NULL DEFAULT 1 CHECK (generation >= 1),
  -- The vending key its decoder key was derived from (NULL: granted before this was recorded).
  ADD COLUMN vending_key_id bigint REFERENCES vending_keys (id);

-- Which generation each grant, renewal or release was (NULL for events before this migration).
ALTER TABLE lease_events ADD COLUMN generation bigint CHECK (generation IS NULL OR generation >= 1);
