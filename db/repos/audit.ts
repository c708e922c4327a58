// The audit log's rows: the chain's last hash, appending a row, reading the chain back, and the lookups that search past entries.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';

export interface AuditRow {
  id: number; at: string; user_id: number | null; action: string; entity: string | null;
  entity_id: string | null; details: string; prev_hash: string; hash: string;
}

/** Cached: every audited write runs this and the insert below. */
export function lastAuditHash(db: ReadDb): string | undefined {
  return (stmt(db, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash;
}

export function insertAuditRow(db: WriteDb, r: { at: string; userId: number | null; action: string; entity: string | null; entityId: string | null; details: string; prev: string; hash: string }): void {
  stmt(
    db,
    `INSERT INTO audit_log (at, user_id, action, entity, entity_id, details, prev_hash, hash)
     VALUES (@at, @userId, @action, @entity, @entityId, @details, @prev, @hash)`,
  ).run(r);
}

/** Every row, oldest first, one at a time (the log can be large). */
export function iterateAuditLog(db: ReadDb): IterableIterator<AuditRow> {
  return db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;
}

export function countAuditRows(db: ReadDb): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

/**
 * When each of `actions` happened after `since` (ISO), oldest first, looking at the newest
 * `lookbackRows` rows only, so a big log never makes the lookup slow.
 */
export function recentActionTimes(db: ReadDb, actions: readonly string[], since: string, lookbackRows: number): string[] {
  const rows = db.prepare(
    `SELECT at FROM audit_log
      WHERE id > (SELECT IFNULL(MAX(id), 0) FROM audit_log) - ${lookbackRows}
        AND action IN (${actions.map(() => '?').join(', ')}) AND at > ?
      ORDER BY at`,
  ).all(...actions, since) as { at: string }[];
  return rows.map((r) => r.at);
}

/** Whether a debt adjustment of this meter was already recorded under this client request id. */
export function debtAdjustmentRecorded(db: ReadDb, meterNumber: string, requestId: string): boolean {
  return db.prepare(`SELECT 1 FROM audit_log WHERE action = 'meter.debt' AND entity_id = ? AND json_extract(details, '$.requestId') = ?`).get(meterNumber, requestId) !== undefined;
}

/** The newest engineering code audited for this meter with this TID, with who issued it. */
export function issuedMaintenanceCode(db: ReadDb, meterNumber: string, tid: number): { at: string; details: string; display_name: string | null } | undefined {
  return db
    .prepare(
      `SELECT a.at, a.details, u.display_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.action = 'meter.maintenance_code' AND a.entity_id = ? AND json_extract(a.details, '$.tid') = ?
       ORDER BY a.id DESC LIMIT 1`,
    )
    .get(meterNumber, tid) as { at: string; details: string; display_name: string | null } | undefined;
}
