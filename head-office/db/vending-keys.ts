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
  retiredBy: string | null;
}

interface Raw {
  id: string; sgc: string; krn: number; key_type: number; base_date: 1993 | 2014 | 2035; ea: '07' | '11'; dkga: '02' | '04';
  expires_on: string | null; kcv: string; sealed: string; loaded_by: string; loaded_at: Date; retired_at: Date | null; retired_by: string | null;
}

// to_char: a date column as the day it names, whatever the session's time zone.
const COLUMNS = `id, sgc, krn, key_type, base_date, ea, dkga, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, kcv, sealed, loaded_by, loaded_at, retired_at, retired_by`;
const fromRaw = (r: Raw): VendingKeyRow => ({
  id: Number(r.id), sgc: r.sgc, krn: r.krn, keyType: r.key_type, baseDate: r.base_date, ea: r.ea, dkga: r.dkga, expiresOn: r.expires_on,
  kcv: r.kcv, sealed: r.sealed, loadedBy: r.loaded_by, loadedAt: r.loaded_at, retiredAt: r.retired_at, retiredBy: r.retired_by,
});

/**
 * Stores a sealed key, retiring the key in use for the same SGC and KRN first when `replace` (the
 * retired key is returned as it now stands); in one transaction. Without `replace`, a key already in use makes this return { replacedKcv: null,
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
    const replaced = existing
      ? fromRaw((await client.query<Raw>(`UPDATE vending_keys SET retired_at = now(), retired_by = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [existing.id, k.loadedBy])).rows[0]!)
      : null;
    const r = await client.query<Raw>(
      `INSERT INTO vending_keys (sgc, krn, key_type, base_date, ea, dkga, expires_on, kcv, sealed, loaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [k.sgc, k.krn, k.keyType, k.baseDate, k.ea, k.dkga, k.expiresOn, k.kcv, k.sealed, k.loadedBy],
    );
    await client.query('COMMIT');
    return { row: fromRaw(r.rows[0]!), replaced };
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

/** Retires the key if it is still in use; the key as it stands afterwards (undefined: no such key). */
export async function retireVendingKey(db: Queryable, id: number, by: string): Promise<{ retired: boolean; row: VendingKeyRow | undefined }> {
  const r = await db.query<Raw>(`UPDATE vending_keys SET retired_at = now(), retired_by = $2 WHERE id = $1 AND retired_at IS NULL RETURNING ${COLUMNS}`, [id, by]);
  if (r.rows[0]) return { retired: true, row: fromRaw(r.rows[0]) };
  const now = await db.query<Raw>(`SELECT ${COLUMNS} FROM vending_keys WHERE id = $1`, [id]);
  return { retired: false, row: now.rows[0] ? fromRaw(now.rows[0]) : undefined };
}

/** Keys in use first (by SGC, KRN), then retired ones, newest first. */
export async function listVendingKeys(db: Queryable): Promise<VendingKeyRow[]> {
  const r = await db.query<Raw>(`SELECT ${COLUMNS} FROM vending_keys ORDER BY (retired_at IS NOT NULL), sgc, krn, retired_at DESC, id DESC`);
  return r.rows.map(fromRaw);
}
