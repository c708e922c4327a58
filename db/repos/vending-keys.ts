// The vending_keys table: each STS vending key sealed (encrypted) by main/keys, one row per SGC and KRN.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';

/** Cached: every STS token looks up its key. */
export function sealedKey(db: ReadDb, sgc: string, krn: number): string | undefined {
  return (stmt(db, 'SELECT sealed FROM vending_keys WHERE sgc = ? AND krn = ?').get(sgc, krn) as { sealed: string } | undefined)?.sealed;
}

export function upsertSealedKey(db: WriteDb, sgc: string, krn: number, sealed: string, at: string): void {
  db.prepare(
    `INSERT INTO vending_keys (sgc, krn, sealed, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (sgc, krn) DO UPDATE SET sealed = excluded.sealed, created_at = excluded.created_at`,
  ).run(sgc, krn, sealed, at);
}

export function listKeyRefs(db: ReadDb): { sgc: string; krn: number; createdAt: string }[] {
  return db.prepare('SELECT sgc, krn, created_at AS createdAt FROM vending_keys ORDER BY sgc, krn').all() as { sgc: string; krn: number; createdAt: string }[];
}
