// Supervisor approvals: one row per granted token (its SHA-256 only), used at most once.
import type { ReadDb, WriteDb } from '../open';

export function insertApproval(db: WriteDb, a: { tokenHash: string; action: string; subject: string | null; approverId: number; requestedBy: number; at: string; expiresAt: string }): void {
  db.prepare(`INSERT INTO approvals (token_hash, action, subject, approver_id, requested_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(a.tokenHash, a.action, a.subject, a.approverId, a.requestedBy, a.at, a.expiresAt);
}

/** The unused, unexpired approval with this token hash for `action`, requested by `requestedBy`. */
export function usableApproval(db: ReadDb, tokenHash: string, action: string, requestedBy: number, at: string): { id: number; approver_id: number; subject: string | null } | undefined {
  return db.prepare(`SELECT id, approver_id, subject FROM approvals WHERE token_hash = ? AND action = ? AND requested_by = ?
    AND used_at IS NULL AND expires_at > ?`).get(tokenHash, action, requestedBy, at) as { id: number; approver_id: number; subject: string | null } | undefined;
}

export function markApprovalUsed(db: WriteDb, id: number, at: string, usedFor: string): void {
  db.prepare('UPDATE approvals SET used_at = ?, used_for = ? WHERE id = ? AND used_at IS NULL').run(at, usedFor, id);
}
