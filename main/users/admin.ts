// User administration: an admin creates and edits users and sets PINs; a supervisor
// lists them and unlocks a locked-out cashier. Every change is audited in its own transaction.
// Deactivating a user or changing their role ends their open sessions (the caller does that).
import type { ReadDb, WriteDb } from '../../db/open';
import type { AdminUser, User } from '../../preload/contract';
import { clearFailedAttempts, countActiveAdmins, insertUser, listUserRows, resetPinHash, updateUserFields, userById, usernameTaken, type UserRow as Row } from '../../db/repos/users';
import { appendAudit } from '../audit/append';
import { hashPin } from '../auth/pin';
import { err } from '../common/errors';

const toAdmin = (r: Row): AdminUser => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, locale: r.locale, active: r.active === 1,
  failedAttempts: r.failed_attempts, lockedUntil: r.locked_until, createdAt: r.created_at, headOffice: r.ho_key !== null,
});

const noUser = () => err('NOT_FOUND', 'There is no such user.', 'لا يوجد مستخدم بهذا الرقم.');

function row(db: ReadDb, id: number): Row {
  const r = userById(db, id);
  if (!r) throw noUser();
  return r;
}

/**
 * A user the head office sent is changed only there: its next change of them would overwrite an
 * edit made here. Users made at this counter (its setup's admin, say) are the counter's own, even
 * once enrolled: nothing the head office sends ever touches them, so only here can a departed
 * employee's local account be deactivated or its PIN reset.
 */
function localRow(db: ReadDb, id: number): Row {
  const r = row(db, id);
  if (r.ho_key !== null) {
    throw err('FORBIDDEN', 'The head office manages this user: change them at the head office; this counter receives the change on its next sync.',
      'المكتب الرئيسي يدير هذا المستخدم: عدّله في المكتب الرئيسي، ويصل التعديل إلى نقطة البيع هذه في المزامنة التالية.');
  }
  return r;
}

export function listUsers(db: ReadDb, includeInactive: boolean): AdminUser[] {
  return listUserRows(db, includeInactive).map(toAdmin);
}

export interface NewUser { username: string; displayName: string; role: User['role']; locale: User['locale']; pin: string }

export function createUser(db: WriteDb, by: User, u: NewUser, at: string): AdminUser {
  if (usernameTaken(db, u.username)) {
    throw err('CONFLICT', `The username "${u.username}" is taken.`, `اسم المستخدم "${u.username}" مستخدم من قبل.`);
  }
  const hash = hashPin(u.pin);
  return db.transaction(() => {
    const r = insertUser(db, { username: u.username, displayName: u.displayName, role: u.role, pinHash: hash, locale: u.locale }, at);
    appendAudit(db, { at, userId: by.id, action: 'user.create', entity: 'user', entityId: String(r.id), details: { username: u.username, role: u.role } });
    return toAdmin(r);
  })();
}

export interface UserChange { displayName?: string; role?: User['role']; locale?: User['locale']; active?: boolean }

/** Returns the user after the change and whether their sessions must end (role or active changed). */
export function updateUser(db: WriteDb, by: User, id: number, c: UserChange, at: string): { user: AdminUser; endSessions: boolean } {
  return db.transaction(() => {
    const before = localRow(db, id);
    // Head-office admins count too: an enrolled counter keeps at least one active admin, whoever made them.
    const losesAdmin = before.role === 'admin' && before.active === 1 && ((c.role !== undefined && c.role !== 'admin') || c.active === false);
    if (losesAdmin && countActiveAdmins(db) <= 1) {
      throw err('CONFLICT', 'This is the last active administrator: make another user an administrator first.', 'هذا آخر مدير نظام نشط: عيّن مديراً آخر أولاً.');
    }
    updateUserFields(db, id, { displayName: c.displayName ?? null, role: c.role ?? null, locale: c.locale ?? null, active: c.active === undefined ? null : Number(c.active) });
    appendAudit(db, { at, userId: by.id, action: 'user.update', entity: 'user', entityId: String(id), details: { ...c, before: { role: before.role, active: before.active === 1 } } });
    const after = row(db, id);
    return { user: toAdmin(after), endSessions: after.role !== before.role || after.active !== before.active };
  })();
}

/** A new PIN also clears any lockout. */
export function setPin(db: WriteDb, by: User, id: number, pin: string, at: string): AdminUser {
  const hash = hashPin(pin);
  return db.transaction(() => {
    localRow(db, id);
    resetPinHash(db, id, hash);
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
    clearFailedAttempts(db, id);
    appendAudit(db, { at, userId: by.id, action: 'user.unlock', entity: 'user', entityId: String(id), details: { failedAttempts: r.failed_attempts, lockedUntil: r.locked_until } });
    return toAdmin(row(db, id));
  })();
}
