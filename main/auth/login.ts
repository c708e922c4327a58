// PIN login with lockout: after MAX_FAILURES wrong PINs in a row the user is locked for
// LOCK_MINUTES. Unknown users and wrong PINs get the same message so usernames cannot be probed.
import type Database from 'better-sqlite3';
import type { User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { err } from '../errors';
import { verifyPin } from './pin';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 5;

interface UserRow {
  id: number; username: string; display_name: string; role: User['role']; locale: User['locale'];
  pin_hash: string; failed_attempts: number; locked_until: string | null; active: number;
}

export const toUser = (r: Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'locale'>): User => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, locale: r.locale,
});

export function login(db: Database.Database, username: string, pin: string, now: Date): User {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  const wrong = err('UNAUTHENTICATED', 'Wrong username or PIN.', 'اسم المستخدم أو الرقم السري غير صحيح.');
  if (!row || !row.active) {
    verifyPin(pin, 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='); // same cost either way
    throw wrong;
  }
  if (row.locked_until && row.locked_until > now.toISOString()) {
    throw err('LOCKED_OUT', 'Too many wrong PINs. Try again later or ask a supervisor.', 'محاولات خاطئة كثيرة. حاول لاحقاً أو اطلب من المشرف.');
  }
  const at = now.toISOString();
  if (!verifyPin(pin, row.pin_hash)) {
    const failures = row.failed_attempts + 1;
    const lock = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    db.transaction(() => {
      db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(lock ? 0 : failures, lock, row.id);
      appendAudit(db, { at, userId: row.id, action: lock ? 'login.locked' : 'login.failed', entity: 'user', entityId: String(row.id) });
    })();
    throw wrong;
  }
  db.transaction(() => {
    db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(row.id);
    appendAudit(db, { at, userId: row.id, action: 'login', entity: 'user', entityId: String(row.id) });
  })();
  return toUser(row);
}
