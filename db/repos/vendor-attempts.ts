// The vendor request ledger (migration 0010): the endpoints requests went to, and every attempt
// of a keyed request, written before it is sent. Read by the verification of unknown sales.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';

export interface EndpointRow {
  id: number; vendor: string; fingerprint: string; base_url: string; merchant_id: string | null; sealed_json: string; created_at: string;
}

/** The endpoint's id, inserting it the first time this fingerprint is seen. */
export function upsertEndpoint(db: WriteDb, e: { vendor: string; fingerprint: string; baseUrl: string; merchantId: string | null; sealedJson: string; at: string }): number {
  const found = stmt(db, 'SELECT id FROM vendor_endpoints WHERE fingerprint = ?').get(e.fingerprint) as { id: number } | undefined;
  if (found) return found.id;
  return Number(
    stmt(db, 'INSERT INTO vendor_endpoints (vendor, fingerprint, base_url, merchant_id, sealed_json, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.vendor, e.fingerprint, e.baseUrl, e.merchantId, e.sealedJson, e.at).lastInsertRowid,
  );
}

export function getEndpoint(db: ReadDb, id: number): EndpointRow | null {
  return (stmt(db, 'SELECT * FROM vendor_endpoints WHERE id = ?').get(id) as EndpointRow | undefined) ?? null;
}

export interface AttemptRecord {
  key: string;
  endpointId: number;
  operation: string;
  signedAtMs: number;
  timeoutMs: number;
  notAfterMs: number;
  at: string;
}

export function insertAttempt(db: WriteDb, a: AttemptRecord): number {
  return Number(stmt(db, `INSERT INTO vendor_attempts (idempotency_key, endpoint_id, operation, signed_at_ms, timeout_ms, not_after_ms, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)`).run(a.key, a.endpointId, a.operation, a.signedAtMs, a.timeoutMs, a.notAfterMs, a.at).lastInsertRowid);
}

export function endAttempt(db: WriteDb, id: number, connected: boolean, endedAtMs: number): void {
  stmt(db, 'UPDATE vendor_attempts SET connected = ?, ended_at_ms = ? WHERE id = ?').run(connected ? 1 : 0, endedAtMs, id);
}

export interface AttemptSummary {
  /** Attempts that may have reached the vendor (all but those that provably never connected). */
  count: number;
  /** Latest signature timestamp of those, and the latest moment one of them could still be sending. */
  lastSignedAtMs: number | null;
  lastAbortAtMs: number | null;
  /** Latest moment the call (any attempt) could start another attempt. */
  notAfterMs: number | null;
  /** The endpoint of the first attempt (null: none, or a sale from before the ledger). */
  endpointId: number | null;
}

export function attemptSummary(db: ReadDb, key: string): AttemptSummary {
  const r = stmt(db, `SELECT COUNT(*) FILTER (WHERE maybe) AS n, MAX(signed_at_ms) FILTER (WHERE maybe) AS s,
                        MAX(COALESCE(ended_at_ms, signed_at_ms + timeout_ms)) FILTER (WHERE maybe) AS t, MAX(not_after_ms) AS a,
                        (SELECT endpoint_id FROM vendor_attempts WHERE idempotency_key = @key ORDER BY id LIMIT 1) AS e
                      FROM (SELECT *, connected IS NOT 0 AS maybe FROM vendor_attempts WHERE idempotency_key = @key)`).get({ key }) as { n: number; s: number | null; t: number | null; a: number | null; e: number | null };
  return { count: r.n, lastSignedAtMs: r.s, lastAbortAtMs: r.t, notAfterMs: r.a, endpointId: r.e };
}
