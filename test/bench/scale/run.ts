/**
 * `npm run bench:scale`: the counter after years of data. Builds (or reuses) databases of 10,000 /
 * 100,000 / 1,000,000 meters with 20,000 / 200,000 / 2,000,000 sales (generate.ts), starts the
 * real app on each and measures through the channels the screens call: meter lookup, customer
 * search, history search, the Z report of the longest shift, start to first answered call, and the
 * sale commit with and without an online backup running. Prints each figure, a growth table, and
 * the query plans of the measured statements that scan a whole table.
 * SCALE=small: the 10,000 size only; SCALE=medium: 10,000 and 100,000; SCALE=large: 1,000,000 only.
 * SCALE_RUNS=n measures each size n times and prints every run, then each figure's median.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createApp, type App } from '../../../main/app/create-app';
import { configFromEnv } from '../../../main/app/config';
import { enqueue } from '../../../db/repos/outbox';
import { insertPaidSale, nextReceiptNo, setOutcome } from '../../../db/repos/sales';
import { appendAudit } from '../../../main/audit/append';
import { closeShift } from '../../../main/shifts/close';
import type { Quote, User } from '../../../preload/contract';
import { COUNTER, END, ensureScaleDb, type ScaleDb } from './generate';
import { FAMILY_NAMES, FIRST_NAMES, pick, prng } from './names';

const SAMPLES = 200;
/** Calls made first and not timed: each kind's statements prepared and its pages read once, as on a counter that has been open a while. */
const WARM = 20;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.5)]!;
const ms = (x: number) => x.toFixed(2);
const n = (x: number) => x.toLocaleString('en');

/** Statements prepared on the read handle while measuring, with the first arguments they ran with. */
type Captured = Map<string, unknown[]>;

function captureReads(app: App): Captured {
  const seen: Captured = new Map();
  const read = app.db.read as unknown as Database.Database;
  const prepare = read.prepare.bind(read);
  read.prepare = ((sql: string) => {
    const s = prepare(sql);
    for (const method of ['get', 'all', 'iterate'] as const) {
      const f = s[method].bind(s) as (...a: unknown[]) => unknown;
      (s as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (!seen.has(sql)) seen.set(sql, args);
        return f(...args);
      };
    }
    return s;
  }) as typeof read.prepare;
  return seen;
}

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const v = await f();
  return [performance.now() - t, v];
}

async function call(app: App, channel: string, input: unknown, token?: string): Promise<unknown> {
  const r = await app.call(channel, input, token);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message.en}`);
  return r.value;
}

/** The history filters the headline figure covers (the till's everyday searches); the customer's name is reported on its own line. */
const HEADLINE_HISTORY = ['meter', 'receipt number', 'date range', 'cashier', 'date range, next page'];

interface Figures {
  size: ScaleDb;
  startMs: number;
  lookup: Record<string, number>;
  customers: number;
  history: Record<string, number>;
  zMs: number;
  commit: { plain: number; backup: number; ratio: number; backups: number; stallMs: number };
  scans: { sql: string; plan: string[] }[];
  auditVerify?: AuditVerifyFigure;
}

async function measure(size: ScaleDb): Promise<Figures> {
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-scale-backup-'));
  const config = configFromEnv({ SHAHN_DATA_DIR: size.dir, SHAHN_LOG_LEVEL: 'silent' }, { backup: { dir: backupDir, intervalMinutes: 0, keep: 1 } });
  // Start to login ready: the database opened and its migrations checked, every service built, the first call answered.
  const t0 = performance.now();
  const app = createApp(config, { startWorker: false });
  await call(app, 'app.info', {});
  const startMs = performance.now() - t0;
  try {
    const cashier = (await call(app, 'auth.login', { username: 'cashier', pin: '1111' }) as { token: string }).token;
    const supervisorLogin = await call(app, 'auth.login', { username: 'supervisor', pin: '2222' }) as { token: string; user: User };
    // The bench's own look-up of the cashiers, before the read handle's statements are captured.
    const cashierIds = app.db.read.prepare(`SELECT id FROM users WHERE role = 'cashier' ORDER BY id`).pluck().all() as number[];
    const captured = captureReads(app);
    const rnd = prng(7);
    const r = app.db.read;
    // The bench picks its samples on a connection of its own, by key: an OFFSET walk on the app's
    // read handle would flush its page cache before every timed call (and was the slowest thing here).
    const sampler = new Database(size.file, { readonly: true });
    const maxMeter = sampler.prepare('SELECT MAX(id) FROM meters').pluck().get() as number;
    const maxCustomer = sampler.prepare('SELECT MAX(id) FROM customers').pluck().get() as number;
    const meterAt = () => sampler.prepare('SELECT number FROM meters WHERE id >= ? ORDER BY id LIMIT 1').pluck().get(1 + any(maxMeter)) as string;
    const customerAt = () => sampler.prepare('SELECT name, name_latin, phone FROM customers WHERE id >= ? ORDER BY id LIMIT 1').get(1 + any(maxCustomer)) as { name: string; name_latin: string | null; phone: string | null };
    const any = (total: number) => Math.floor(rnd() * total);

    // Meter lookup (meters.lookup, what the sell screen calls as the cashier types).
    const lookup: Record<string, number[]> = { 'number prefix': [], 'Arabic name (normalised)': [], 'Latin name': [], phone: [] };
    for (let i = 0; i < WARM + SAMPLES; i++) {
      const kind = Object.keys(lookup)[i % 4]!;
      let query: string;
      if (kind === 'number prefix') query = meterAt().slice(0, 6 + (i % 5));
      else if (kind === 'Arabic name (normalised)') {
        // Typed without hamza, as cashiers do: the search column is normalised.
        query = `${pick(rnd, FIRST_NAMES)[0]} ${pick(rnd, FAMILY_NAMES)[0]}`.replace(/[أإآ]/g, 'ا');
        if (i % 8 === 1) query = pick(rnd, FAMILY_NAMES)[0].replace(/[أإآ]/g, 'ا');
      } else if (kind === 'Latin name') query = i % 8 === 2 ? pick(rnd, FAMILY_NAMES)[1] : pick(rnd, FIRST_NAMES)[1].toLowerCase();
      else query = (customerAt().phone ?? '771234567').slice(0, i % 8 === 3 ? 6 : 9);
      const [t] = await timed(() => call(app, 'meters.lookup', { query }, cashier));
      if (i >= WARM) lookup[kind]!.push(t);
    }
    // Customer search (customers.search, the customers screen).
    const customers: number[] = [];
    for (let i = 0; i < WARM + SAMPLES / 2; i++) {
      const query = i % 3 === 0 ? pick(rnd, FAMILY_NAMES)[0] : i % 3 === 1 ? pick(rnd, FIRST_NAMES)[1] : (customerAt().phone ?? '77');
      const [t] = await timed(() => call(app, 'customers.search', { query, limit: 20 }, cashier));
      if (i >= WARM) customers.push(t);
    }

    // History search, first page (history.search), and the page after it through the cursor.
    const history: Record<string, number[]> = { meter: [], 'receipt number': [], 'date range': [], cashier: [], "cashier's shift": [], customer: [], 'date range, next page': [] };
    const kinds = Object.keys(history);
    const maxReceipt = r.prepare('SELECT MAX(receipt_no) FROM sales').pluck().get() as number;
    const maxShift = r.prepare('SELECT MAX(id) FROM shifts').pluck().get() as number;
    type HistoryPage = { next: unknown };
    for (let i = 0; i < (3 + 40) * kinds.length; i++) {
      const kind = kinds[i % kinds.length]!;
      const day = END - Math.floor(rnd() * 700) * 86_400_000;
      const range = { from: new Date(day - (1 + (i % 7)) * 86_400_000).toISOString(), to: new Date(day).toISOString() };
      const input = kind === 'meter' ? { meterNumber: meterAt() }
        : kind === 'receipt number' ? { receiptNo: 1 + any(maxReceipt) }
          : kind.startsWith('date range') ? range
            : kind === 'customer' ? { customer: pick(rnd, FAMILY_NAMES)[0] }
              : kind === 'cashier' ? { cashierId: cashierIds[any(cashierIds.length)]! }
                : { shiftId: 1 + any(maxShift) };
      const [t, first] = await timed(() => call(app, 'history.search', { ...input, limit: 50 }, cashier) as Promise<HistoryPage>);
      const next = kind === 'date range, next page' && first.next ? first.next : null;
      if (i >= 3 * kinds.length) history[kind]!.push(next ? (await timed(() => call(app, 'history.search', { ...input, limit: 50, before: next }, cashier)))[0] : t);
    }

    // Z report of the longest shift: the real close (totals, Z number, report row, audit), rolled back so the cache stays as built.
    const zs: number[] = [];
    const w = app.db.write;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      try {
        w.transaction(() => {
          closeShift(w, supervisorLogin.user, { shiftId: size.bigShiftId, countedCashMinor: 0 }, { currency: 'YER', currencyDecimals: 0 }, new Date().toISOString(), COUNTER);
          zs.push(performance.now() - t);
          throw new RolledBack();
        })();
      } catch (e) {
        if (!(e instanceof RolledBack)) throw e;
      }
    }

    sampler.close();
    const commit = await commitWithBackup(app, supervisorLogin.user);
    const scans = fullScans(size.file, captured);
    return {
      size, startMs,
      lookup: Object.fromEntries([...Object.entries(lookup).map(([k, v]) => [k, p99(v)]), ['all', p99(Object.values(lookup).flat())]]),
      customers: p99(customers),
      history: Object.fromEntries([...Object.entries(history).map(([k, v]) => [k, p99(v)]), ['all', p99(HEADLINE_HISTORY.flatMap((k) => history[k]!))]]),
      zMs: p50(zs), commit, scans,
    };
  } finally {
    await app.close();
    fs.rmSync(backupDir, { recursive: true, force: true });
  }
}

class RolledBack extends Error {}

/**
 * The paid transaction of sell.ts (receipt number, sale row, audit row, outbox row), first alone,
 * then while app.backup copies the database (back to back until as many commits are timed). These
 * commits stay in the cached database: a few hundred sales more than it was built with.
 */
async function commitWithBackup(app: App, user: User): Promise<Figures['commit']> {
  const w = app.db.write;
  const template = JSON.parse(w.prepare(`SELECT quote_json FROM sales WHERE product = 'sts_kwh' ORDER BY receipt_no DESC LIMIT 1`).pluck().get() as string) as Quote;
  const meter = w.prepare('SELECT id, number FROM meters WHERE number = ?').get(template.meterNumber) as { id: number; number: string };
  const ids: string[] = [];
  const commitOnce = () => {
    const id = crypto.randomUUID();
    ids.push(id);
    const at = new Date().toISOString();
    const t = performance.now();
    w.transaction(() => {
      const receiptNo = nextReceiptNo(w);
      insertPaidSale(w, { id, receiptNo, userId: user.id, meterId: meter.id, quote: { ...template, at }, paymentMethod: 'cash', at });
      appendAudit(w, { at, userId: user.id, action: 'sale.paid', entity: 'sale', entityId: id, details: { receiptNo, meter: meter.number, chargedMinor: template.chargedMinor } });
      enqueue(w, { topic: 'headoffice.sale', key: id, saleId: id, payload: { saleId: id }, at });
    })();
    return performance.now() - t;
  };
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
  const plain: number[] = [];
  for (let i = 0; i < SAMPLES; i++) { plain.push(commitOnce()); await tick(); }
  const during: number[] = [];
  let backups = 0;
  let stallMs = 0;
  while (during.length < SAMPLES) {
    let running = true;
    const b = app.backup('manual').finally(() => { running = false; });
    backups++;
    let last = performance.now();
    while (running) {
      // Commits until enough are timed; then the loop is still watched until the backup ends (a
      // big database's copy outlasts the commits, and its end - the check of the copy, the
      // rotation - must be seen too).
      if (during.length < SAMPLES) during.push(commitOnce());
      await tick();
      const now = performance.now();
      stallMs = Math.max(stallMs, now - last); // the event loop held by the backup (its steps, its integrity check)
      last = now;
    }
    await b;
  }
  // Settled after the timing (refused, as a vendor would), in one transaction: left in `paid`
  // they would be reconciled one by one at the next start and inflate the start-up figure.
  const at = new Date().toISOString();
  w.transaction(() => {
    for (const id of ids) {
      setOutcome(w, id, { status: 'failed', errorCode: 'VENDOR_REFUSED', errorMessage: { en: 'Refused by the vendor.', ar: 'رفضه المزود.' } }, at);
      appendAudit(w, { at, userId: user.id, action: 'sale.failed', entity: 'sale', entityId: id, details: { errorCode: 'VENDOR_REFUSED', tokenSource: null } });
    }
  })();
  return { plain: p99(plain), backup: p99(during), ratio: p99(during) / p99(plain), backups, stallMs };
}

/** EXPLAIN QUERY PLAN of each captured statement; those that SCAN a table without an index. */
function fullScans(file: string, captured: Captured): Figures['scans'] {
  const db = new Database(file, { readonly: true });
  try {
    const out: Figures['scans'] = [];
    for (const [sql, args] of captured) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail);
      // (A subquery's rows are read once as they are made — a co-routine — not a table: its own plan lines say how it reads.)
      const scans = plan.filter((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|VIRTUAL TABLE|CONSTANT ROW|^SCAN \(subquery-\d+\)$/.test(d));
      if (scans.length) out.push({ sql: sql.replace(/\s+/g, ' ').trim(), plan });
    }
    return out;
  } finally {
    db.close();
  }
}

function print(f: Figures): void {
  const meters = n(f.size.meters);
  const sales = n(f.size.sales);
  console.log(`scale: meter lookup among ${meters} meters: p99 ${ms(f.lookup.all!)} ms`);
  for (const [k, v] of Object.entries(f.lookup)) if (k !== 'all') console.log(`scale:   by ${k}: p99 ${ms(v)} ms`);
  console.log(`scale:   customers.search among ${meters} meters: p99 ${ms(f.customers)} ms`);
  console.log(`scale: history search among ${sales} sales: p99 ${ms(f.history.all!)} ms`);
  console.log(`scale:   (by ${HEADLINE_HISTORY.join(', ')}; each filter below on its own)`);
  for (const [k, v] of Object.entries(f.history)) if (k !== 'all') console.log(`scale:   by ${k}: p99 ${ms(v)} ms`);
  console.log(`scale: Z report of a ${n(f.size.bigShiftSales)}-sale shift: ${ms(f.zMs)} ms`);
  console.log(`scale: start to login ready with ${sales} sales: ${ms(f.startMs)} ms`);
  console.log(`scale: sale commit while a backup runs: p99 ratio ${f.commit.ratio.toFixed(2)}x`);
  console.log(`scale:   commit p99 ${ms(f.commit.plain)} ms alone, ${ms(f.commit.backup)} ms during ${f.commit.backups} backup(s); longest event-loop stall during backup ${ms(f.commit.stallMs)} ms`);
  for (const s of f.scans) {
    console.log(`scale: FULL SCAN at ${meters} meters: ${s.sql.slice(0, 240)}${s.sql.length > 240 ? '…' : ''}`);
    for (const d of s.plan) console.log(`scale:     ${d}`);
  }
}

interface AuditVerifyFigure { rows: number; ms: number; peakRssMb: number }

/** `npm run audit:verify` on the cached database, as an operator runs it (a process of its own): its own time and peak RSS. */
function auditVerify(size: ScaleDb): AuditVerifyFigure {
  const root = path.join(__dirname, '../../..');
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/audit-verify.ts'), size.file], { cwd: root, encoding: 'utf8', env: { ...process.env, SHAHN_DATA_DIR: '' } });
  const m = /OK: audit log intact, (\d+) rows .*verified in (\d+) ms, peak memory (\d+) MB/.exec(out);
  if (!m) throw new Error(`audit:verify said: ${out}`);
  return { rows: Number(m[1]), ms: Number(m[2]), peakRssMb: Number(m[3]) };
}

function printAuditVerify(f: AuditVerifyFigure): void {
  console.log(`scale: audit:verify of ${n(f.rows)} audit rows: ${f.ms} ms, peak RSS ${f.peakRssMb} MB`);
}

function growth(all: Figures[]): void {
  const col = (s: string) => s.padStart(14);
  console.log(`scale: growth ${'(p99 ms)'.padEnd(36)}${all.map((f) => col(`${n(f.size.meters)} m`)).join('')}`);
  const row = (label: string, get: (f: Figures) => number) => console.log(`scale:   ${label.padEnd(41)}${all.map((f) => col(ms(get(f)))).join('')}`);
  for (const k of Object.keys(all[0]!.lookup)) row(`meter lookup ${k === 'all' ? '(all)' : `by ${k}`}`, (f) => f.lookup[k]!);
  row('customers.search', (f) => f.customers);
  for (const k of Object.keys(all[0]!.history)) row(`history search ${k === 'all' ? '(all)' : `by ${k}`}`, (f) => f.history[k]!);
  row('Z report (ms)', (f) => f.zMs);
  row('start to login ready (ms)', (f) => f.startMs);
  row('commit during backup (ratio)', (f) => f.commit.ratio);
  row('longest stall during backup (ms)', (f) => f.commit.stallMs);
  row('audit:verify (ms)', (f) => f.auditVerify?.ms ?? NaN);
  row('audit:verify peak RSS (MB)', (f) => f.auditVerify?.peakRssMb ?? NaN);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Each figure's median over several measurements of the same database (SCALE_RUNS): shared machines are noisy. */
function medianOf(runs: Figures[]): Figures {
  const first = runs[0]!;
  const each = (get: (f: Figures) => number) => median(runs.map(get));
  const keys = (rec: Record<string, number>, get: (f: Figures) => Record<string, number>) => Object.fromEntries(Object.keys(rec).map((k) => [k, each((f) => get(f)[k]!)]));
  const av = first.auditVerify;
  return {
    size: first.size, startMs: each((f) => f.startMs), lookup: keys(first.lookup, (f) => f.lookup), customers: each((f) => f.customers),
    history: keys(first.history, (f) => f.history), zMs: each((f) => f.zMs),
    commit: { plain: each((f) => f.commit.plain), backup: each((f) => f.commit.backup), ratio: each((f) => f.commit.ratio), backups: each((f) => f.commit.backups), stallMs: each((f) => f.commit.stallMs) },
    scans: runs.flatMap((f) => f.scans).filter((x, i, all) => all.findIndex((y) => y.sql === x.sql) === i),
    ...(av ? { auditVerify: { rows: av.rows, ms: each((f) => f.auditVerify!.ms), peakRssMb: each((f) => f.auditVerify!.peakRssMb) } } : {}),
  };
}

async function main() {
  const runs = Math.max(1, Number(process.env.SCALE_RUNS ?? 1) || 1);
  const sizes = process.env.SCALE === 'small' ? [10_000] : process.env.SCALE === 'medium' ? [10_000, 100_000] : process.env.SCALE === 'large' ? [1_000_000] : [10_000, 100_000, 1_000_000];
  const all: Figures[] = [];
  for (const meters of sizes) {
    const size = ensureScaleDb(meters, meters * 2);
    const measured: Figures[] = [];
    for (let run = 1; run <= runs; run++) {
      if (runs > 1) console.log(`scale: run ${run} of ${runs} at ${n(meters)} meters`);
      const f = await measure(size);
      f.auditVerify = auditVerify(size);
      if (runs > 1) { print(f); printAuditVerify(f.auditVerify); }
      measured.push(f);
    }
    const f = runs > 1 ? medianOf(measured) : measured[0]!;
    if (runs > 1) console.log(`scale: the median of ${runs} runs at ${n(meters)} meters:`);
    print(f);
    printAuditVerify(f.auditVerify!);
    all.push(f);
  }
  growth(all);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
