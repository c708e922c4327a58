-- The messages each counter's outbox gave up on (its dead letters): why they were refused, and
-- whether a supervisor there retried or resolved them. The latest state a counter reported wins.

CREATE TABLE dead_letters (
  counter_id      bigint NOT NULL REFERENCES counters (id),
  outbox_id       bigint NOT NULL CHECK (outbox_id > 0),
  topic           text NOT NULL,
  key             text NOT NULL,
  sale_id         uuid,
  code            text NOT NULL,
  message         jsonb NOT NULL,
  dead_at         timestamptz NOT NULL,
  state           text NOT NULL CHECK (state IN ('dead', 'retried', 'resolved')),
  resolution      text,
  resolved_at     timestamptz,
  -- When the counter read the state it reported: an older report never overwrites a newer one.
  reported_at     timestamptz NOT NULL,
  received_at     timestamptz NOT NULL,
  PRIMARY KEY (counter_id, outbox_id),
  CHECK (state <> 'resolved' OR resolved_at IS NOT NULL)
);

CREATE INDEX dead_letters_open ON dead_letters (state) WHERE state <> 'resolved';
