// The audit log is append-only (SQLite triggers refuse UPDATE/DELETE) and hash-chained:
// each row's hash covers the previous row's hash, so a row edited behind Shahn's back breaks
// the chain from that row on. Must be called inside the caller's transaction.
import { createHash } from 'node:crypto';
import type { ReadDb, WriteDb } from '../../db/open';
import { insertAuditRow, iterateAuditLog, lastAuditHash } from '../../db/repos/audit';

export interface AuditEntry {
  at: string;
  userId: number | null;
  action: string;
  entity?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);

export function auditHash(prev: string, e: { at: string; userId: number | null; action: string; entity: string | null; entityId: string | null; details: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, e.at, e.userId, e.action, e.entity, e.entityId, e.details]))
    .digest('hex');
}

export function appendAudit(db: WriteDb, entry: AuditEntry): void {
  const prev = lastAuditHash(db) ?? GENESIS;
  const row = {
    at: entry.at,
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
  insertAuditRow(db, { ...row, prev, hash: auditHash(prev, row) });
}

/** The id of the first row whose chain is broken, or null when the whole chain holds. */
export function verifyAuditChain(db: ReadDb): number | null {
  let prev = GENESIS;
  for (const r of iterateAuditLog(db)) {
    const h = auditHash(prev, { at: r.at, userId: r.user_id, action: r.action, entity: r.entity, entityId: r.entity_id, details: r.details });
    if (r.prev_hash !== prev || r.hash !== h) return r.id;
    prev = r.hash;
  }
  return null;
}
