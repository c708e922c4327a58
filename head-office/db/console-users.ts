// The web console's users and sessions: every SQL statement about them. Times the session rules
// depend on (expiry, idle timeout, lockout) come from the caller's clock, so they can be tested
// without waiting; a change that must end sessions (deactivation, a new password) does so in the
// same statement, so no request can slip between the two.
import type pg from 'pg';
import type { PasswordHash } from '../console/passwords';

type Queryable = Pick<pg.Pool, 'query'>;

export type ConsoleRoleName = 'viewer' | 'operator' | 'admin';

export interface ConsoleUserRow {
  id: number;
  username: string;
  displayName: string;
  role: ConsoleRoleName;
  active: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface ConsoleUserWithPassword extends ConsoleUserRow {
  password: PasswordHash;
}

interface Raw {
  id: string;
  username: string;
  display_name: string;
  role: ConsoleRoleName;
  active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  password_changed_at: Date;
  created_at: Date;
  updated_at: Date;
  password_salt: Buffer;
  password_hash: Buffer;
  scrypt_n: number;
  scrypt_r: number;
  scrypt_p: number;
}

const COLUMNS = 'id, username, display_name, role, active, failed_attempts, locked_until, password_changed_at, created_at, updated_at';
const U_COLUMNS = COLUMNS.split(', ').map((c) => `u.${c}`).join(', ');

const fromRaw = (r: Raw): ConsoleUserRow => ({
  id: Number(r.id), username: r.username, displayName: r.display_name, role: r.role, active: r.active,
  failedAttempts: r.failed_attempts, lockedUntil: r.locked_until, passwordChangedAt: r.password_changed_at,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

/** The unique index on lower(username) refused the row: the name is taken. */
export const isUsernameTaken = (err: unknown): boolean =>
  (err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'console_users_username';

export async function insertConsoleUser(db: Queryable, u: { username: string; displayName: string; role: ConsoleRoleName; password: PasswordHash }): Promise<ConsoleUserRow> {
  const r = await db.query<Raw>(
    `INSERT INTO console_users (username, display_name, role, password_salt, password_hash, scrypt_n, scrypt_r, scrypt_p)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [u.username, u.displayName, u.role, u.password.salt, u.password.hash, u.password.n, u.password.r, u.password.p],
  );
  return fromRaw(r.rows[0]!);
}

export async function consoleUserForSignIn(db: Queryable, username: string): Promise<ConsoleUserWithPassword | undefined> {
  const r = await db.query<Raw>(
    `SELECT ${COLUMNS}, password_salt, password_hash, scrypt_n, scrypt_r, scrypt_p FROM console_users WHERE lower(username) = lower($1)`,
    [username],
  );
  const x = r.rows[0];
  return x ? { ...fromRaw(x), password: { salt: x.password_salt, hash: x.password_hash, n: x.scrypt_n, r: x.scrypt_r, p: x.scrypt_p } } : undefined;
}

export async function listConsoleUsers(db: Queryable): Promise<ConsoleUserRow[]> {
  const r = await db.query<Raw>(`SELECT ${COLUMNS} FROM console_users ORDER BY lower(username)`);
  return r.rows.map(fromRaw);
}

export async function consoleUserById(db: Queryable, id: number): Promise<ConsoleUserRow | undefined> {
  const r = await db.query<Raw>(`SELECT ${COLUMNS} FROM console_users WHERE id = $1`, [id]);
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

/**
 * One more wrong password. At `maxAttempts` in a row the account locks until now + lockMs and the
 * count starts again, so after the lock there are `maxAttempts` more tries. Returns the lock's end.
 */
export async function recordFailedSignIn(db: Queryable, id: number, now: Date, maxAttempts: number, lockMs: number): Promise<Date | null> {
  const r = await db.query<{ locked_until: Date | null }>(
    `UPDATE console_users SET
       locked_until = CASE WHEN failed_attempts + 1 >= $3 THEN $2::timestamptz + $4 * interval '1 millisecond' ELSE locked_until END,
       failed_attempts = CASE WHEN failed_attempts + 1 >= $3 THEN 0 ELSE failed_attempts + 1 END
     WHERE id = $1 RETURNING locked_until`,
    [id, now, maxAttempts, lockMs],
  );
  const until = r.rows[0]?.locked_until ?? null;
  return until && until > now ? until : null;
}

export async function recordSignIn(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE console_users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]);
}

/**
 * Changes a user's display name, role or active flag; deactivating ends every session of theirs in
 * the same statement. A role change needs no such step: each request reads the role afresh.
 */
export async function updateConsoleUser(db: Queryable, id: number, change: { displayName?: string; role?: ConsoleRoleName; active?: boolean }, now: Date): Promise<ConsoleUserRow | undefined> {
  const r = await db.query<Raw>(
    `WITH u AS (
       UPDATE console_users SET
         display_name = COALESCE($2, display_name), role = COALESCE($3, role), active = COALESCE($4, active),
         updated_at = GREATEST(created_at, $5::timestamptz)
       WHERE id = $1 RETURNING ${COLUMNS}
     ), ended AS (
       UPDATE console_sessions s SET revoked_at = $5, revoked_why = 'deactivated'
         FROM u WHERE s.user_id = u.id AND NOT u.active AND s.revoked_at IS NULL
     )
     SELECT ${U_COLUMNS} FROM u`,
    [id, change.displayName ?? null, change.role ?? null, change.active ?? null, now],
  );
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

/** A new password: lifts a lockout and ends every session of the user, in one statement. */
export async function setConsolePassword(db: Queryable, id: number, password: PasswordHash, now: Date): Promise<ConsoleUserRow | undefined> {
  const r = await db.query<Raw>(
    `WITH u AS (
       UPDATE console_users SET
         password_salt = $2, password_hash = $3, scrypt_n = $4, scrypt_r = $5, scrypt_p = $6,
         failed_attempts = 0, locked_until = NULL, password_changed_at = $7, updated_at = GREATEST(created_at, $7::timestamptz)
       WHERE id = $1 RETURNING ${COLUMNS}
     ), ended AS (
       UPDATE console_sessions s SET revoked_at = $7, revoked_why = 'password_changed'
         FROM u WHERE s.user_id = u.id AND s.revoked_at IS NULL
     )
     SELECT ${U_COLUMNS} FROM u`,
    [id, password.salt, password.hash, password.n, password.r, password.p, now],
  );
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

export async function insertConsoleSession(db: Queryable, s: { tokenHash: Buffer; userId: number; now: Date; expiresAt: Date }): Promise<void> {
  await db.query(
    'INSERT INTO console_sessions (token_hash, user_id, created_at, last_used_at, expires_at) VALUES ($1, $2, $3, $3, $4)',
    [s.tokenHash, s.userId, s.now, s.expiresAt],
  );
}

/**
 * The user of a live session, marking it used now: not revoked, not past its expiry, used within
 * the idle timeout, and its user still active. undefined otherwise (the caller says "sign in").
 */
export async function useConsoleSession(db: Queryable, tokenHash: Buffer, now: Date, idleMs: number): Promise<ConsoleUserRow | undefined> {
  const r = await db.query<Raw>(
    `UPDATE console_sessions s SET last_used_at = GREATEST(s.last_used_at, $2::timestamptz)
       FROM console_users u
      WHERE s.token_hash = $1 AND u.id = s.user_id AND u.active AND s.revoked_at IS NULL
        AND s.expires_at > $2 AND s.last_used_at > $2::timestamptz - $3 * interval '1 millisecond'
      RETURNING ${U_COLUMNS}`,
    [tokenHash, now, idleMs],
  );
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

export async function revokeConsoleSession(db: Queryable, tokenHash: Buffer, now: Date): Promise<void> {
  await db.query(`UPDATE console_sessions SET revoked_at = $2, revoked_why = 'signed_out' WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash, now]);
}

/**
 * The admin command's first admin (or a forgotten password): creates the user, or gives an
 * existing one this password and role and re-activates them, ending their sessions.
 */
export async function upsertConsoleUser(pool: pg.Pool, u: { username: string; displayName: string; role: ConsoleRoleName; password: PasswordHash }, now: Date): Promise<{ user: ConsoleUserRow; created: boolean }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const existing = await client.query<{ id: string }>('SELECT id FROM console_users WHERE lower(username) = lower($1) FOR UPDATE', [u.username]);
      const id = existing.rows[0] ? Number(existing.rows[0].id) : null;
      let user: ConsoleUserRow;
      if (id === null) {
        user = await insertConsoleUser(client, u);
      } else {
        await setConsolePassword(client, id, u.password, now);
        user = (await updateConsoleUser(client, id, { role: u.role, active: true }, now))!;
      }
      await client.query('COMMIT');
      return { user, created: id === null };
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  } finally {
    client.release();
  }
}
