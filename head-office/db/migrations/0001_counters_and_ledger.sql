-- The counters that may sign requests, and the ledger of every sale they delivered.

CREATE TABLE counters (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  -- X-Api-Key of the counter's requests (its HEAD_OFFICE_KEY).
  api_key        text NOT NULL UNIQUE CHECK (api_key ~ '^[A-Za-z0-9._-]{8,128}$'),
  -- The HMAC secret, AES-256-GCM sealed under HEAD_OFFICE_SEALING_KEY with the api key as
  -- associated data: a signature can be checked only with the secret itself, so it is kept, but
  -- never in the clear.
  secret_sealed  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz,
  last_seen_at   timestamptz,
  app_version    text
);

CREATE TABLE sales (
  sale_id            uuid PRIMARY KEY,
  counter_id         bigint NOT NULL REFERENCES counters (id),
  receipt_no         integer NOT NULL CHECK (receipt_no > 0),
  status             text NOT NULL CHECK (status IN ('paid', 'issued', 'pending', 'unknown', 'failed')),
  product            text NOT NULL CHECK (product IN ('sts_kwh', 'acrel_credit', 'settlement')),
  payment_method     text NOT NULL CHECK (payment_method IN ('cash', 'card', 'transfer')),
  cashier            text NOT NULL,
  meter_number       text NOT NULL,
  currency           text NOT NULL,
  -- Money in integer minor units, energy in 0.1 kWh: never floats.
  charged_minor      bigint NOT NULL CHECK (charged_minor >= 0),
  amount_minor       bigint NOT NULL CHECK (amount_minor >= 0),
  value_minor        bigint NOT NULL CHECK (value_minor >= 0),
  energy_tenths      bigint CHECK (energy_tenths >= 0),
  -- The moment of sale (the record's "at") and the record's own created/updated times.
  sold_at            timestamptz NOT NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  -- The whole record as the counter sent it (validated against the shared SaleSchema).
  record             jsonb NOT NULL,
  delivery_count     integer NOT NULL DEFAULT 1 CHECK (delivery_count >= 1),
  first_received_at  timestamptz NOT NULL,
  last_received_at   timestamptz NOT NULL,
  CHECK (last_received_at >= first_received_at)
);

-- A counter's own sales, paged by sale id (GET /api/v1/sales).
CREATE INDEX sales_by_counter ON sales (counter_id, sale_id);
