// Customer rows: lookup, search (the search_norm column and its index customers_fts, kept by triggers), insert and edit, and the meters each one holds.
import type { ReadDb, WriteDb } from '../open';
import { matchingCustomerIds, prefixEnd } from './customer-search';
import { stmt } from './stmt';

export interface CustomerRow { id: number; name: string; name_latin: string | null; phone: string | null; address: string | null; created_at: string; updated_at: string | null }


export function customerRow(db: ReadDb, id: number): CustomerRow | undefined {
  return db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
}

export function customerExists(db: ReadDb, id: number): boolean {
  return !!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(id);
}

export function metersOfCustomer(db: ReadDb, customerId: number): { number: string; kind: 'sts' | 'acrel'; active: number }[] {
  return db.prepare('SELECT number, kind, active FROM meters WHERE customer_id = ? ORDER BY number').all(customerId) as { number: string; kind: 'sts' | 'acrel'; active: number }[];
}

/**
 * Customers who hold a meter whose number starts with `q`, then those whose search text matches it
 * (matchingCustomerIds: `q` already normalised, not escaped): at most `limit`, each part an index
 * search that stops at `limit`; the page is shown in name order.
 */
export function searchCustomerRows(db: ReadDb, q: string, limit: number): CustomerRow[] {
  const ids = new Set(stmt(db, 'SELECT customer_id FROM meters WHERE number >= ? AND number < ? AND customer_id IS NOT NULL ORDER BY number LIMIT ?')
    .pluck().all(q, prefixEnd(q), limit) as number[]);
  if (ids.size < limit) for (const id of matchingCustomerIds(db, q, limit)) ids.add(id);
  if (ids.size === 0) return [];
  return stmt(db, 'SELECT * FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name, id')
    .all(JSON.stringify([...ids].slice(0, limit))) as CustomerRow[];
}

/** Every customer's id, name and phone, oldest first (the import matches its rows against them). */
export function customerNamesAndPhones(db: ReadDb): { id: number; name: string; phone: string | null }[] {
  return db.prepare('SELECT id, name, phone FROM customers ORDER BY id').all() as { id: number; name: string; phone: string | null }[];
}

/** The same, for these customers only, oldest first. */
export function namesAndPhonesOf(db: ReadDb, ids: number[]): { id: number; name: string; phone: string | null }[] {
  return db.prepare('SELECT id, name, phone FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids)) as { id: number; name: string; phone: string | null }[];
}

/** About how many customers there are (ids are not reused): from the primary key, without counting. */
export function customerCountEstimate(db: ReadDb): number {
  return (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM customers').get() as { n: number }).n;
}

export function insertCustomerRow(db: WriteDb, c: { name: string; nameLatin: string | null; phone: string | null; address: string | null }, at: string): number {
  return (stmt(db, 'INSERT INTO customers (name, name_latin, phone, address, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id')
    .get(c.name, c.nameLatin, c.phone, c.address, at) as { id: number }).id;
}

/** `name` null keeps the name; each other field changes only when its `set` flag is true. */
export function updateCustomerRow(
  db: WriteDb, id: number,
  c: { name: string | null; setNameLatin: boolean; nameLatin: string | null; setPhone: boolean; phone: string | null; setAddress: boolean; address: string | null },
  at: string,
): void {
  db.prepare(`UPDATE customers SET name = COALESCE(?, name), name_latin = CASE WHEN ? THEN ? ELSE name_latin END,
        phone = CASE WHEN ? THEN ? ELSE phone END, address = CASE WHEN ? THEN ? ELSE address END, updated_at = ? WHERE id = ?`)
    .run(c.name, Number(c.setNameLatin), c.nameLatin, Number(c.setPhone), c.phone, Number(c.setAddress), c.address, at, id);
}
