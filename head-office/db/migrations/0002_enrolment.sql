-- One-time enrolment codes, and what the head office keeps about each counter beyond its key.

CREATE TABLE enrolment_codes (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- SHA-256 of the code as typed (normalised): the code is a secret, so only its hash is kept. The
  -- code itself has about 78 random bits, so a plain hash cannot be reversed by guessing.
  code_hash     bytea NOT NULL UNIQUE CHECK (length(code_hash) = 32),
  -- What the counter enrolled with this code is called at the head office.
  counter_name  text NOT NULL CHECK (length(counter_name) BETWEEN 1 AND 64),
  -- Who made the code (free text until the console has its own users).
  created_by    text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 128),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  -- Set once, by the enrolment that consumes the code; a code is never used twice.
  used_at       timestamptz,
  counter_id    bigint REFERENCES counters (id),
  CHECK (expires_at > created_at),
  CHECK (counter_id IS NULL OR used_at IS NOT NULL)
);

ALTER TABLE counters
  -- When the counter enrolled itself with a code (null: registered another way, e.g. the demo).
  ADD COLUMN enrolled_at timestamptz,
  -- What the counter called itself when it enrolled (the head office's name is counter_name above).
  ADD COLUMN enrolled_as text CHECK (length(enrolled_as) <= 64),
  -- Reported by the counter with its pushes: sales waiting in its outbox, and sales whose vendor
  -- outcome it does not know yet; and when it last reported them.
  ADD COLUMN pending_sales integer CHECK (pending_sales >= 0),
  ADD COLUMN unknown_sales integer CHECK (unknown_sales >= 0),
  ADD COLUMN counts_reported_at timestamptz;
