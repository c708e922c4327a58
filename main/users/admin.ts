// User administration (issue 8): an admin creates and edits users and sets PINs; a supervisor
// lists them and unlocks a locked-out cashier. Every change is audited in its own transaction.
// Deactivating a user or changing their role ends their open sessions (the caller does that).
import type { ReadDb, WriteDb } from '../../db/open';
import type { AdminUser, User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { hashPin, verifyPin } from '../auth/pin';
import { err } from '../common/errors';

interface Row {
  id: number; username: string; display_name: string; role: User['role']; locale: User['locale']; pin_hash: string;
  active: number; failed_attempts: number; locked_until: string | null; created_at: string;
}

const toAdmin = (r: Row): AdminUser => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, locale: r.locale, active: r.active === 1,
  failedAttempts: r.failed_attempts, lockedUntil: r.locked_until, createdAt: r.created_at,
});

const noUser = () => err('NOT_FOUND', 'There is no such user.', 'لا يوجد مستخدم بهذا الرقم.');

function row(db: ReadDb, id: number): Row {
  const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw noUser();
  return r;
}

export function listUsers(db: ReadDb, includeInactive: boolean): AdminUser[] {
  return (db.prepare(`SELECT * FROM users ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, role, username`).all() as Row[]).map(toAdmin);
}

export interface NewUser { username: string; displayName: string; role: User['role']; locale: User['locale']; pin: string }

export function createUser(db: WriteDb, by: User, u: NewUser, at: string): AdminUser {
  if (db.prepare('SELECT 1 FROM users WHERE username = ?').get(u.username)) {
    throw err('CONFLICT', `The username "${u.username}" is taken.`, `اسم المستخدم "${u.username}" مستخدم من قبل.`);
  }
  const hash = hashPin(u.pin);
  return db.transaction(() => {
    const r = db.prepare('INSERT INTO users (username, display_name, role, pin_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *')
      .get(u.username, u.displayName, u.role, hash, u.locale, at) as Row;
    appendAudit(db, { at, userId: by.id, action: 'user.create', entity: 'user', entityId: String(r.id), details: { username: u.username, role: u.role } });
    return toAdmin(r);
  })();
}

const activeAdmins = (db: ReadDb) => (db.prepare(`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1`).get() as { n: number }).n;

export interface UserChange { displayName?: string; role?: User['role']; locale?: User['locale']; active?: boolean }

/** Returns the user after the change and whether their sessions must end (role or active changed). */
export function updateUser(db: WriteDb, by: User, id: number, c: UserChange, at: string): { user: AdminUser; endSessions: boolean } {
  return db.transaction(() => {
    const before = row(db, id);
    const losesAdmin = before.role === 'admin' && before.active === 1 && ((c.role !== undefined && c.role !== 'admin') || c.active === false);
    if (losesAdmin && activeAdmins(db) <= 1) {
      throw err('CONFLICT', 'This is the last active administrator: make another user an administrator first.', 'هذا آخر مدير نظام نشط: عيّن مديراً آخر أولاً.');
    }
    db.prepare(`UPDATE users SET display_name = COALESCE(?, display_name), role = COALESCE(?, role), locale = COALESCE(?, locale),
      active = COALESCE(?, active) WHERE id = ?`).run(c.displayName ?? null, c.role ?? null, c.locale ?? null, c.active === undefined ? null : Number(c.active), id);
    appendAudit(db, { at, userId: by.id, action: 'user.update', entity: 'user', entityId: String(id), details: { ...c, before: { role: before.role, active: before.active === 1 } } });
    const after = row(db, id);
    return { user: toAdmin(after), endSessions: after.role !== before.role || after.active !== before.active };
  })();
}

/** A new PIN also clears any lockout. */
export function setPin(db: WriteDb, by: User, id: number, pin: string, at: string): AdminUser {
  const hash = hashPin(pin);
  return db.transaction(() => {
    row(db, id);
    db.prepare('UPDATE users SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(hash, id);
    appendAudit(db, { at, userId: by.id, action: 'user.set_pin', entity: 'user', entityId: String(id) });
    return toAdmin(row(db, id));
  })();
}

/** A supervisor unlocks a cashier (an admin unlocks anyone). */
export function unlockUser(db: WriteDb, by: User, id: number, at: string): AdminUser {
  return db.transaction(() => {
    const r = row(db, id);
    if (by.role === 'supervisor' && r.role !== 'cashier') {
      throw err('FORBIDDEN', 'A supervisor can unlock cashiers only; ask an administrator.', 'يمكن للمشرف فك قفل الكاشير فقط؛ اطلب من مدير النظام.');
    }
    db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
    appendAudit(db, { at, userId: by.id, action: 'user.unlock', entity: 'user', entityId: String(id), details: { failedAttempts: r.failed_attempts, lockedUntil: r.locked_until } });
    return toAdmin(row(db, id));
  })();
}

export function changeOwnPin(db: WriteDb, me: User, currentPin: string, newPin: string, at: string): void {
  const r = row(db, me.id);
  if (!verifyPin(currentPin, r.pin_hash)) {
    appendAudit(db, { at, userId: me.id, action: 'user.change_pin_failed', entity: 'user', entityId: String(me.id) });
    throw err('WRONG_PIN', 'The current PIN is wrong.', 'الرقم السري الحالي غير صحيح.');
  }
  if (currentPin === newPin) throw err('BAD_INPUT', 'The new PIN must differ from the current one.', 'يجب أن يختلف الرقم السري الجديد عن الحالي.');
  const hash = hashPin(newPin);
  db.transaction(() => {
    db.prepare('UPDATE users SET pin_hash = ? WHERE id = ?').run(hash, me.id);
    appendAudit(db, { at, userId: me.id, action: 'user.change_pin', entity: 'user', entityId: String(me.id) });
  })();
}
