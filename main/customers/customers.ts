// Customers (issue 8): a supervisor creates and edits them; anyone at the counter searches them by
// name (Arabic-normalised, either script) or phone. The search column is kept by SQL triggers
// (migration 0007) with the same rules as normalise(), so every writer keeps it right.
import type { ReadDb, WriteDb } from '../../db/open';
import type { Customer, User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { compactPhone, normaliseQuery } from '../../db/normalize';

interface Row { id: number; name: string; name_latin: string | null; phone: string | null; address: string | null; created_at: string; updated_at: string | null }

export interface CustomerFields { nameAr?: string; nameLatin?: string | null; phone?: string | null; address?: string | null }

function toCustomer(db: ReadDb, r: Row): Customer {
  const meters = db.prepare('SELECT number, kind, active FROM meters WHERE customer_id = ? ORDER BY number').all(r.id) as { number: string; kind: 'sts' | 'acrel'; active: number }[];
  return {
    id: r.id, nameAr: r.name, nameLatin: r.name_latin, phone: r.phone, address: r.address, createdAt: r.created_at, updatedAt: r.updated_at,
    meters: meters.map((m) => ({ number: m.number, kind: m.kind, active: m.active === 1 })),
  };
}

export function getCustomer(db: ReadDb, id: number): Customer {
  const r = db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw err('NOT_FOUND', 'There is no such customer.', 'لا يوجد مشترك بهذا الرقم.');
  return toCustomer(db, r);
}

export const customerExists = (db: ReadDb, id: number) => !!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(id);

/** Name (either script, Arabic-normalised), phone, or a meter number of theirs. */
export function searchCustomers(db: ReadDb, query: string, limit: number): Customer[] {
  const q = normaliseQuery(query).replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = db.prepare(`SELECT * FROM customers c WHERE c.search_norm LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM meters m WHERE m.customer_id = c.id AND m.number LIKE ? ESCAPE '\\')
    ORDER BY c.name LIMIT ?`).all(`%${q}%`, `${q}%`, limit) as Row[];
  return rows.map((r) => toCustomer(db, r));
}

const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());
/** Phones are stored with Latin digits (the customer's own spacing kept). */
const cleanPhone = (v: string | null | undefined) => {
  const c = clean(v);
  return c ? c.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)) : c;
};

export function insertCustomer(db: ReadDb, f: Required<CustomerFields>, at: string): number {
  return (db.prepare('INSERT INTO customers (name, name_latin, phone, address, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id')
    .get(f.nameAr!.trim(), clean(f.nameLatin) ?? null, cleanPhone(f.phone) ?? null, clean(f.address) ?? null, at) as { id: number }).id;
}

export function createCustomer(db: WriteDb, by: User, f: CustomerFields, at: string): Customer {
  return db.transaction(() => {
    const id = insertCustomer(db, { nameAr: f.nameAr!, nameLatin: f.nameLatin ?? null, phone: f.phone ?? null, address: f.address ?? null }, at);
    appendAudit(db, { at, userId: by.id, action: 'customer.create', entity: 'customer', entityId: String(id), details: { name: f.nameAr, phone: f.phone ?? null } });
    return getCustomer(db, id);
  })();
}

export function updateCustomer(db: WriteDb, by: User, id: number, f: CustomerFields, at: string): Customer {
  return db.transaction(() => {
    const before = getCustomer(db, id);
    db.prepare(`UPDATE customers SET name = COALESCE(?, name), name_latin = CASE WHEN ? THEN ? ELSE name_latin END,
        phone = CASE WHEN ? THEN ? ELSE phone END, address = CASE WHEN ? THEN ? ELSE address END, updated_at = ? WHERE id = ?`)
      .run(f.nameAr?.trim() ?? null, Number(f.nameLatin !== undefined), clean(f.nameLatin) ?? null, Number(f.phone !== undefined), cleanPhone(f.phone) ?? null,
        Number(f.address !== undefined), clean(f.address) ?? null, at, id);
    appendAudit(db, { at, userId: by.id, action: 'customer.update', entity: 'customer', entityId: String(id),
      details: { changed: Object.keys(f), before: { name: before.nameAr, nameLatin: before.nameLatin, phone: before.phone, address: before.address } } });
    return getCustomer(db, id);
  })();
}

/** An existing customer with the same normalised Arabic name and phone (CSV import reuses it). */
export function findSameCustomer(db: ReadDb, nameAr: string, phone: string | null): number | null {
  const key = normaliseQuery(nameAr);
  const rows = db.prepare(`SELECT id, name, phone FROM customers WHERE search_norm LIKE ? ESCAPE '\\'`).all(`%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { id: number; name: string; phone: string | null }[];
  const p = phone === null ? null : compactPhone(phone);
  return rows.find((r) => normaliseQuery(r.name) === key && (r.phone === null ? null : compactPhone(r.phone)) === p)?.id ?? null;
}
