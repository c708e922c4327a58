-- 0009 (issue 12): the money invariants of STS tokens, held by the database itself.

-- 1. The ledger of every STS token issued for a meter, whoever made it (the vendor or this
--    counter) and whatever it is (a sale's credit token, a technician's engineering code). A meter
--    refuses a TID it has seen, so one TID per meter: UNIQUE (meter_id, tid). main/meters/
--    token-ledger.ts is the one function that writes it, in the same transaction as the sale's
--    outcome or the engineering code's audit row, and raises the meter's sts_last_tid with it.
--    Key-change tokens (class 2, sub 3/4) carry no TID (STS.md), so they take no slot here; no
--    flow issues them yet. A meter's base date never changes in Shahn, so the TID alone is the key.
CREATE TABLE issued_tokens (
  id         INTEGER PRIMARY KEY,
  meter_id   INTEGER NOT NULL REFERENCES meters(id),
  tid        INTEGER NOT NULL CHECK (tid BETWEEN 0 AND 16777215),
  kind       TEXT NOT NULL CHECK (kind IN ('credit', 'engineering')),
  source     TEXT NOT NULL CHECK (source IN ('vendor', 'local')),
  sale_id    TEXT UNIQUE REFERENCES sales(id),  -- a credit token's sale (a sale has one token)
  request_id TEXT,                              -- an engineering code's idempotency key
  issued_at  TEXT NOT NULL,
  CHECK ((kind = 'credit') = (sale_id IS NOT NULL))
);
CREATE UNIQUE INDEX issued_tokens_meter_tid ON issued_tokens(meter_id, tid);
CREATE TRIGGER issued_tokens_no_update BEFORE UPDATE ON issued_tokens
BEGIN SELECT RAISE(ABORT, 'issued_tokens is append-only: a TID a meter has been given stays used'); END;
CREATE TRIGGER issued_tokens_no_delete BEFORE DELETE ON issued_tokens
BEGIN SELECT RAISE(ABORT, 'issued_tokens is append-only: a TID a meter has been given stays used'); END;

-- 2. The tokens already issued. Before this migration two tokens could share a TID on a meter: a
--    local credit token made in the same minute as a vendor engineering code (the code never
--    raised sts_last_tid), or a vendor token on a vendor clock behind the counter's. Those sales
--    are settled history: they are not rewritten (the triggers below would refuse it anyway) and
--    the upgrade must not fail on them. The FIRST token issued keeps the slot (the meter had it
--    first); a later one keeps its TID on its sale row only, where
--      SELECT id FROM sales s WHERE sts_tid IS NOT NULL AND NOT EXISTS
--        (SELECT 1 FROM issued_tokens t WHERE t.sale_id = s.id)
--    lists them. An engineering code asked for again with the same request id is one token.
--    Engineering codes come from the audit log, which has kept each one's TID (never its digits).
WITH issued AS (
  SELECT meter_id, sts_tid AS tid, 'credit' AS kind, COALESCE(token_source, 'vendor') AS source, id AS sale_id,
         NULL AS request_id, updated_at AS issued_at, 0 AS ord
  FROM sales WHERE sts_tid IS NOT NULL
  UNION ALL
  SELECT m.id, json_extract(a.details, '$.tid'), 'engineering', 'vendor', NULL, json_extract(a.details, '$.requestId'), a.at, a.id
  FROM audit_log a JOIN meters m ON m.number = a.entity_id
  WHERE a.action = 'meter.maintenance_code' AND json_extract(a.details, '$.tid') IS NOT NULL
), ranked AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY meter_id, tid ORDER BY issued_at, ord, sale_id) AS n FROM issued
)
INSERT INTO issued_tokens (meter_id, tid, kind, source, sale_id, request_id, issued_at)
SELECT meter_id, tid, kind, source, sale_id, request_id, issued_at FROM ranked WHERE n = 1 ORDER BY issued_at, ord;

-- Every meter's last TID is at least every TID recorded for it, so the next local token is above them.
UPDATE meters SET sts_last_tid = (SELECT MAX(t.tid) FROM issued_tokens t WHERE t.meter_id = meters.id)
WHERE EXISTS (SELECT 1 FROM issued_tokens t WHERE t.meter_id = meters.id AND t.tid > COALESCE(meters.sts_last_tid, -1));

-- 3. A sale's TID is a slot of the ledger, for its own meter: nothing gives a sale a token that
--    went round the ledger (and so round its UNIQUE index). A sale starts `paid` with no token
--    (the ledger row points at the sale, so it cannot exist before it); its outcome is an UPDATE.
CREATE TRIGGER sales_insert_paid BEFORE INSERT ON sales
WHEN NEW.status <> 'paid' OR NEW.token IS NOT NULL OR NEW.sts_tid IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a sale is inserted paid and without a token; its outcome is recorded afterwards'); END;
CREATE TRIGGER sales_tid_in_ledger BEFORE UPDATE OF sts_tid ON sales
WHEN NEW.sts_tid IS NOT NULL AND NEW.sts_tid IS NOT OLD.sts_tid AND NOT EXISTS
  (SELECT 1 FROM issued_tokens t WHERE t.sale_id = NEW.id AND t.meter_id = NEW.meter_id AND t.tid = NEW.sts_tid)
BEGIN SELECT RAISE(ABORT, 'a sale''s TID must be recorded in the issued_tokens ledger for its meter first'); END;

-- 4. A settled sale (issued: the customer has the token or credit; failed: the money was handed
--    back) never changes its status, token or TID. Open sales (paid, pending, unknown) still take
--    their outcome; printing, the shift and vendor references are not frozen.
CREATE TRIGGER sales_settled_fixed BEFORE UPDATE OF status, token, token_source, sts_tid ON sales
WHEN OLD.status IN ('issued', 'failed') AND (NEW.status IS NOT OLD.status OR NEW.token IS NOT OLD.token
  OR NEW.token_source IS NOT OLD.token_source OR NEW.sts_tid IS NOT OLD.sts_tid)
BEGIN SELECT RAISE(ABORT, 'a settled sale (issued or failed) never changes its status, token or TID'); END;

-- 5. The money of a sale is fixed when it is paid (the receipt number and audit row were written
--    then), whatever its status. quote_json is included: the amounts a sale shows are read from it.
CREATE TRIGGER sales_money_fixed BEFORE UPDATE OF amount_minor, tendered_minor, charged_minor, change_minor, value_minor,
  energy_tenths, est_energy_tenths, currency, quote_json ON sales
WHEN NEW.amount_minor IS NOT OLD.amount_minor OR NEW.tendered_minor IS NOT OLD.tendered_minor
  OR NEW.charged_minor IS NOT OLD.charged_minor OR NEW.change_minor IS NOT OLD.change_minor
  OR NEW.value_minor IS NOT OLD.value_minor OR NEW.energy_tenths IS NOT OLD.energy_tenths
  OR NEW.est_energy_tenths IS NOT OLD.est_energy_tenths OR NEW.currency IS NOT OLD.currency
  OR NEW.quote_json IS NOT OLD.quote_json
BEGIN SELECT RAISE(ABORT, 'the amounts of a sale are fixed when it is paid'); END;
