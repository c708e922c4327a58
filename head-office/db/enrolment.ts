// Enrolment codes: every SQL statement about them. A code is consumed by ONE conditional UPDATE
// (unused and unexpired, else no row), in the same transaction as the counter it creates, so two
// counters racing with one code cannot both get a row back, and a failed insert gives the code back.
import type pg from 'pg';
import { type CounterRow } from './counters';

type Queryable = Pick<pg.Pool, 'query'>;

export interface EnrolmentCodeRow {
  id: number;
  counterName: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertEnrolmentCode(db: Queryable, c: { codeHash: Buffer; counterName: string; createdBy: string; validMs: number }): Promise<EnrolmentCodeRow> {
  const r = await db.query<{ id: string; counter_name: string; created_by: string; created_at: Date; expires_at: Date }>(
    `INSERT INTO enrolment_codes (code_hash, counter_name, created_by, expires_at)
     VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')
     RETURNING id, counter_name, created_by, created_at, expires_at`,
    [c.codeHash, c.counterName, c.createdBy, c.validMs],
  );
  const x = r.rows[0]!;
  return { id: Number(x.id), counterName: x.counter_name, createdBy: x.created_by, createdAt: x.created_at, expiresAt: x.expires_at };
}

/**
 * Consumes the code and creates its counter, in one transaction; undefined when the code is wrong,
 * used or expired (the caller must not say which).
 */
export async function enrolWithCode(
  pool: pg.Pool,
  e: { codeHash: Buffer; apiKey: string; secretSealed: (apiKey: string) => string; enrolledAs: string; appVersion: string | null },
): Promise<Pick<CounterRow, 'id' | 'name' | 'apiKey'> | undefined> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const code = await client.query<{ id: string; counter_name: string }>(
        `UPDATE enrolment_codes SET used_at = now()
          WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING id, counter_name`,
        [e.codeHash],
      );
      const used = code.rows[0];
      if (!used) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const counter = await client.query<{ id: string; name: string; api_key: string }>(
        `INSERT INTO counters (name, api_key, secret_sealed, enrolled_at, enrolled_as, app_version, last_seen_at)
         VALUES ($1, $2, $3, now(), $4, $5, now()) RETURNING id, name, api_key`,
        [used.counter_name, e.apiKey, e.secretSealed(e.apiKey), e.enrolledAs, e.appVersion],
      );
      const c = counter.rows[0]!;
      await client.query('UPDATE enrolment_codes SET counter_id = $1 WHERE id = $2', [c.id, used.id]);
      await client.query('COMMIT');
      return { id: Number(c.id), name: c.name, apiKey: c.api_key };
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  } finally {
    client.release();
  }
}
