// The sales history's query plans (EXPLAIN QUERY PLAN) for every filter the screen and the bench
// use, on a small database at the current schema: a page of history must come from an index in
// page order (created_at DESC, receipt_no DESC), so the first page costs the same among 2,000,000
// sales as among 20 — never a SCAN of sales, never a sort of every match, and the bounded count
// reads index entries only. With no ANALYZE statistics (Shahn keeps none), SQLite picks the same
// plan whatever the table's size, which is why a small database answers for a big one.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ReadDb } from '../../../../db/open';
import { historyPage, type HistoryFilter } from '../../../../db/repos/history';
import { historyAt, MIGRATIONS, METER, USER } from '../../../helpers/migration-kit';

type Plan = { sql: string; plan: string[] };

/** Runs historyPage and returns the plan of each statement it ran, with the arguments it ran with. */
function plansOf(db: Database.Database, filter: HistoryFilter): Plan[] {
  const ran: { sql: string; args: unknown[] }[] = [];
  const spy = {
    prepare(sql: string) {
      const s = db.prepare(sql);
      return new Proxy(s, {
        get(target, key) {
          const v = Reflect.get(target, key, target) as unknown;
          if ((key === 'get' || key === 'all') && typeof v === 'function') {
            return (...args: unknown[]) => {
              ran.push({ sql, args });
              return (v as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    },
  };
  historyPage(spy as unknown as ReadDb, filter);
  expect(ran.length).toBeGreaterThan(0);
  const out = ran.map(({ sql, args }) => ({ sql, plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail) }));
  if (process.env.SHOW_PLANS) for (const p of out) console.log(JSON.stringify(filter), p.sql.replace(/\s+/g, ' ').slice(0, 90), '\n   ', p.plan.join('\n    '));
  return out;
}

/** What every history statement must never do: read all of sales, or sort the matches of a filter that has an ordered index. */
function expectIndexed(plans: Plan[], opts: { sortAllowed?: boolean } = {}) {
  for (const { sql, plan } of plans) {
    const text = `${sql}\n  ${plan.join('\n  ')}`;
    expect(plan.filter((d) => /^SCAN s\b/.test(d) && !/USING (COVERING )?INDEX/.test(d)), text).toEqual([]);
    // The users, meters and customers of the listed rows are looked up by key, never scanned.
    expect(plan.filter((d) => /^SCAN (u|m|c)\b/.test(d)), text).toEqual([]);
    if (!opts.sortAllowed) expect(plan.filter((d) => /TEMP B-TREE/.test(d)), text).toEqual([]);
    if (/COUNT\(\*\) AS n/.test(sql)) {
      // The count touches index entries only (a covering index), never the sales rows.
      expect(plan.filter((d) => /\bs\b/.test(d) && /^(SEARCH|SCAN) s /.test(d) && !/COVERING INDEX/.test(d)), text).toEqual([]);
    }
  }
}

const pageOf = (plans: Plan[]) => plans.find((p) => /ORDER BY/.test(p.sql))!.plan.join(' | ');

/** A database at the current schema (deleted when the test ends) and a cursor in the middle of it. */
function fixture() {
  const db = historyAt(MIGRATIONS.length);
  // More sales than the meter filter sorts (2,000), all on one meter, so a broad meter prefix takes its other plan.
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2100)
    INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency, amount_minor,
      tendered_minor, charged_minor, change_minor, value_minor, energy_tenths, quote_json, created_at, updated_at, shift_id)
    SELECT 'bulk-' || i, 100000 + i, user_id, meter_id, meter_number, product, 'paid', payment_method, currency, amount_minor,
      tendered_minor, charged_minor, change_minor, value_minor, energy_tenths, quote_json,
      strftime('%Y-%m-%dT%H:%M:%fZ', '2026-04-01', '+' || i || ' minutes'), created_at, shift_id
    FROM n, (SELECT * FROM sales WHERE meter_number = '${METER.sts1}' LIMIT 1)`);
  const last = db.prepare('SELECT created_at AS createdAt, receipt_no AS receiptNo FROM sales ORDER BY created_at DESC, receipt_no DESC LIMIT 1 OFFSET 30')
    .get() as { createdAt: string; receiptNo: number };
  return { db, last };
}

const limit = 25;

/** The receipt numbers of every page of a filter, following the cursor to the end. */
function everyPage(db: Database.Database, filter: Omit<HistoryFilter, 'limit' | 'before'>): number[] {
  const got: number[] = [];
  let before: HistoryFilter['before'];
  do {
    const page = historyPage(db as unknown as ReadDb, { limit: 400, ...filter, before });
    got.push(...page.rows.map((r) => r.receipt_no));
    before = page.next ?? undefined;
  } while (before);
  return got;
}

describe('history.search query plans', () => {
  it('no filter: the newest sales from sales_created, backwards', () => {
    const { db } = fixture();
    const plans = plansOf(db, { limit });
    expectIndexed(plans);
    expect(pageOf(plans)).toMatch(/SCAN s USING INDEX sales_created/);
  });

  it('the next page after a cursor: a range of the same index, no OFFSET', () => {
    const { db, last } = fixture();
    const plans = plansOf(db, { limit, before: last });
    expectIndexed(plans);
    expect(pageOf(plans)).toMatch(/SEARCH s USING INDEX sales_created \(\(created_at,receipt_no\)<\(\?,\?\)\)/);
    expect(plans.every((p) => !/OFFSET/i.test(p.sql))).toBe(true);
  });

  it('a receipt number: the unique index', () => {
    const { db } = fixture();
    const plans = plansOf(db, { limit, receiptNo: 5 });
    expectIndexed(plans);
    expect(pageOf(plans)).toMatch(/SEARCH s USING INDEX sqlite_autoindex_sales_\d \(receipt_no=\?\)/);
  });

  it('a date range, and the next page of it: sales_created between the bounds', () => {
    const { db, last } = fixture();
    const range = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-02T00:00:00.000Z' };
    for (const f of [{ limit, ...range }, { limit, ...range, before: last }]) {
      const plans = plansOf(db, f);
      expectIndexed(plans);
      expect(pageOf(plans)).toMatch(/SEARCH s USING INDEX sales_created \(created_at>\? AND created_at<\?\)|SEARCH s USING INDEX sales_created \(\(created_at,receipt_no\)<\(\?,\?\)\)/);
    }
  });

  it('a cashier: sales_user, in page order', () => {
    const { db, last } = fixture();
    for (const f of [{ limit, userId: USER.cashier }, { limit, userId: USER.cashier, before: last }, { limit, userId: USER.cashier, from: '2026-03-01T00:00:00.000Z' }]) {
      const plans = plansOf(db, f);
      expectIndexed(plans);
      expect(pageOf(plans)).toMatch(/SEARCH s USING INDEX sales_user \(user_id=\?/);
    }
  });

  it("a cashier's shift: sales_shift, in page order", () => {
    const { db } = fixture();
    const plans = plansOf(db, { limit, shiftId: 1 });
    expectIndexed(plans);
    expect(pageOf(plans)).toMatch(/SEARCH s USING INDEX sales_shift \(shift_id=\?\)/);
  });

  it('a status, alone or with a date range: sales_status, in page order', () => {
    const { db } = fixture();
    for (const f of [{ limit, status: 'failed' as const }, { limit, status: 'issued' as const, from: '2026-03-01T00:00:00.000Z', to: '2026-03-20T00:00:00.000Z' }]) {
      const plans = plansOf(db, f);
      expectIndexed(plans);
      expect(pageOf(plans)).toMatch(/SEARCH s USING INDEX sales_status \(status=\?/);
    }
  });

  it('a meter number: a range of sales_meter (not LIKE), its few sales sorted; a broad prefix walks the sales in page order', () => {
    const { db } = fixture();
    const exact = plansOf(db, { limit, meterPrefix: METER.sts2 });
    // The one sort left: the sales of the meters under a narrow prefix (at most 2,000 — checked by the count first).
    expectIndexed(exact, { sortAllowed: true });
    expect(pageOf(exact)).toMatch(/SEARCH s USING INDEX sales_meter \(meter_number>\? AND meter_number<\?\)/);
    const broad = plansOf(db, { limit, meterPrefix: '04' });
    expectIndexed(broad);
    expect(pageOf(broad)).toMatch(/SCAN s USING INDEX sales_created/);
    // Both plans answer the same thing: the sales of the meters under the prefix, newest first, every page.
    const expected = (prefix: string) => (db.prepare(`SELECT receipt_no FROM sales WHERE substr(meter_number, 1, length(?)) = ? ORDER BY created_at DESC, receipt_no DESC`)
      .pluck().all(prefix, prefix) as number[]);
    for (const prefix of [METER.sts2, '04', '0400000101', '2024']) expect(everyPage(db, { meterPrefix: prefix }), prefix).toEqual(expected(prefix));
  });

  it("a customer: the customers the search index finds (search.test.ts), their meters' numbers from meters_customer_number, then their sales by sales_meter; a common name walks the sales in page order", () => {
    const { db } = fixture();
    // Customer 2 (فاطمة مصطفى, typed as cashiers do: ة as ه) holds one meter with a few sales: they are found and sorted.
    const narrow = plansOf(db, { limit, customer: 'فاطمه' });
    expectIndexed(narrow, { sortAllowed: true });
    expect(pageOf(narrow)).toMatch(/SEARCH m USING COVERING INDEX meters_customer_number \(customer_id=\?\)/);
    expect(pageOf(narrow)).toMatch(/SEARCH s USING INDEX sales_meter \(meter_number=\?\)/);
    // Customer 1's meter carries more sales than the sort bound: walk the sales newest first instead.
    const common = plansOf(db, { limit, customer: 'الحديدي' });
    expectIndexed(common);
    expect(pageOf(common)).toMatch(/SCAN s USING INDEX sales_created/);
    // Each walked sale's meter by its number (the unique index), its customer tested against the set.
    expect(pageOf(common)).toMatch(/SEARCH m EXISTS USING INDEX sqlite_autoindex_meters_\d \(number=\?\)/);
    // Two characters have no trigram: the prefix indexes answer, never a scan of customers.
    const short = plansOf(db, { limit, customer: 'فا' });
    expectIndexed(short, { sortAllowed: true });
    for (const p of short) expect(p.plan.filter((d) => /^SCAN (customers|c)\b/.test(d) && !/INDEX/.test(d)), p.sql).toEqual([]);
    // Whatever the plan, the answer is LIKE '%q%' on the customer's normalised text, newest first, every page.
    const expected = (q: string) => (db.prepare(`SELECT s.receipt_no FROM sales s JOIN meters m ON m.id = s.meter_id JOIN customers c ON c.id = m.customer_id
        WHERE c.search_norm LIKE '%' || ? || '%' ORDER BY s.created_at DESC, s.receipt_no DESC`).pluck().all(q) as number[]);
    for (const q of ['فاطمه', 'الحديدي', 'مصطفي', '777123', 'brien', 'zzz']) expect(everyPage(db, { customer: q }), q).toEqual(expected(q));
    expect(historyPage(db as unknown as ReadDb, { limit, customer: '' }).rows).toEqual([]);
  });
});
