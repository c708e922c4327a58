// Checks the audit log's hash chain and says which row breaks it, in words an operator can act
// on. Used by `npm run audit:verify` (scripts/audit-verify.ts) and the tamper tests.
//
// What the chain proves: no row was edited, inserted or deleted in the middle. What it cannot
// prove on its own: that the newest rows were not cut off the end (the remaining chain is still
// valid). The row count printed by audit:verify is there so an operator can compare it with an
// earlier run or a backup.
import type { ReadDb } from '../../db/open';
import { countAuditRows, iterateAuditLog, type AuditRow } from '../../db/repos/audit';
import { auditHash, GENESIS } from './append';

export type { AuditRow };

export type ChainReport =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; broken: { id: number; action: string; at: string; reason: string } };

export function checkAuditChain(db: ReadDb): ChainReport {
  let prev = GENESIS;
  let rows = 0;
  for (const r of iterateAuditLog(db)) {
    rows++;
    const reason =
      r.prev_hash !== prev ? 'its link to the previous row does not match (a row before it was changed, removed or inserted)'
      : r.hash !== auditHash(prev, { at: r.at, userId: r.user_id, action: r.action, entity: r.entity, entityId: r.entity_id, details: r.details }) ? 'its content does not match its hash (the row was edited)'
      : null;
    if (reason) return { ok: false, rows: countAuditRows(db), broken: { id: r.id, action: r.action, at: r.at, reason } };
    prev = r.hash;
  }
  return { ok: true, rows, lastHash: prev };
}
