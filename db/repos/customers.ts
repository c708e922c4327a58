// Customer rows: lookup, search (the search_norm column kept by triggers), insert and edit, and the meters each one holds.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';

export interface CustomerRow { id: number; name: string; name_latin: string | null; phone: string | null; address: string | null; created_at: string; updated_at: string | null }

/** `s` with LIKE's wildcards and the escape character escaped (ESCAPE '\'). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function customerRow(db: ReadDb, id: number): CustomerRow | undefined {
  return db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
}

export function customerExists(db: ReadDb, id: number): boolean {
  return !!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(id);
}

export function metersOfCustomer(db: ReadDb, customerId: number): { number: string; kind: 'sts' | 'acrel'; active: number }[] {
  return db.prepare('SELECT number, kind, active FROM meters WHERE customer_id = ? ORDER BY number').all(customerId) as { number: string; kind: 'sts' | 'acrel'; active: number }[];
}

/** Customers whose normalised name or phone contains `q` (already normalised and escaped), or who hold a meter whose number starts with it. */
export function searchCustomerRows(db: ReadDb, q: string, limit: number): CustomerRow[] {
  return db.prepare(`SELECT * FROM customers c WHERE c.search_norm LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM meters m WHERE m.customer_id = c.id AND m.number LIKE ? ESCAPE '\\')
    ORDER BY c.name LIMIT ?`).all(`%${q}%`, `${q}%`, limit) as CustomerRow[];
}

/** Every customer's id, name and phone, oldest first (the import matches its rows against them). */
export function customerNamesAndPhones(db: ReadDb): { id: number; name: string; phone: string | null }[] {
  return db.prepare('SELECT id, name, phone FROM customers ORDER BY id').all() as { id: number; name: string; phone: string | null }[];
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
