/**
 * The bulk import of 10,000 rows (a new customer with a meter each, half STS with key data, half
 * cloud meters in a group), from CSV text and from an .xlsx workbook, exactly as customers.import
 * runs it: read the file, validate every row, write everything in one transaction with its audit
 * row. Next to it, the bare floor: the same customer and meter rows written by plain prepared
 * INSERTs in one transaction into the same schema (its triggers included), as a ratio.
 * Target: each import under 10 s. Run alone: npx tsx test/bench/import.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb, type Db } from '../../db/open';
import { importCustomers, importRows } from '../../main/customers/import';
import { seedDemo } from '../../scripts/seed-demo';
import { asFile, customerRows, toCsv, toXlsx } from '../helpers/import-sheet';

const N = 10_000;
const fmt = (ms: number) => `${Math.round(ms).toLocaleString('en')} ms`;

function freshDb(dir: string, name: string): Db {
  const db = openDb(path.join(dir, `${name}.sqlite`));
  seedDemo(db.write);
  return db;
}
const supervisor = (db: Db) => {
  const u = db.read.prepare(`SELECT id FROM users WHERE username = 'supervisor'`).get() as { id: number };
  return { id: u.id, username: 'supervisor', displayName: 's', role: 'supervisor' as const, locale: 'ar' as const };
};

function bareInsert(db: Db, rows: string[][], at: string): number {
  const w = db.write;
  const group = w.prepare(`SELECT id FROM tariff_groups WHERE code = 'FEEDER-3'`).get() as { id: number };
  const schedule = (w.prepare(`SELECT schedule_code FROM tariff_groups WHERE code = 'FEEDER-3'`).get() as { schedule_code: string }).schedule_code;
  const customer = w.prepare('INSERT INTO customers (name, name_latin, phone, address, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id');
  const meter = w.prepare(`INSERT INTO meters (number, kind, customer_id, schedule_code, tariff_group_id, sts_sgc, sts_ti, sts_krn, sts_key_type, sts_base_date, sts_ea, sts_dkga, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const t0 = performance.now();
  w.transaction(() => {
    for (const r of rows) {
      const { id } = customer.get(r[2], r[3] || null, r[4] || null, r[5] || null, at) as { id: number };
      if (r[1] === 'sts') meter.run(r[0], 'sts', id, r[6], null, r[8], r[9], Number(r[10]), Number(r[11]), Number(r[12]), '07', '02', at);
      else meter.run(r[0], 'acrel', id, schedule, group.id, null, null, null, null, null, null, null, at);
    }
  })();
  return performance.now() - t0;
}

async function timeImport(db: Db, source: Parameters<typeof importRows>[0], dryRun: boolean): Promise<{ ms: number; ok: boolean; meters: number }> {
  const t0 = performance.now();
  const report = importCustomers(db.write, supervisor(db), await importRows(source), dryRun, new Date().toISOString());
  return { ms: performance.now() - t0, ok: report.ok, meters: report.metersCreated };
}

export async function benchImport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-bench-import-'));
  const rows = customerRows(N);
  const csv = toCsv(rows);
  const xlsx = asFile(await toXlsx(rows), 'meters.xlsx');
  const at = new Date().toISOString();

  const bare = freshDb(dir, 'bare');
  const bareMs = bareInsert(bare, rows, at);
  bare.close();

  const results: [string, { ms: number; ok: boolean; meters: number }][] = [];
  for (const [label, source] of [['CSV', { csv }], ['xlsx', { file: xlsx }]] as const) {
    const db = freshDb(dir, label);
    const dry = await timeImport(db, source, true);
    const real = await timeImport(db, source, false);
    db.close();
    if (!dry.ok || !real.ok || real.meters !== N) throw new Error(`${label}: the import refused the bench's rows`);
    results.push([`${label} dry run`, dry], [label, real]);
  }
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`bare INSERT loop, ${N.toLocaleString('en')} customers + meters, one transaction: ${fmt(bareMs)}`);
  for (const [label, r] of results) {
    const what = label.endsWith('dry run') ? `dry run: ${N.toLocaleString('en')} rows (${label.replace(' dry run', '')})` : `import: ${N.toLocaleString('en')} rows (${label})`;
    console.log(`${what} in ${fmt(r.ms)}   ratio ${(r.ms / bareMs).toFixed(1)}x bare   (target < 10,000 ms)`);
  }
}

if (require.main === module) void benchImport();
