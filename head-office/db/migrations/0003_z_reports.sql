-- Each counter's Z reports: one per counter and Z number, kept as the exact JSON the counter hashed
-- at close (its SHA-256 checked on arrival), with the cash figures a head-office accountant reads.
-- (0002 is the counters' enrolment.)

CREATE TABLE z_reports (
  counter_id           bigint NOT NULL REFERENCES counters (id),
  z_no                 integer NOT NULL CHECK (z_no > 0),
  hash                 text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- The report exactly as hashed (text, not jsonb: jsonb would reorder it and lose the proof).
  report_json          text NOT NULL,
  closed_at            timestamptz NOT NULL,
  cashier              text NOT NULL,
  currency             text NOT NULL,
  -- Integer minor units, never floats.
  expected_cash_minor  bigint NOT NULL,
  counted_cash_minor   bigint NOT NULL CHECK (counted_cash_minor >= 0),
  variance_minor       bigint NOT NULL,
  sales_count          integer NOT NULL CHECK (sales_count >= 0),
  charged_minor        bigint NOT NULL CHECK (charged_minor >= 0),
  delivery_count       integer NOT NULL DEFAULT 1 CHECK (delivery_count >= 1),
  first_received_at    timestamptz NOT NULL,
  last_received_at     timestamptz NOT NULL,
  PRIMARY KEY (counter_id, z_no),
  CHECK (variance_minor = counted_cash_minor - expected_cash_minor),
  CHECK (last_received_at >= first_received_at)
);

CREATE INDEX z_reports_closed ON z_reports (closed_at);
