// The vending_keys table at the head office: every SQL statement about the supply groups' vending
// keys (sealed by head-office/leases/vending-keys.ts; the plain key is never stored or returned).
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface HeadOfficeKeyAttributes {
  sgc: string;
  krn: number;
  keyType: number;
  baseDate: 1993 | 2014 | 2035;
  ea: '07' | '11';
  dkga: '02' | '04';
  /** The last day the key may be used (YYYY-MM-DD), or null. */
  expiresOn: string | null;
}

export interface VendingKeyRow extends HeadOfficeKeyAttributes {
  id: number;
  kcv: string;
  sealed: string;
  loadedBy: string;
  loadedAt: Date;
  retiredAt: Date | null;
}

interface Raw {
  id: string; sgc: string; krn: number; key_type: number; base_date: 1993 | 2014 | 2035; ea: '07' | '11'; dkga: '02' | '04';
  expires_on: string | null; kcv: string; sealed: string; loaded_by: string; loaded_at: Date; retired_at: Date | null;
}

// to_char: a date column as the day it names, whatever the session's time zone.
const COLUMNS = `id, sgc, krn, key_type, base_date, ea, dkga, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, kcv, sealed, loaded_by, loaded_at, retired_at`;
const fromRaw = (r: Raw): VendingKeyRow => ({
  id: Number(r.id), sgc: r.sgc, krn: r.krn, keyType: r.key_type, baseDate: r.base_date, ea: r.ea, dkga: r.dkga, expiresOn: r.expires_on,
  kcv: r.kcv, sealed: r.sealed, loadedBy: r.loaded_by, loadedAt: r.loaded_at, retiredAt: r.retired_at,
});

/**
 * Stores a sealed key, retiring the key in use for the same SGC and KRN first when `replace`; in
 * one transaction. Without `replace`, a key already in use makes this return { replacedKcv: null,
 * conflict } and store nothing.
 */
export async function insertVendingKey(
  pool: pg.Pool, k: HeadOfficeKeyAttributes & { kcv: string; sealed: string; loadedBy: string }, replace: boolean,
): Promise<{ row: VendingKeyRow; replaced: VendingKeyRow | null } | { conflict: VendingKeyRow }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const current = await client.query<Raw>(`SELECT ${COLUMNS} FROM vending_keys WHERE sgc = $1 AND krn = $2 AND retired_at IS NULL FOR UPDATE`, [k.sgc, k.krn]);
    const existing = current.rows[0] ? fromRaw(current.rows[0]) : null;
    if (existing && !replace) {
      await client.query('ROLLBACK');
      return { conflict: existing };
    }
    if (existing) await client.query('UPDATE vending_keys SET retired_at = now() WHERE id = $1', [existing.id]);
    const r = await client.query<Raw>(
      `INSERT INTO vending_keys (sgc, krn, key_type, base_date, ea, dkga, expires_on, kcv, sealed, loaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [k.sgc, k.krn, k.keyType, k.baseDate, k.ea, k.dkga, k.expiresOn, k.kcv, k.sealed, k.loadedBy],
    );
    await client.query('COMMIT');
    return { row: fromRaw(r.rows[0]!), replaced: existing };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The key in use for this SGC and KRN (not retired; expiry is the caller's to judge), if any. */
export async function activeVendingKey(db: Queryable, sgc: string, krn: number): Promise<VendingKeyRow | undefined> {
  const r = await db.query<Raw>(`SELECT ${COLUMNS} FROM vending_keys WHERE sgc = $1 AND krn = $2 AND retired_at IS NULL`, [sgc, krn]);
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

/** Keys in use first (by SGC, KRN), then retired ones, newest first. */
export async function listVendingKeys(db: Queryable): Promise<VendingKeyRow[]> {
  const r = await db.query<Raw>(`SELECT ${COLUMNS} FROM vending_keys ORDER BY (retired_at IS NOT NULL), sgc, krn, retired_at DESC, id DESC`);
  return r.rows.map(fromRaw);
}
