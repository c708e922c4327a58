// Migration 0014 adds customers_fts, a trigram index over customers.search_norm, fills it for the
// customers already on the counter (the searches read only the index: a customer missing from it
// can no longer be found by name or phone), and moves 0007's triggers so that they keep the index
// too. Every row survives; the searches become index searches.
import { describe, expect, it } from 'vitest';
import { normaliseQuery } from '../../../../db/normalize';
import { applyMigration, at, CUSTOMERS, expectSurvived, historyAt, row, rows, snapshot } from '../../../helpers/migration-kit';

type Db = ReturnType<typeof historyAt>;
/** Customer ids whose search text contains what was typed, through the index (as db/repos/customer-search.ts asks it). */
const find = (db: Db, typed: string) =>
  rows(db, 'SELECT rowid AS id FROM customers_fts WHERE customers_fts MATCH ? ORDER BY rowid', `"${normaliseQuery(typed).replace(/"/g, '""')}"`).map((r) => r.id);
/** FTS5's own check that the index holds exactly the text of the customers table. */
const indexMatchesTable = (db: Db) => db.prepare(`INSERT INTO customers_fts (customers_fts, rank) VALUES ('integrity-check', 1)`).run();
const plan = (db: Db, sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0014 (customer search index) on a 0013 database with history', () => {
  it('keeps every row and the search column as it was', () => {
    const db = historyAt(13);
    const before = snapshot(db);
    applyMigration(db, 14);
    expectSurvived(db, before);
    expect(rows(db, `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL ORDER BY name`).map((r) => r.name))
      .toEqual(['customers_latin_prefix', 'customers_phone', 'customers_search_prefix']);
  });

  it('indexes every old customer: names (either script, normalised) and phones are found through it', () => {
    const db = historyAt(13);
    applyMigration(db, 14);
    indexMatchesTable(db);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM customers_fts')).toEqual([{ n: CUSTOMERS.length }]);
    expect(find(db, 'احمد عبدالله')).toEqual([1]); // hamza typed without
    expect(find(db, 'الحديدي')).toEqual([1]);
    expect(find(db, 'AHMED')).toEqual([1]);
    expect(find(db, 'مصطفى')).toEqual([2]); // alif maqsura typed as written
    expect(find(db, 'مكة')).toEqual([4]); // ta marbuta; the shadda and tatweel of the stored name gone
    expect(find(db, 'للتجارة')).toEqual([4]);
    expect(find(db, '٧٧١ ٢٣٤ ٥٦٧')).toEqual([2]); // Arabic-Indic digits, with spaces
    expect(find(db, '01 234-567')).toEqual([4]); // stored as '01-234 567'; typed with other spacing
    expect(find(db, '234567')).toEqual([2, 4]); // part of two phones
    expect(find(db, "o'brien")).toEqual([3]);
    expect(find(db, 'زرزور')).toEqual([]);
  });

  it('keeps the index right as customers are added, edited and removed', () => {
    const db = historyAt(13);
    applyMigration(db, 14);
    const id = (db.prepare(`INSERT INTO customers (name, name_latin, phone, created_at) VALUES ('عائشة الأهدل', 'Aisha Al-Ahdal', '٧١١ ٢٢٢-٣٣٣', ?) RETURNING id`).get(at(5)) as { id: number }).id;
    expect(row(db, 'SELECT search_norm FROM customers WHERE id = ?', id)).toEqual({ search_norm: 'عائشه الاهدل aisha al-ahdal 711222333' });
    expect(find(db, 'عائشه الاهدل')).toEqual([id]);
    expect(find(db, '711222')).toEqual([id]);
    indexMatchesTable(db);

    // An old customer edited after the upgrade: the old text leaves the index, the new enters it.
    db.prepare(`UPDATE customers SET name = 'فاطمة الزهراء', phone = '+967 733 000-111', updated_at = ? WHERE id = 2`).run(at(5, 1));
    expect(find(db, 'مصطفي')).toEqual([]);
    expect(find(db, '771234567')).toEqual([]);
    expect(find(db, 'الزهراء')).toEqual([2]);
    expect(find(db, '733000111')).toEqual([2]);
    // An update that touches neither name nor phone leaves the index as it was.
    db.prepare(`UPDATE customers SET address = 'تعز' WHERE id = ?`).run(id);
    expect(find(db, 'aisha')).toEqual([id]);
    indexMatchesTable(db);

    db.prepare('DELETE FROM customers WHERE id = ?').run(id);
    expect(find(db, 'عائشه')).toEqual([]);
    indexMatchesTable(db);
  });

  it('answers short queries by prefix through an index, and long ones through the trigram index', () => {
    const db = historyAt(13);
    const prefix = `SELECT id FROM customers WHERE substr(search_norm, 1, 2) >= ? AND substr(search_norm, 1, 2) < ? ORDER BY substr(search_norm, 1, 2) LIMIT 20`;
    expect(plan(db, prefix, 'ف', 'ق')).toMatch(/SCAN customers/);
    applyMigration(db, 14);
    expect(plan(db, prefix, 'ف', 'ق')).toMatch(/SEARCH customers USING COVERING INDEX customers_search_prefix/);
    expect(plan(db, `SELECT id FROM customers WHERE substr(lower(name_latin), 1, 2) >= ? AND substr(lower(name_latin), 1, 2) < ? ORDER BY substr(lower(name_latin), 1, 2) LIMIT 20`, 'o', 'p'))
      .toMatch(/SEARCH customers USING COVERING INDEX customers_latin_prefix/);
    expect(plan(db, 'SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? ORDER BY rowid LIMIT 20', '"فاطمه"')).toMatch(/^SCAN customers_fts VIRTUAL TABLE INDEX/);
  });
});
