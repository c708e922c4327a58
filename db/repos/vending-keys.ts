// The vending_keys table: each STS vending key sealed (encrypted) by main/keys, with the attributes
// of its key certificate, its key check value, who loaded it and, once retired, who retired it.
// At most one key per SGC and KRN is active (not retired); retired keys stay listed.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';

export interface VendingKeyRow {
  id: number; sgc: string; krn: number; sealed: string; createdAt: string;
  keyType: number | null; baseDate: 1993 | 2014 | 2035 | null; ea: '07' | '11' | null; dkga: '02' | '04' | null;
  expiresAt: string | null; kcv: string | null; loadedBy: string | null; retiredAt: string | null; retiredBy: string | null;
}

const SELECT = `SELECT k.id, k.sgc, k.krn, k.sealed, k.created_at AS createdAt, k.key_type AS keyType, k.base_date AS baseDate, k.ea, k.dkga,
    k.expires_at AS expiresAt, k.kcv, lu.display_name AS loadedBy, k.retired_at AS retiredAt, ru.display_name AS retiredBy
  FROM vending_keys k LEFT JOIN users lu ON lu.id = k.loaded_by LEFT JOIN users ru ON ru.id = k.retired_by`;

/** Cached: every locally made STS token looks up its key. The active (not retired) key, if any. */
export function activeKey(db: ReadDb, sgc: string, krn: number): VendingKeyRow | undefined {
  return stmt(db, `${SELECT} WHERE k.sgc = ? AND k.krn = ? AND k.retired_at IS NULL`).get(sgc, krn) as VendingKeyRow | undefined;
}

/** The latest retired key of an SGC and KRN, when no key is active (to say "retired", not "missing"). */
export function lastRetiredKey(db: ReadDb, sgc: string, krn: number): VendingKeyRow | undefined {
  return stmt(db, `${SELECT} WHERE k.sgc = ? AND k.krn = ? AND k.retired_at IS NOT NULL ORDER BY k.retired_at DESC, k.id DESC LIMIT 1`).get(sgc, krn) as VendingKeyRow | undefined;
}

export function keyById(db: ReadDb, id: number): VendingKeyRow | undefined {
  return db.prepare(`${SELECT} WHERE k.id = ?`).get(id) as VendingKeyRow | undefined;
}

export interface NewVendingKey {
  sgc: string; krn: number; sealed: string; at: string; keyType: number; baseDate: 1993 | 2014 | 2035; ea: '07' | '11'; dkga: '02' | '04';
  expiresAt: string | null; kcv: string; loadedBy: number | null;
}

/** Throws a SQLite constraint error when an active key of this SGC and KRN exists. */
export function insertKey(db: WriteDb, k: NewVendingKey): number {
  return (db.prepare(
    `INSERT INTO vending_keys (sgc, krn, sealed, created_at, key_type, base_date, ea, dkga, expires_at, kcv, loaded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(k.sgc, k.krn, k.sealed, k.at, k.keyType, k.baseDate, k.ea, k.dkga, k.expiresAt, k.kcv, k.loadedBy) as { id: number }).id;
}

/** False when the key is already retired (or does not exist). */
export function retireKey(db: WriteDb, id: number, at: string, by: number | null): boolean {
  return db.prepare('UPDATE vending_keys SET retired_at = ?, retired_by = ? WHERE id = ? AND retired_at IS NULL').run(at, by, id).changes === 1;
}

/** Active keys first (by SGC, KRN), then retired ones, newest retirement first. */
export function listKeys(db: ReadDb): VendingKeyRow[] {
  return db.prepare(`${SELECT} ORDER BY (k.retired_at IS NOT NULL), k.sgc, k.krn, k.retired_at DESC, k.id DESC`).all() as VendingKeyRow[];
}

/** Keys loaded before key check values were recorded. */
export function keysWithoutKcv(db: ReadDb): { id: number; sgc: string; krn: number; sealed: string }[] {
  return db.prepare('SELECT id, sgc, krn, sealed FROM vending_keys WHERE kcv IS NULL ORDER BY id').all() as { id: number; sgc: string; krn: number; sealed: string }[];
}

export function setKcv(db: WriteDb, id: number, kcv: string): void {
  db.prepare('UPDATE vending_keys SET kcv = ? WHERE id = ? AND kcv IS NULL').run(kcv, id);
}
