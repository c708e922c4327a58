// The searches the sell screen and the customers screen run as the cashier types must stay index
// searches at a city's worth of meters: this runs searchMeters and searchCustomerRows for every
// kind of query on a small database, records each statement they prepare with the arguments it
// ran with, and checks EXPLAIN QUERY PLAN of each: no line may read a whole table. (The FTS
// index's own virtual-table step is a search of the index, and is allowed.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../../db/open';
import { insertCustomerRow, searchCustomerRows } from '../../../../db/repos/customers';
import { insertMeterRow, searchMeters } from '../../../../db/repos/meters';
import { normaliseQuery } from '../../../../db/normalize';

const FIRST = [['أحمد', 'Ahmed'], ['فاطمة', 'Fatima'], ['علي', 'Ali'], ['مصطفى', 'Mustafa'], ['هدى', 'Huda']] as const;
const FAMILY = [['الحدّاد', 'Al-Haddad'], ['الأهدل', 'Al-Ahdal'], ['باوزير', 'Bawazir'], ['الإرياني', 'Al-Eryani']] as const;
const at = '2026-03-01T08:00:00.000Z';

let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-plans-'));
  db = openDb(path.join(dir, 'shahn.sqlite'));
  db.write.transaction(() => {
    for (let i = 0; i < 400; i++) {
      const [ar, la] = FIRST[i % FIRST.length]!;
      const [far, fla] = FAMILY[i % FAMILY.length]!;
      const id = insertCustomerRow(db.write, { name: `${ar} ${far}`, nameLatin: i % 3 ? `${la} ${fla}` : null, phone: i % 5 ? `77${String(1000000 + i * 37)}` : null, address: null }, at);
      insertMeterRow(db.write, { number: `2024${String(i).padStart(8, '0')}`, kind: 'acrel', customerId: id, scheduleCode: 'RES', groupId: null }, at);
    }
  })();
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `search` on a fresh read handle, recording every statement it prepares and the arguments of its first run. */
function statementsOf(search: (r: Db['read']) => unknown[]): { sql: string; args: unknown[]; found: number }[] {
  const read = new (db.write.constructor as typeof import('better-sqlite3'))(db.file, { readonly: true });
  try {
    const seen: { sql: string; args: unknown[] }[] = [];
    const prepare = read.prepare.bind(read);
    read.prepare = ((sql: string) => {
      const s = prepare(sql);
      for (const method of ['get', 'all', 'iterate'] as const) {
        const f = s[method].bind(s) as (...a: unknown[]) => unknown;
        (s as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
          seen.push({ sql, args });
          return f(...args);
        };
      }
      return s;
    }) as typeof read.prepare;
    const found = search(read).length;
    return seen.map((x) => ({ ...x, found }));
  } finally {
    read.close();
  }
}

function plan(sql: string, args: unknown[]): string[] {
  return (db.write.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}

/** A plan line that reads a whole table: SCAN of a table without an index (the FTS index's and json_each's virtual-table steps are not). */
const fullScan = (d: string) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|VIRTUAL TABLE|CONSTANT ROW/.test(d);

// Each kind of query the screens send, with one that matches at least something here.
const QUERIES: [string, string][] = [
  ['full meter number', '202400000042'],
  ['meter number prefix', '20240000'],
  ['short number (1 character)', '2'],
  ['short name (2 characters)', 'فا'],
  ['short Latin name (2 characters)', 'Al'],
  ['Arabic name, typed without hamza', 'احمد الحداد'],
  ['Arabic name with ta marbuta typed as ha', 'فاطمه'],
  ['Latin name, lower case', 'bawazir'],
  ['phone, part of it', '771000'],
  ['nothing matches', 'زرزور'],
];

describe('search plans: every query form is an index or FTS search', () => {
  it.each(QUERIES)('meters.lookup (searchMeters) by %s', (_kind, query) => {
    const statements = statementsOf((r) => searchMeters(r, query));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(plan(s.sql, s.args).filter(fullScan), s.sql).toEqual([]);
  });

  it.each(QUERIES)('customers.search (searchCustomerRows) by %s', (_kind, query) => {
    const statements = statementsOf((r) => searchCustomerRows(r, normaliseQuery(query), 50));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(plan(s.sql, s.args).filter(fullScan), s.sql).toEqual([]);
  });

  it('the searches find what the cashier means', () => {
    const numbers = (q: string) => searchMeters(db.read, q).map((m) => m.number);
    const names = (q: string) => searchCustomerRows(db.read, normaliseQuery(q), 50).map((c) => c.name);
    expect(numbers('202400000042')[0]).toBe('202400000042');
    expect(numbers('20240000004')).toEqual(Array.from({ length: 10 }, (_, i) => `20240000004${i}`));
    expect(names('احمد الحداد').length).toBeGreaterThan(0);
    expect(names('احمد الحداد').every((n) => n === 'أحمد الحدّاد')).toBe(true);
    expect(names('فاطمه').every((n) => n.startsWith('فاطمة'))).toBe(true);
    expect(names('BAWAZIR').every((n) => n.endsWith('باوزير'))).toBe(true);
    expect(names('فا').length).toBeGreaterThan(0);
    expect(names('زرزور')).toEqual([]);
    // A common name stops at the page: 50 asked, 50 given, out of 80 that match.
    expect(names('فاطمه')).toHaveLength(50);
  });
});

describe('names of several words', () => {
  it('finds every word wherever it stands (a first and a family name with a father between), and keeps a short word beside its neighbour', () => {
    const id = insertCustomerRow(db.write, { name: 'وليد عبدالله الحُميري', nameLatin: 'Waleed Abdullah Al-Humairi', phone: null, address: null }, at);
    insertMeterRow(db.write, { number: '202499999999', kind: 'acrel', customerId: id, scheduleCode: 'RES', groupId: null }, at);
    const idsOf = (q: string) => searchCustomerRows(db.read, normaliseQuery(q), 50).map((c) => c.id);
    // First and family name, the father's name between them, either order, hamza and shadda as typed.
    expect(idsOf('وليد الحميري')).toEqual([id]);
    expect(idsOf('الحميري وليد')).toEqual([id]);
    expect(idsOf('waleed al-humairi')).toEqual([id]);
    expect(searchMeters(db.read, 'وليد الحميري').map((m) => m.number)).toEqual(['202499999999']);
    // Words that are all there but belong to no one customer find nothing.
    expect(idsOf('وليد الأهدل')).toEqual([]);
    // A two-letter word has no trigram: the text is matched as it was typed, a substring.
    expect(idsOf('عبدالله ال')).toEqual([id]);
    expect(idsOf('ال عبدالله')).toEqual([]);
  });
});
