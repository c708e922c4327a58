// User rows: lookups for login and approval, the admin screens' list and edits, PIN hashes and lockout counters.
import type { ReadDb, WriteDb } from '../open';
import type { User } from '../../preload/contract';

export interface UserRow {
  id: number; username: string; display_name: string; role: User['role']; locale: User['locale']; pin_hash: string;
  active: number; failed_attempts: number; locked_until: string | null; created_at: string;
  /** The head office's key for a user it sent (migration 0021); null: made at this counter. */
  ho_key: string | null;
}

export function userById(db: ReadDb, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function userByUsername(db: ReadDb, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

export function usernameTaken(db: ReadDb, username: string): boolean {
  return !!db.prepare('SELECT 1 FROM users WHERE username = ?').get(username);
}

export function listUserRows(db: ReadDb, includeInactive: boolean): UserRow[] {
  return db.prepare(`SELECT * FROM users ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, role, username`).all() as UserRow[];
}

export function countActiveAdmins(db: ReadDb): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1`).get() as { n: number }).n;
}

export function insertUser(db: WriteDb, u: { username: string; displayName: string; role: User['role']; pinHash: string; locale: User['locale'] }, at: string): UserRow {
  return db.prepare('INSERT INTO users (username, display_name, role, pin_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *')
    .get(u.username, u.displayName, u.role, u.pinHash, u.locale, at) as UserRow;
}

/** Null leaves a field as it is. */
export function updateUserFields(db: WriteDb, id: number, c: { displayName: string | null; role: User['role'] | null; locale: User['locale'] | null; active: number | null }): void {
  db.prepare(`UPDATE users SET display_name = COALESCE(?, display_name), role = COALESCE(?, role), locale = COALESCE(?, locale),
      active = COALESCE(?, active) WHERE id = ?`).run(c.displayName, c.role, c.locale, c.active, id);
}

/** A PIN set by an administrator also clears any lockout. */
export function resetPinHash(db: WriteDb, id: number, pinHash: string): void {
  db.prepare('UPDATE users SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(pinHash, id);
}

export function setPinHash(db: WriteDb, id: number, pinHash: string): void {
  db.prepare('UPDATE users SET pin_hash = ? WHERE id = ?').run(pinHash, id);
}

export function clearFailedAttempts(db: WriteDb, id: number): void {
  db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
}

export function setFailedAttempts(db: WriteDb, id: number, failures: number, lockedUntil: string | null): void {
  db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failures, lockedUntil, id);
}
