-- 0004 (issue 6): offline vending and the outbox a supervisor can act on.

-- Vending keys, sealed with AES-256-GCM under the counter's master key (main/keys). The plain key
-- never touches the disk. One key per supply group + key revision (what DKGA02 derives from).
CREATE TABLE vending_keys (
  sgc        TEXT NOT NULL,
  krn        INTEGER NOT NULL,
  sealed     TEXT NOT NULL,              -- base64(iv | tag | ciphertext); AAD = "sgc:krn"
  created_at TEXT NOT NULL,
  PRIMARY KEY (sgc, krn)
);

-- Per-meter order: a message with an order_key waits for every earlier pending message with the
-- same key (e.g. two recharges of one Acrel meter, or a recharge and a later meter command).
ALTER TABLE outbox ADD COLUMN order_key TEXT;
-- A supervisor's decision about a dead letter (it stays dead: it was never delivered).
ALTER TABLE outbox ADD COLUMN resolved_at TEXT;
ALTER TABLE outbox ADD COLUMN resolved_by INTEGER REFERENCES users(id);
ALTER TABLE outbox ADD COLUMN resolution TEXT;
CREATE INDEX outbox_order ON outbox(order_key, status, id);
CREATE INDEX outbox_sale ON outbox(sale_id);

-- Local vending: the offline credit in use and the last local TID of a meter are read per sale.
CREATE INDEX sales_local ON sales(token_source, meter_id);
