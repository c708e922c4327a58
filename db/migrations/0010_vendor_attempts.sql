-- 0010: which vendor each keyed request went to, and when each attempt was signed (issue 12).
-- A sale's "not vended" verdict is reached only once no request carrying its key can still be
-- accepted: that needs the time of the last attempt actually sent, and the lookup must go to the
-- endpoint (address and credentials) that received it, whatever Settings > Vendors says now.

-- One row per distinct endpoint a request was ever sent to. Credentials are sealed with the
-- counter's master key (main/keys/seal.ts); fingerprint is an HMAC under that key, so the same
-- endpoint is one row without the table holding anything that opens it.
CREATE TABLE vendor_endpoints (
  id INTEGER PRIMARY KEY,
  vendor TEXT NOT NULL CHECK (vendor IN ('sts', 'acrel', 'headOffice')),
  fingerprint TEXT NOT NULL UNIQUE,
  base_url TEXT NOT NULL,
  merchant_id TEXT,
  sealed_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Written (and committed) before the attempt's first byte is sent. signed_at_ms is the exact
-- timestamp the request was signed with; not_after_ms is the latest moment the call that made it
-- could start another attempt. When the attempt ends, connected says whether its TCP connection
-- was ever made (0: nothing can have reached the vendor) and ended_at_ms when it stopped sending;
-- both stay NULL if the process died first, which counts as "may have arrived, until its timeout".
-- endpoint_id NULL: a sale from before this ledger (see below).
CREATE TABLE vendor_attempts (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL,
  endpoint_id INTEGER REFERENCES vendor_endpoints(id),
  operation TEXT NOT NULL,
  signed_at_ms INTEGER NOT NULL,
  timeout_ms INTEGER NOT NULL,
  not_after_ms INTEGER NOT NULL,
  connected INTEGER CHECK (connected IN (0, 1)),
  ended_at_ms INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX vendor_attempts_by_key ON vendor_attempts (idempotency_key, signed_at_ms);

-- STS sales still waiting for their outcome were sent by a Shahn that kept no ledger: assume an
-- attempt may have been signed as late as now (that process is gone, so nothing later), to the
-- endpoint in force (NULL). Their verdict then waits one full acceptance window from here.
INSERT INTO vendor_attempts (idempotency_key, endpoint_id, operation, signed_at_ms, timeout_ms, not_after_ms, created_at)
SELECT id, NULL, 'legacy', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 0,
       CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM sales WHERE product = 'sts_kwh' AND status IN ('paid', 'unknown');
