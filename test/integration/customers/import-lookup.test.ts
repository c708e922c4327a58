// The import matches its rows to existing customers by the normalised Arabic name and the compact
// phone. A small import next to a big register asks the search index per name instead of reading
// the whole register: it must find exactly the customer the whole-register pass finds (the
// oldest with that key), for every spelling the normalisation folds — hamza, ta marbuta, alif
// maqsura, tatweel, harakat, Arabic-Indic digits, spaces and dashes in phones, doubled spaces.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import { insertCustomerRow } from '../../../db/repos/customers';
import { customerIndex, customerKey, existingCustomers } from '../../../main/customers/customers';

let dir: string;
let db: Db;

const STORED: { name: string; phone: string | null }[] = [
  { name: 'أحمد عبدالله الحُدَيدي', phone: '+967 777 123-456' },
  { name: 'فاطمة مصطفى', phone: '٧٧١٢٣٤٥٦٧' },
  { name: 'مؤسسة مكّة للتجـارة', phone: '01-234 567' },
  { name: 'علي  بن   لادن', phone: null }, // doubled spaces as typed; a two-letter word
  { name: 'هدى الإرياني', phone: null },
  { name: 'هدى الإرياني', phone: '733 000 111' }, // same name, another phone: another customer
  { name: 'هدى الارياني', phone: '733000111' }, // the same key as the line above, newer: the older wins
  { name: 'سالم', phone: '+967711000999' },
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-import-lookup-'));
  db = openDb(path.join(dir, 'shahn.sqlite'));
  const at = '2026-03-01T08:00:00.000Z';
  db.write.transaction(() => {
    for (const c of STORED) insertCustomerRow(db.write, { name: c.name, nameLatin: null, phone: c.phone, address: null }, at);
    // A register 2,000 times the size of a one-row import, so the index path is the one taken.
    for (let i = 0; i < 2_000; i++) insertCustomerRow(db.write, { name: `محمد ${['علي', 'صالح', 'الحداد'][i % 3]} ${i}`, nameLatin: null, phone: `77${String(1_000_000 + i)}`, address: null }, at);
  })();
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('matching an import to existing customers', () => {
  const asked: { name: string; phone: string | null }[] = [
    ...STORED,
    // Other spellings of the same keys.
    { name: 'احمد عبدالله الحديدي', phone: '+967777123456' },
    { name: 'فاطمه مصطفي', phone: '771234567' },
    { name: 'مؤسسة مكه للتجارة', phone: '01234567' },
    { name: 'علي بن لادن', phone: null },
    { name: 'هدى الارياني', phone: '733-000-111' },
    { name: 'محمد صالح 4', phone: '771000004' },
    // Near misses: another phone, no phone where one is stored, part of a name, nobody.
    { name: 'أحمد عبدالله الحديدي', phone: '777 999 999' },
    { name: 'فاطمة مصطفى', phone: null },
    { name: 'فاطمة', phone: '771234567' },
    { name: 'محمد علي', phone: null },
    { name: 'ناصر الشامي', phone: '700000000' },
  ];

  it('finds, one row at a time through the search index, the customer the whole register finds', () => {
    const all = customerIndex(db.read);
    for (const a of asked) {
      const key = customerKey(a.name, a.phone);
      const got = existingCustomers(db.read, [a]).get(key);
      expect(got, `${a.name} | ${a.phone}`).toBe(all.get(key));
    }
    // The older of two customers with one key.
    expect(existingCustomers(db.read, [{ name: 'هدى الإرياني', phone: '733000111' }]).get(customerKey('هدى الإرياني', '733000111'))).toBe(6);
  });

  it('reads the whole register once when the import is not small next to it, with the same answers', () => {
    const many = Array.from({ length: 20 }, () => asked).flat();
    const all = customerIndex(db.read);
    const got = existingCustomers(db.read, many);
    for (const a of asked) expect(got.get(customerKey(a.name, a.phone)), a.name).toBe(all.get(customerKey(a.name, a.phone)));
  });
});
