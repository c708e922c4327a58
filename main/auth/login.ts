// PIN login with rate limits (see throttle.ts): per user (lock after MAX_FAILURES wrong PINs in a
// row, longer each time) and per counter (too many failures at this till pause every login).
// Unknown users and wrong PINs get the same message and cost the same scrypt work, so usernames
// cannot be probed. Every outcome that says something about an attacker is audited: login,
// login.failed (also for unknown usernames), login.locked (the attempt that locked the user) and
// login.counter_locked (the failure that paused the counter). Attempts refused during a lock are
// not audited one by one: the lock itself is, and this keeps a flood of refusals from growing
// the log or pushing failures out of the counter's look-back.
import type { WriteDb } from '../../db/open';
import type { User } from '../../preload/contract';
import { clearFailedAttempts, setFailedAttempts, userByUsername, type UserRow } from '../../db/repos/users';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { verifyPin } from './pin';
import { counterLockedError, counterLockedUntil, lockMinutes, MAX_FAILURES, userLockedError } from './throttle';

export { LOCK_MINUTES, MAX_FAILURES } from './throttle';

export const toUser = (r: Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'locale'>): User => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, locale: r.locale,
});

/** Same cost as a real check, so an unknown username takes as long as a wrong PIN. */
const DUMMY_HASH = 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
/** A username made only of digits may be a PIN typed in the wrong box: never store it. */
const typedName = (u: string) => (/^\d+$/.test(u) ? '(digits)' : u.slice(0, 64));

export function login(db: WriteDb, username: string, pin: string, now: Date): User {
  const at = now.toISOString();
  const counterUntil = counterLockedUntil(db, now);
  if (counterUntil) throw counterLockedError(counterUntil, now);

  const row = userByUsername(db, username);
  const wrong = err('UNAUTHENTICATED', 'Wrong username or PIN.', 'اسم المستخدم أو الرقم السري غير صحيح.');
  if (row?.active && row.locked_until && row.locked_until > at) throw userLockedError(new Date(row.locked_until), now);

  const ok = verifyPin(pin, row?.active ? row.pin_hash : DUMMY_HASH) && !!row?.active;
  if (ok) {
    db.transaction(() => {
      clearFailedAttempts(db, row.id);
      appendAudit(db, { at, userId: row.id, action: 'login', entity: 'user', entityId: String(row.id) });
    })();
    return toUser(row);
  }
  db.transaction(() => {
    if (row?.active) {
      const failures = row.failed_attempts + 1;
      const lock = failures % MAX_FAILURES === 0 ? new Date(now.getTime() + lockMinutes(failures) * 60_000).toISOString() : null;
      setFailedAttempts(db, row.id, failures, lock);
      appendAudit(db, { at, userId: row.id, action: lock ? 'login.locked' : 'login.failed', entity: 'user', entityId: String(row.id), details: lock ? { failures, until: lock } : { failures } });
    } else {
      appendAudit(db, { at, userId: null, action: 'login.failed', entity: 'user', details: { username: typedName(username), known: !!row } });
    }
    const paused = counterLockedUntil(db, now);
    if (paused) appendAudit(db, { at, userId: null, action: 'login.counter_locked', entity: 'counter', details: { until: paused.toISOString() } });
  })();
  throw wrong;
}
