// The report indexes migration (NNNN_report_indexes: found by name, so renumbering it at a merge
// changes nothing here): the ledger is kept as it was, and each report query that read every sale
// (a sequential scan, or a whole counter's sales, by EXPLAIN) now reads through its index: the open
// sales, a shift's sales behind a Z report. A day's sales already have one (0006's sales_by_time).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { OUTSTANDING_SQL, salesByDaySql, Z_AGAINST_SALES_SQL } from '../../../../head-office/db/reports';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
let pool: pg.Pool;
const migrations = loadMigrations();
const self = migrations.find((m) => m.name === 'report_indexes')!;

/** 30,000 sales over 10 counters, one every 5 minutes from 1 January 2026 (about 104 days), 1 in 100 still pending. */
const SALES = 30_000;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
  await migrate(pool, migrations, self.version - 1);
  // Today's report statements also read what later migrations add (the counter's currency decimals,
  // which add no index): those columns are added here, so the plans compare this migration only.
  for (const m of migrations.filter((x) => x.version > self.version && x.name === 'counter_currency_decimals')) await pool.query(m.sql);
  await pool.query(`INSERT INTO counters (name, api_key, secret_sealed)
    SELECT 'Counter ' || i, 'ctr-' || lpad(i::text, 8, '0'), 'sealed' FROM generate_series(1, 10) i`);
  await pool.query(`INSERT INTO sales (sale_id, counter_id, receipt_no, status, product, payment_method, cashier, meter_number, currency,
      charged_minor, amount_minor, value_minor, energy_tenths, sold_at, created_at, updated_at, record, first_received_at, last_received_at)
    SELECT gen_random_uuid(), 1 + i % 10, i, CASE WHEN i % 100 = 0 THEN 'pending' ELSE 'issued' END, 'sts_kwh', 'cash', 'cashier ' || (i % 3),
      '0400000' || i, 'LYD', 1000, 1000, 1000, 80, t, t, t, '{}'::jsonb, t, t
    FROM generate_series(1, $1::int) i, LATERAL (SELECT '2026-01-01T00:00:00Z'::timestamptz + i * interval '5 minutes' AS t) x`, [SALES]);
  const z = JSON.stringify({ shift: { openedAt: '2026-02-01T06:00:00.000Z', floatMinor: 0 }, totals: { cash: { salesMinor: 0 }, open: [], failed: [] } });
  await pool.query(`INSERT INTO z_reports (counter_id, z_no, hash, report_json, closed_at, cashier, currency, expected_cash_minor, counted_cash_minor,
      variance_minor, sales_count, charged_minor, first_received_at, last_received_at)
    VALUES (1, 1, repeat('a', 64), $1, '2026-02-01T18:00:00Z', 'cashier 1', 'LYD', 0, 0, 0, 0, 0, now(), now())`, [z]);
  await pool.query('ANALYZE');
}, 60_000);
afterAll(() => pool?.end());

const timings: string[] = [];
/** The plan's node types and index names, flattened; its execution time noted for the log. */
async function plan(sql: string, values: readonly unknown[], what: string): Promise<string[]> {
  const r = await pool.query<{ 'QUERY PLAN': [{ Plan: Node; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, [...values]);
  timings.push(`${what} ${r.rows[0]!['QUERY PLAN'][0]['Execution Time'].toFixed(2)} ms`);
  type Node = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: Node[] };
  const out: string[] = [];
  const walk = (n: Node) => {
    out.push(n['Index Name'] ? `${n['Node Type']} ${n['Index Name']}` : n['Relation Name'] ? `${n['Node Type']} ${n['Relation Name']}` : n['Node Type']);
    n.Plans?.forEach(walk);
  };
  walk(r.rows[0]!['QUERY PLAN'][0].Plan);
  return out;
}

const DAY = [salesByDaySql('counter'), ['Africa/Tripoli', '2026-02-10', '2026-02-10', null, null]] as const;
const OPEN = [OUTSTANDING_SQL, ['2026-05-01T00:00:00Z', null]] as const;
const Z = [Z_AGAINST_SALES_SQL, ['UTC', '2026-02-01', '2026-02-01', null]] as const;
const plans = async (when: string) => ({ day: await plan(...DAY, `${when}: one day`), open: await plan(...OPEN, `${when}: outstanding`), z: await plan(...Z, `${when}: Z vs sales`) });

describe(`${String(self.version).padStart(4, '0')}_report_indexes`, () => {
  it('turns the reports\' full scans of the ledger into index reads, and keeps the ledger as it was', async () => {
    const before = await plans('before');
    const ledger = (await pool.query('SELECT count(*)::int AS n, sum(charged_minor)::bigint AS total FROM sales')).rows[0];
    expect(before.day.some((n) => n.endsWith('sales_by_time'))).toBe(true);
    expect(before.open.some((n) => n === 'Seq Scan sales' || n.endsWith('sales_by_time'))).toBe(true);
    expect(before.z.some((n) => n === 'Seq Scan sales' || n === 'Index Scan sales_by_counter' || n === 'Bitmap Index Scan sales_by_counter')).toBe(true);

    const started = process.hrtime.bigint();
    expect(await migrate(pool, migrations, self.version)).toEqual([self.version]);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`report indexes built on ${SALES} sales in ${ms.toFixed(0)} ms`);
    expect(await currentVersion(pool)).toBe(self.version);
    await pool.query('ANALYZE sales');

    const after = await plans('after');
    console.log(`EXPLAIN ANALYZE on ${SALES} sales: ${timings.join('; ')}\nplans: ${JSON.stringify({ before, after })}`);
    expect(after.day.some((n) => n.endsWith('sales_by_time'))).toBe(true);
    expect(after.open.some((n) => n.endsWith('sales_open'))).toBe(true);
    expect(after.z.some((n) => n.endsWith('sales_shift'))).toBe(true);
    for (const p of Object.values(after)) expect(p).not.toContain('Seq Scan sales');
    expect((await pool.query('SELECT count(*)::int AS n, sum(charged_minor)::bigint AS total FROM sales')).rows[0]).toEqual(ledger);
  });
});
