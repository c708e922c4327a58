// The ledger of STS tokens issued per meter (migration 0009): rows only. The rules (one TID per
// meter, the meter's last TID raised in the same transaction, what a clash means) are in
// main/meters/token-ledger.ts, the one function that writes here.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';

export type TokenKind = 'credit' | 'engineering';

export interface IssuedToken {
  meterId: number;
  tid: number;
  kind: TokenKind;
  source: 'vendor' | 'local';
  /** The credit token's sale. */
  saleId: string | null;
  /** The engineering code's idempotency key. */
  requestId: string | null;
  issuedAt: string;
}

interface Row { meter_id: number; tid: number; kind: TokenKind; source: 'vendor' | 'local'; sale_id: string | null; request_id: string | null; issued_at: string }

const toToken = (r: Row): IssuedToken => ({
  meterId: r.meter_id, tid: r.tid, kind: r.kind, source: r.source, saleId: r.sale_id, requestId: r.request_id, issuedAt: r.issued_at,
});

/** Inserts the token; when its (meter, TID) is taken, inserts nothing and returns the token holding it. */
export function insertIssuedToken(db: WriteDb, t: IssuedToken): IssuedToken | null {
  const inserted = stmt(db,
    `INSERT INTO issued_tokens (meter_id, tid, kind, source, sale_id, request_id, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (meter_id, tid) DO NOTHING RETURNING id`,
  ).get(t.meterId, t.tid, t.kind, t.source, t.saleId, t.requestId, t.issuedAt);
  if (inserted) return null;
  return toToken(stmt(db, 'SELECT * FROM issued_tokens WHERE meter_id = ? AND tid = ?').get(t.meterId, t.tid) as Row);
}

/** Raises the meter's last TID to at least `tid` (never lowers it). */
export function raiseMeterLastTid(db: WriteDb, meterId: number, tid: number): void {
  stmt(db, 'UPDATE meters SET sts_last_tid = MAX(COALESCE(sts_last_tid, -1), ?) WHERE id = ?').run(tid, meterId);
}

/** The meter's id, active or not: a token issued for it is recorded either way. */
export function meterIdOf(db: ReadDb, meterNumber: string): number | null {
  return (stmt(db, 'SELECT id FROM meters WHERE number = ?').get(meterNumber) as { id: number } | undefined)?.id ?? null;
}
