// The meter_commands table (migration 0003): one row per command a supervisor sent to a meter.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';
import type { MeterCommand, MeterCommandInput } from '../../preload/contract';

interface Row {
  id: string; meter_number: string; meter_kind: 'sts' | 'acrel'; kind: MeterCommand['kind']; params_json: string;
  status: MeterCommand['status']; vendor_command_id: string | null; error_code: string | null; error_message_json: string | null;
  requested_by: number; username: string; created_at: string; sent_at: string | null; completed_at: string | null;
}

const SELECT = `SELECT c.*, u.username FROM meter_commands c JOIN users u ON u.id = c.requested_by`;

function toDto(r: Row): MeterCommand {
  const p = JSON.parse(r.params_json) as { reason?: string; limitA?: number };
  return {
    id: r.id, meterNumber: r.meter_number, meterKind: r.meter_kind, kind: r.kind,
    reason: p.reason ?? null, limitA: p.limitA ?? null, status: r.status, vendorCommandId: r.vendor_command_id,
    error: r.error_code === null ? null : { code: r.error_code, message: JSON.parse(r.error_message_json ?? '{"ar":"","en":""}') as { ar: string; en: string } },
    requestedBy: r.username, createdAt: r.created_at, sentAt: r.sent_at, completedAt: r.completed_at,
  };
}

/** The meter as this counter knows it (number and which cloud it belongs to), or null. */
export function meterKindOf(db: ReadDb, meterNumber: string): 'sts' | 'acrel' | null {
  const r = db.prepare('SELECT kind FROM meters WHERE number = ? AND active = 1').get(meterNumber) as { kind: 'sts' | 'acrel' } | undefined;
  return r?.kind ?? null;
}

export function insertCommand(db: WriteDb, c: { id: string; meterNumber: string; meterKind: 'sts' | 'acrel'; command: MeterCommandInput | { kind: MeterCommand['kind'] }; userId: number; at: string }): void {
  const { kind, ...params } = c.command;
  db.prepare(
    `INSERT INTO meter_commands (id, meter_number, meter_kind, kind, params_json, requested_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.meterNumber, c.meterKind, kind, JSON.stringify(params), c.userId, c.at, c.at);
}

export function getCommand(db: ReadDb, id: string): MeterCommand | null {
  const r = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  return r ? toDto(r) : null;
}

export function commandsOf(db: ReadDb, meterNumber: string, limit: number): MeterCommand[] {
  return (db.prepare(`${SELECT} WHERE c.meter_number = ? ORDER BY c.created_at DESC, c.rowid DESC LIMIT ?`).all(meterNumber, limit) as Row[]).map(toDto);
}

export function markSent(db: WriteDb, id: string, vendorCommandId: string, at: string): void {
  db.prepare(`UPDATE meter_commands SET status = 'sent', vendor_command_id = ?, sent_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'`).run(vendorCommandId, at, at, id);
}

/** Final: done, or failed with the reason (the vendor's or the meter's words). Never reopened. */
export function markFinal(db: WriteDb, id: string, f: { status: 'done' } | { status: 'failed'; code: string; message: { ar: string; en: string } }, at: string): boolean {
  const failed = f.status === 'failed';
  return db
    .prepare(
      `UPDATE meter_commands SET status = ?, error_code = ?, error_message_json = ?, completed_at = ?, updated_at = ?
       WHERE id = ? AND status IN ('pending', 'sent')`,
    )
    .run(f.status, failed ? f.code : null, failed ? JSON.stringify(f.message) : null, at, at, id).changes > 0;
}

/** Delays a queued status poll (the outbox's enqueue makes a message due at once). */
export function delayOutboxRow(db: WriteDb, outboxId: number, dueAt: string): void {
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND status = 'pending'`).run(dueAt, outboxId);
}

/** Makes a command's pending status poll due now (someone is watching the command). */
export function pollNow(db: WriteDb, commandId: string, at: string): void {
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE topic = 'metercmd.poll' AND status = 'pending' AND json_extract(payload_json, '$.commandId') = ?`).run(at, commandId);
}

/** Cached: every debt change asks. Kinds of this meter's commands not yet carried out, oldest first. */
export function pendingCommandKinds(db: ReadDb, meterNumber: string): string[] {
  return (stmt(db, `SELECT kind FROM meter_commands WHERE meter_number = ? AND status IN ('pending', 'sent') ORDER BY created_at, rowid`)
    .all(meterNumber) as { kind: string }[]).map((r) => r.kind);
}
