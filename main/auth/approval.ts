// Supervisor approval at the till. A supervisor types their username and PIN on the
// cashier's screen; the answer is a random token for ONE named action (optionally one subject,
// e.g. a sale id), valid APPROVAL_TTL_MS, used at most once. Only its SHA-256 is stored.
// The PIN check shares the login's rate limits: a wrong PIN counts towards the supervisor's lockout
// and is audited as 'login.failed' (details.via = 'approval'), so the counter-wide limit in
// throttle.ts counts it too and the approval prompt cannot be used to guess PINs around them.
import { createHash, randomBytes } from 'node:crypto';
import type { WriteDb } from '../../db/open';
import type { ApprovalAction, User } from '../../preload/contract';
import { insertApproval, markApprovalUsed, usableApproval } from '../../db/repos/approvals';
import { clearFailedAttempts, setFailedAttempts, userByUsername } from '../../db/repos/users';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { verifyPin } from './pin';
import { counterLockedError, counterLockedUntil, lockMinutes, MAX_FAILURES, userLockedError } from './throttle';

export const APPROVAL_TTL_MS = 2 * 60_000;
const DUMMY_HASH = 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

export interface Grant { approvalToken: string; action: ApprovalAction; subject: string | null; expiresAt: string; approver: { id: number; displayName: string } }

export function grantApproval(db: WriteDb, cashier: User, i: { username: string; pin: string; action: ApprovalAction; subject?: string }, now: Date): Grant {
  const at = now.toISOString();
  const paused = counterLockedUntil(db, now);
  if (paused) throw counterLockedError(paused, now);
  const r = userByUsername(db, i.username);
  if (r?.active && r.locked_until && r.locked_until > at) throw userLockedError(new Date(r.locked_until), now);
  const pinOk = verifyPin(i.pin, r?.active ? r.pin_hash : DUMMY_HASH) && !!r?.active;
  if (!pinOk) {
    db.transaction(() => {
      if (r?.active) {
        const failures = r.failed_attempts + 1;
        const lock = failures % MAX_FAILURES === 0 ? new Date(now.getTime() + lockMinutes(failures) * 60_000).toISOString() : null;
        setFailedAttempts(db, r.id, failures, lock);
        appendAudit(db, { at, userId: r.id, action: lock ? 'login.locked' : 'login.failed', entity: 'user', entityId: String(r.id), details: { via: 'approval', requestedBy: cashier.id, failures } });
      } else {
        appendAudit(db, { at, userId: null, action: 'login.failed', entity: 'user', details: { via: 'approval', requestedBy: cashier.id, known: !!r } });
      }
    })();
    throw err('WRONG_PIN', 'Wrong supervisor username or PIN.', 'اسم المشرف أو رقمه السري غير صحيح.');
  }
  if (r.role === 'cashier') {
    appendAudit(db, { at, userId: r.id, action: 'approval.refused', entity: 'user', entityId: String(r.id), details: { action: i.action, requestedBy: cashier.id } });
    throw err('FORBIDDEN', 'Only a supervisor or an administrator can approve this.', 'الموافقة من صلاحية المشرف أو مدير النظام فقط.');
  }
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + APPROVAL_TTL_MS).toISOString();
  db.transaction(() => {
    clearFailedAttempts(db, r.id);
    insertApproval(db, { tokenHash: hashToken(token), action: i.action, subject: i.subject ?? null, approverId: r.id, requestedBy: cashier.id, at, expiresAt });
    appendAudit(db, { at, userId: r.id, action: 'approval.granted', entity: 'approval', entityId: i.action, details: { action: i.action, subject: i.subject ?? null, requestedBy: cashier.id, expiresAt } });
  })();
  return { approvalToken: token, action: i.action, subject: i.subject ?? null, expiresAt, approver: { id: r.id, displayName: r.display_name } };
}

export const approvalRequired = (action: ApprovalAction, en: string, ar: string) =>
  err('APPROVAL_REQUIRED', `${en} A supervisor's approval is needed (${action}).`, `${ar} يلزم موافقة المشرف.`, [`approval:${action}`]);

/**
 * Uses up an approval token for `action` (and `subject`, when the token was granted for one),
 * requested by `user`. Call inside the transaction of the action it allows. Throws
 * APPROVAL_REQUIRED when the token is missing, unknown, expired, used, or for something else.
 */
export function consumeApproval(db: WriteDb, user: User, token: string | undefined, action: ApprovalAction, subject: string, at: string, why: { en: string; ar: string }): { approverId: number } {
  if (!token) throw approvalRequired(action, why.en, why.ar);
  const r = usableApproval(db, hashToken(token), action, user.id, at);
  if (!r || (r.subject !== null && r.subject !== subject)) {
    throw approvalRequired(action, `${why.en} The approval given is not valid (expired, used, or for something else).`, `${why.ar} الموافقة المقدمة غير صالحة (منتهية أو مستخدمة أو لعملية أخرى).`);
  }
  markApprovalUsed(db, r.id, at, subject);
  appendAudit(db, { at, userId: user.id, action: 'approval.used', entity: 'approval', entityId: action, details: { subject, approverId: r.approver_id } });
  return { approverId: r.approver_id };
}
