-- 0001: the first schema. Money is INTEGER minor units; energy INTEGER tenths of a kWh;
-- prices exact decimal TEXT (minor units per kWh); times ISO-8601 UTC TEXT.

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'admin')),
  pin_hash        TEXT NOT NULL,
  locale          TEXT NOT NULL DEFAULT 'ar' CHECK (locale IN ('ar', 'en')),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  active          INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL
);

CREATE TABLE customers (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_latin TEXT,
  phone      TEXT,
  address    TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE tariff_schedules (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  name_ar            TEXT NOT NULL,
  name_en            TEXT NOT NULL,
  effective_from     TEXT NOT NULL,
  vat_percent        TEXT NOT NULL DEFAULT '0',
  fee_minor          INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
  min_purchase_minor INTEGER NOT NULL DEFAULT 1 CHECK (min_purchase_minor > 0),
  max_purchase_minor INTEGER NOT NULL CHECK (max_purchase_minor >= min_purchase_minor),
  created_at         TEXT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE tariff_periods (
  schedule_id   INTEGER NOT NULL REFERENCES tariff_schedules(id),
  idx           INTEGER NOT NULL CHECK (idx BETWEEN 0 AND 7),
  name_ar       TEXT NOT NULL,
  name_en       TEXT NOT NULL,
  start_minute  INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute    INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
  price_per_kwh TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (schedule_id, idx)
);

CREATE TABLE meters (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('sts', 'acrel')),
  customer_id   INTEGER REFERENCES customers(id),
  schedule_code TEXT NOT NULL,
  payment_mode  TEXT NOT NULL DEFAULT 'prepaid' CHECK (payment_mode IN ('prepaid', 'postpaid', 'credit')),
  -- STS key data (public parts; the vending key itself is a secret stored elsewhere, encrypted)
  sts_sgc       TEXT,
  sts_ti        TEXT,
  sts_krn       INTEGER,
  sts_key_type  INTEGER,
  sts_base_date INTEGER CHECK (sts_base_date IN (1993, 2014, 2035)),
  sts_ea        TEXT CHECK (sts_ea IN ('07', '11')),
  sts_dkga      TEXT CHECK (sts_dkga IN ('02', '04')),
  sts_last_tid  INTEGER,
  active        INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  CHECK (kind = 'acrel' OR (sts_sgc IS NOT NULL AND sts_ti IS NOT NULL AND sts_krn IS NOT NULL
                            AND sts_key_type IS NOT NULL AND sts_base_date IS NOT NULL))
);
CREATE INDEX meters_customer ON meters(customer_id);

CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('receipt_no', 0);

CREATE TABLE sales (
  id                 TEXT PRIMARY KEY,            -- client-generated UUID = idempotency key
  receipt_no         INTEGER NOT NULL UNIQUE,
  user_id            INTEGER NOT NULL REFERENCES users(id),
  meter_id           INTEGER NOT NULL REFERENCES meters(id),
  meter_number       TEXT NOT NULL,
  product            TEXT NOT NULL CHECK (product IN ('sts_kwh', 'acrel_credit')),
  status             TEXT NOT NULL CHECK (status IN ('paid', 'issued', 'pending', 'unknown', 'failed')),
  payment_method     TEXT NOT NULL CHECK (payment_method IN ('cash', 'card', 'transfer')),
  currency           TEXT NOT NULL,
  amount_minor       INTEGER NOT NULL CHECK (amount_minor > 0),
  tendered_minor     INTEGER NOT NULL CHECK (tendered_minor >= 0),
  charged_minor      INTEGER NOT NULL CHECK (charged_minor >= 0),
  change_minor       INTEGER NOT NULL CHECK (change_minor >= 0),
  value_minor        INTEGER NOT NULL CHECK (value_minor >= 0),
  energy_tenths      INTEGER CHECK (energy_tenths >= 0),
  est_energy_tenths  INTEGER CHECK (est_energy_tenths >= 0),
  quote_json         TEXT NOT NULL,               -- the full quote as shown to the cashier
  token              TEXT,
  token_source       TEXT CHECK (token_source IN ('vendor', 'local')),
  sts_tid            INTEGER,
  vendor_ref         TEXT,
  error_code         TEXT,
  error_message_json TEXT,
  print_status       TEXT NOT NULL DEFAULT 'none' CHECK (print_status IN ('none', 'queued', 'printed', 'failed')),
  print_count        INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (tendered_minor = charged_minor + change_minor),
  CHECK (status <> 'issued' OR product <> 'sts_kwh' OR token IS NOT NULL)
);
CREATE INDEX sales_meter ON sales(meter_number, created_at);
CREATE INDEX sales_status ON sales(status);

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  topic           TEXT NOT NULL,
  key             TEXT NOT NULL,                  -- idempotency key sent with every attempt
  sale_id         TEXT REFERENCES sales(id),
  payload_json    TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  delivered_at    TEXT,
  UNIQUE (topic, key)
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_id    INTEGER,
  action     TEXT NOT NULL,
  entity     TEXT,
  entity_id  TEXT,
  details    TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
