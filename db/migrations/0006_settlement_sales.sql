-- foreign_keys: off
-- 0006 (issue 4, payment modes): settlement sales and payment-mode commands.
-- The line above makes db/migrate.ts run this file with foreign keys off (SQLite's documented way
-- to rebuild a table other tables point at) and run PRAGMA foreign_key_check before it commits:
-- outbox, print_jobs, ... still reference `sales` by name, so they point at the rebuilt table.
--
-- 1. sales: a third product, 'settlement' — a payment on a postpaid or credit-mode meter that
--    settles the account's debt. It carries no token and no energy. Every other column and CHECK
--    is kept as it was; the rows are copied unchanged.
CREATE TABLE sales_new (
  id                 TEXT PRIMARY KEY,            -- client-generated UUID = idempotency key
  receipt_no         INTEGER NOT NULL UNIQUE,
  user_id            INTEGER NOT NULL REFERENCES users(id),
  meter_id           INTEGER NOT NULL REFERENCES meters(id),
  meter_number       TEXT NOT NULL,
  product            TEXT NOT NULL CHECK (product IN ('sts_kwh', 'acrel_credit', 'settlement')),
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
  CHECK (status <> 'issued' OR product <> 'sts_kwh' OR token IS NOT NULL),
  CHECK (product <> 'settlement' OR (token IS NULL AND energy_tenths IS NULL AND est_energy_tenths IS NULL))
);
INSERT INTO sales_new (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency,
  amount_minor, tendered_minor, charged_minor, change_minor, value_minor, energy_tenths, est_energy_tenths, quote_json,
  token, token_source, sts_tid, vendor_ref, error_code, error_message_json, print_status, print_count, created_at, updated_at)
SELECT id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency,
  amount_minor, tendered_minor, charged_minor, change_minor, value_minor, energy_tenths, est_energy_tenths, quote_json,
  token, token_source, sts_tid, vendor_ref, error_code, error_message_json, print_status, print_count, created_at, updated_at
FROM sales;
DROP TABLE sales;
ALTER TABLE sales_new RENAME TO sales;
CREATE INDEX sales_meter ON sales(meter_number, created_at);
CREATE INDEX sales_status ON sales(status);
CREATE INDEX sales_local ON sales(token_source, meter_id);

-- 2. meter_commands: the commands Shahn sends on its own (payment mode, credit limit, tariff
--    schedule) travel the same recorded, polled path as a supervisor's relay commands; the old
--    separate 'acrel.command' outbox topic is gone.
CREATE TABLE meter_commands_new (
  id                 TEXT PRIMARY KEY,
  meter_number       TEXT NOT NULL REFERENCES meters(number),
  meter_kind         TEXT NOT NULL CHECK (meter_kind IN ('sts', 'acrel')),
  kind               TEXT NOT NULL CHECK (kind IN ('disconnect', 'reconnect', 'reduce_amperage', 'increase_amperage', 'turn_on', 'turn_off',
                                                   'set_prepaid_mode', 'set_postpaid_mode', 'set_credit_limit', 'set_tariff_schedule')),
  params_json        TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'done', 'failed')),
  vendor_command_id  TEXT,
  error_code         TEXT,
  error_message_json TEXT,
  requested_by       INTEGER NOT NULL REFERENCES users(id),
  created_at         TEXT NOT NULL,
  sent_at            TEXT,
  completed_at       TEXT,
  updated_at         TEXT NOT NULL,
  CHECK (status <> 'failed' OR error_code IS NOT NULL)
);
INSERT INTO meter_commands_new SELECT id, meter_number, meter_kind, kind, params_json, status, vendor_command_id, error_code,
  error_message_json, requested_by, created_at, sent_at, completed_at, updated_at FROM meter_commands;
DROP TABLE meter_commands;
ALTER TABLE meter_commands_new RENAME TO meter_commands;
CREATE INDEX meter_commands_meter ON meter_commands(meter_number, created_at);

-- 3. Commands still waiting under the old topic move to the new path with the same idempotency
--    key, in the same per-meter order (outbox ids are kept). They are attributed to the first
--    administrator (the old topic did not record who asked); the audit log has the original.
INSERT INTO meter_commands (id, meter_number, meter_kind, kind, params_json, requested_by, created_at, updated_at)
SELECT o.key, json_extract(o.payload_json, '$.meterNumber'), 'acrel',
  CASE json_extract(o.payload_json, '$.op')
    WHEN 'disconnectMeter' THEN 'disconnect' WHEN 'reconnectMeter' THEN 'reconnect'
    WHEN 'setPrepaidMode' THEN 'set_prepaid_mode' WHEN 'setPostpaidMode' THEN 'set_postpaid_mode'
    WHEN 'setCreditLimit' THEN 'set_credit_limit' ELSE 'set_tariff_schedule' END,
  json_remove(o.payload_json, '$.meterNumber', '$.op', '$.periods'),
  COALESCE((SELECT MIN(id) FROM users WHERE role = 'admin'), (SELECT MIN(id) FROM users)),
  o.created_at, o.created_at
FROM outbox o
WHERE o.topic = 'acrel.command' AND o.status = 'pending'
  AND EXISTS (SELECT 1 FROM meters m WHERE m.number = json_extract(o.payload_json, '$.meterNumber'));
UPDATE outbox SET
  topic = 'metercmd.' || (SELECT c.kind FROM meter_commands c WHERE c.id = outbox.key),
  payload_json = json_object(
    'commandId', key, 'meterNumber', json_extract(payload_json, '$.meterNumber'), 'meterKind', 'acrel',
    'request', json_set(json_remove(payload_json, '$.meterNumber', '$.op', '$.code', '$.version'),
                        '$.command', (SELECT c.kind FROM meter_commands c WHERE c.id = outbox.key)))
WHERE topic = 'acrel.command' AND status = 'pending' AND EXISTS (SELECT 1 FROM meter_commands c WHERE c.id = outbox.key);
