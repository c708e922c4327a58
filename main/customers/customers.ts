// Customers: a supervisor creates and edits them; anyone at the counter searches them by
// name (Arabic-normalised, either script) or phone. The search column and its index are kept by SQL
// triggers (migrations 0007, 0014) with the same rules as normalise(), so every writer keeps them right.
import type { ReadDb, WriteDb } from '../../db/open';
import type { Customer, User } from '../../preload/contract';
import { matchingCustomerIds } from '../../db/repos/customer-search';
import { customerCountEstimate, customerNamesAndPhones, customerRow, namesAndPhonesOf, insertCustomerRow, metersOfCustomer, searchCustomerRows, updateCustomerRow, type CustomerRow as Row } from '../../db/repos/customers';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { compactPhone, normaliseQuery } from '../../db/normalize';


export interface CustomerFields { nameAr?: string; nameLatin?: string | null; phone?: string | null; address?: string | null }

function toCustomer(db: ReadDb, r: Row): Customer {
  const meters = metersOfCustomer(db, r.id);
  return {
    id: r.id, nameAr: r.name, nameLatin: r.name_latin, phone: r.phone, address: r.address, createdAt: r.created_at, updatedAt: r.updated_at,
    meters: meters.map((m) => ({ number: m.number, kind: m.kind, active: m.active === 1 })),
  };
}

export function getCustomer(db: ReadDb, id: number): Customer {
  const r = customerRow(db, id);
  if (!r) throw err('NOT_FOUND', 'There is no such customer.', 'لا يوجد مشترك بهذا الرقم.');
  return toCustomer(db, r);
}

/** Name (either script, Arabic-normalised), phone, or a meter number of theirs. */
export function searchCustomers(db: ReadDb, query: string, limit: number): Customer[] {
  const rows = searchCustomerRows(db, normaliseQuery(query), limit);
  return rows.map((r) => toCustomer(db, r));
}

const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());
/** Phones are stored with Latin digits (the customer's own spacing kept). */
const cleanPhone = (v: string | null | undefined) => {
  const c = clean(v);
  return c ? c.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)) : c;
};

export function insertCustomer(db: WriteDb, f: Required<CustomerFields>, at: string): number {
  return insertCustomerRow(db, { name: f.nameAr!.trim(), nameLatin: clean(f.nameLatin) ?? null, phone: cleanPhone(f.phone) ?? null, address: clean(f.address) ?? null }, at);
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
    updateCustomerRow(db, id, {
      name: f.nameAr?.trim() ?? null, setNameLatin: f.nameLatin !== undefined, nameLatin: clean(f.nameLatin) ?? null,
      setPhone: f.phone !== undefined, phone: cleanPhone(f.phone) ?? null, setAddress: f.address !== undefined, address: clean(f.address) ?? null,
    }, at);
    appendAudit(db, { at, userId: by.id, action: 'customer.update', entity: 'customer', entityId: String(id),
      details: { changed: Object.keys(f), before: { name: before.nameAr, nameLatin: before.nameLatin, phone: before.phone, address: before.address } } });
    return getCustomer(db, id);
  })();
}

/**
 * Every existing customer by normalised Arabic name and phone ("name|phone"), the oldest first
 * when two share a key: the import attaches its rows' meters to a customer with the same key.
 */
export function customerIndex(db: ReadDb): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of customerNamesAndPhones(db)) {
    const key = customerKey(r.name, r.phone);
    if (!out.has(key)) out.set(key, r.id);
  }
  return out;
}

/** The key the import matches customers on: the normalised Arabic name and the compact phone. */
export const customerKey = (name: string, phone: string | null): string => `${normaliseQuery(name)}|${phone === null ? '' : compactPhone(phone)}`;

/**
 * An import this many times smaller than the register looks its customers up one by one. Measured
 * at 900,000 customers: about 15 ms a row through the index against about 8 us a customer for the
 * whole register (7 s), so one by one wins below about one row per 2,000 customers.
 */
const LOOKUP_FACTOR = 2_000;

/**
 * The existing customer (the oldest) for each of these keys, as customerIndex would find it. A
 * small import next to a big register asks the search index per name instead of reading every
 * customer (seconds, and hundreds of MB, at a million): the candidates are the customers whose
 * search text holds every word of the name (and the phone's digits when it has only spaces or
 * dashes between them, as the search text drops), and the key itself decides among them. A name
 * with no word of three letters cannot be asked of the trigram index: then the whole register is read.
 */
export function existingCustomers(db: ReadDb, wanted: { name: string; phone: string | null }[]): Map<string, number> {
  const words = (name: string) => normaliseQuery(name).split(' ').filter((w) => [...w].length >= 3);
  if (wanted.length * LOOKUP_FACTOR > customerCountEstimate(db) || wanted.some((w) => words(w.name).length === 0)) {
    const all = customerIndex(db);
    return new Map(wanted.map((w) => customerKey(w.name, w.phone)).filter((k) => all.has(k)).map((k) => [k, all.get(k)!]));
  }
  const out = new Map<string, number>();
  for (const w of wanted) {
    const key = customerKey(w.name, w.phone);
    if (out.has(key)) continue;
    const phone = w.phone !== null && /^[+\d\u0660-\u0669\u06f0-\u06f9 -]+$/.test(w.phone) ? compactPhone(w.phone) : '';
    const ids = matchingCustomerIds(db, [...words(w.name), ...([...phone].length >= 3 ? [phone] : [])].join(' '), -1);
    const found = ids.length ? namesAndPhonesOf(db, ids).find((r) => customerKey(r.name, r.phone) === key) : undefined;
    if (found) out.set(key, found.id);
  }
  return out;
}
