/**
 * Builds a database of realistic shape for the scale bench: N meters with their customers and M
 * sales over two years across 200 shifts a month, with the audit, outbox, token-ledger and
 * print-job rows the real sale flow leaves. Cached under os.tmpdir() (TMPDIR) and reused; newer
 * migrations are applied to the cache as they would be to a counter's database.
 *
 * Written through the real functions (db/repos, main/audit/append, main/sales/outcome,
 * main/shifts), in transactions of BATCH sales, with two exceptions, both written by direct SQL in
 * the exact final shape the real path leaves:
 *  - print jobs: the real queue takes each job through queued -> printing -> printed, three
 *    UPDATEs each preparing its statement anew; the generator inserts the printed row directly and
 *    sets the sale's print_status/print_count as setPrintStatus does.
 *  - nothing else: customers, meters, shifts (open and close with their Z report), sales (paid,
 *    then the outcome with the token in the ledger), audit rows (hash-chained) and outbox rows go
 *    through the product's own functions.
 * Run alone: npx tsx test/bench/scale/generate.ts <meters> <sales>
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb, type Db, type WriteDb } from '../../../db/open';
import { loadMigrations } from '../../../db/migrate';
import { insertCustomerRow } from '../../../db/repos/customers';
import { insertMeterRow } from '../../../db/repos/meters';
import { enqueue, markDone } from '../../../db/repos/outbox';
import { insertPaidSale, nextReceiptNo } from '../../../db/repos/sales';
import { insertUser } from '../../../db/repos/users';
import { stmt } from '../../../db/repos/stmt';
import { appendAudit } from '../../../main/audit/append';
import { hashPin } from '../../../main/auth/pin';
import { keyStoreFor } from '../../../main/keys';
import { recordSaleOutcome } from '../../../main/sales/outcome';
import { quoteSale } from '../../../main/sales/quote';
import { closeShift } from '../../../main/shifts/close';
import { attachSaleToShift, openShift } from '../../../main/shifts/shifts';
import type { Quote, User } from '../../../preload/contract';
import { DEMO_TARIFF, seedDemo } from '../../../scripts/seed-demo';
import { DEMO_ACREL_METERS, DEMO_STS_KEYS, DEMO_STS_METERS } from '../../sim/demo-data';
import { acrelMeterNumber, personName, phone, pick, prng, stsMeterNumber, tokenDigits, uuid } from './names';

/** Bumped when the generated shape changes, so an old cache is rebuilt. */
const GENERATOR_VERSION = 1;
const BATCH = 10_000;
export const COUNTER = 'Counter 1';
export const START = Date.parse('2024-12-01T00:00:00.000Z');
export const END = Date.parse('2026-12-01T00:00:00.000Z');
const MONTHS = 24;
const SHIFTS_PER_MONTH = 200;
const CASHIERS = 12;
const MONEY = { currency: 'YER', currencyDecimals: 0 };

export interface ScaleDb {
  dir: string;
  file: string;
  meters: number;
  sales: number;
  /** The open shift holding the most sales (the Z-report figure), and how many it holds. */
  bigShiftId: number;
  bigShiftSales: number;
  /** Generation time in ms (0: reused from the cache). */
  builtMs: number;
}

interface Marker { generator: number; meters: number; sales: number; bigShiftId: number; bigShiftSales: number; migrations: string[] }

export const bigShiftSize = (sales: number) => Math.min(20_000, Math.floor(sales / 10));

/** One digest per migration file, in order: a cache whose applied migrations still read the same is migrated forward, never rebuilt. */
function migrationDigests(): string[] {
  return loadMigrations().map((m) => crypto.createHash('sha256').update(m.sql).digest('hex').slice(0, 16));
}

export function scaleDir(meters: number, sales: number): string {
  return path.join(os.tmpdir(), `shahn-scale-g${GENERATOR_VERSION}-${meters}-${sales}`);
}

/**
 * The cached database at this size, built first when missing. A cache built at an older schema is
 * brought forward by the product's own migrations (as an upgraded counter would be), and the time
 * that takes is printed; one whose applied migrations have since been edited is rebuilt.
 */
export function ensureScaleDb(meters: number, sales: number, log: (s: string) => void = console.log): ScaleDb {
  const dir = scaleDir(meters, sales);
  const file = path.join(dir, 'shahn.sqlite');
  const markerFile = path.join(dir, 'scale.json');
  const digests = migrationDigests();
  if (fs.existsSync(markerFile)) {
    const m = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Marker;
    const sameHistory = Array.isArray(m.migrations) && m.migrations.length <= digests.length && m.migrations.every((d, i) => d === digests[i]);
    if (m.generator === GENERATOR_VERSION && m.meters === meters && m.sales === sales && sameHistory) {
      if (m.migrations.length < digests.length) {
        const t = performance.now();
        openDb(file).close();
        log(`scale: migrated ${dir} from schema ${m.migrations.length} to ${digests.length} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        fs.writeFileSync(markerFile, JSON.stringify({ ...m, migrations: digests }));
      } else log(`scale: reusing ${dir}`);
      return { dir, file, meters, sales, bigShiftId: m.bigShiftId, bigShiftSales: m.bigShiftSales, builtMs: 0 };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const db = openDb(file);
  let big: { id: number; sales: number };
  try {
    // Durability is not what is measured while building: one fsync per batch, a big page cache.
    db.write.pragma('synchronous = OFF');
    db.write.pragma('cache_size = -262144');
    big = generate(db, meters, sales, log);
    db.write.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const builtMs = performance.now() - t0;
  const marker: Marker = { generator: GENERATOR_VERSION, meters, sales, bigShiftId: big.id, bigShiftSales: big.sales, migrations: digests };
  fs.writeFileSync(markerFile, JSON.stringify(marker));
  log(`scale: generated ${meters.toLocaleString('en')} meters / ${sales.toLocaleString('en')} sales in ${(builtMs / 1000).toFixed(1)} s (${fs.statSync(file).size >> 20} MB) at ${dir}`);
  return { dir, file, meters, sales, bigShiftId: big.id, bigShiftSales: big.sales, builtMs };
}

/** Per-table time accumulators (ms), printed at the end. */
class Clock {
  readonly ms = new Map<string, number>();
  time<T>(table: string, f: () => T): T {
    const t = performance.now();
    try {
      return f();
    } finally {
      this.ms.set(table, (this.ms.get(table) ?? 0) + performance.now() - t);
    }
  }
}

function batched(w: WriteDb, total: number, each: (i: number) => void): void {
  for (let start = 0; start < total; start += BATCH) {
    const end = Math.min(total, start + BATCH);
    w.transaction(() => {
      for (let i = start; i < end; i++) each(i);
    })();
  }
}

interface MeterInfo { ids: Int32Array; numbers: string[]; acrel: Uint8Array; customer: string[]; lastTid: Int32Array }

function generateMeters(w: WriteDb, n: number, rnd: () => number, clock: Clock): MeterInfo {
  const info: MeterInfo = { ids: new Int32Array(n), numbers: new Array<string>(n), acrel: new Uint8Array(n), customer: new Array<string>(n), lastTid: new Int32Array(n).fill(-1) };
  const at = new Date(START - 86_400_000).toISOString();
  const k = DEMO_STS_KEYS;
  const sts = { sgc: k.sgc, ti: k.ti, krn: k.krn, keyType: k.keyType, baseDate: k.baseDate, ea: k.ea, dkga: k.dkga };
  let customerId = 0;
  let stsSerial = 0;
  let acrelSerial = 0;
  batched(w, n, (i) => {
    // Most customers hold one meter; about one in ten holds a second (a shop beside the house).
    if (i === 0 || rnd() >= 0.1) {
      const name = personName(rnd);
      customerId = clock.time('customers', () => insertCustomerRow(w, { name: name.ar, nameLatin: rnd() < 0.7 ? name.latin : null, phone: rnd() < 0.9 ? phone(rnd) : null, address: null }, at));
      info.customer[i] = name.ar;
    } else {
      info.customer[i] = info.customer[i - 1]!;
    }
    const acrel = rnd() < 0.2;
    // Two STS manufacturers (04, 07): serials dense enough that a 6-digit prefix matches thousands.
    const number = acrel ? acrelMeterNumber(100_000 + ++acrelSerial) : stsMeterNumber(stsSerial % 2 ? '07' : '04', 10_000_000 + Math.floor(++stsSerial / 2));
    info.ids[i] = clock.time('meters', () => insertMeterRow(w, { number, kind: acrel ? 'acrel' : 'sts', customerId, scheduleCode: DEMO_TARIFF.code, groupId: null, ...(acrel ? {} : { sts }) }, at));
    info.numbers[i] = number;
    info.acrel[i] = acrel ? 1 : 0;
  });
  return info;
}

/** Real quotes at the demo tariff (three periods of the day, several amounts, exact and rounded tender), reused with each sale's meter and customer. */
function quoteTemplates(db: Db): { sts: Quote[]; acrel: Quote[] } {
  const out = { sts: [] as Quote[], acrel: [] as Quote[] };
  const acrelMeter = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'prepaid')!.number;
  for (const hour of [4, 10, 19]) {
    const deps = {
      db, config: { counterName: COUNTER, ...MONEY, timeZone: 'Asia/Aden', vendorAcceptWindowMs: 0 },
      now: () => new Date(Date.UTC(2026, 0, 15, hour - 3)), keys: keyStoreFor(db.write), vending: { mode: 'vendor' as const, offlineLimitMinor: 1e12, saleDeadlineMs: 5_000 },
    };
    for (const amountMinor of [500, 1000, 1500, 2000, 3000, 5000, 10_000]) {
      for (const round of [false, true]) {
        const tenderedMinor = round ? Math.ceil((amountMinor + 1) / 5000) * 5000 : amountMinor;
        out.sts.push(quoteSale(deps, { meterNumber: DEMO_STS_METERS[0]!.number, amountMinor, tenderedMinor }).quote);
        out.acrel.push(quoteSale(deps, { meterNumber: acrelMeter, amountMinor, tenderedMinor }).quote);
      }
    }
  }
  return out;
}

function generate(db: Db, nMeters: number, nSales: number, log: (s: string) => void): { id: number; sales: number } {
  const w = db.write;
  const rnd = prng(15_000 + nMeters);
  const clock = new Clock();
  const t0 = performance.now();
  seedDemo(w, new Date(START - 2 * 86_400_000).toISOString()); // users, tariffs, the demo meters, the demo vending key
  const pinHash = hashPin('1111');
  const demoCashier = w.prepare(`SELECT id, username, display_name FROM users WHERE username = 'cashier'`).get() as { id: number; username: string; display_name: string };
  const cashiers: User[] = [{ id: demoCashier.id, username: demoCashier.username, displayName: demoCashier.display_name, role: 'cashier', locale: 'ar' }];
  w.transaction(() => {
    for (let c = 1; c < CASHIERS; c++) {
      const name = personName(rnd);
      const u = insertUser(w, { username: `cashier${c}`, displayName: name.ar, role: 'cashier', pinHash, locale: c % 3 ? 'ar' : 'en' }, new Date(START - 86_400_000).toISOString());
      cashiers.push({ id: u.id, username: u.username, displayName: u.display_name, role: 'cashier', locale: u.locale });
    }
  })();
  const meters = generateMeters(w, nMeters, rnd, clock);
  const tMeters = performance.now();
  log(`scale:   customers + meters: ${nMeters.toLocaleString('en')} meters in ${((tMeters - t0) / 1000).toFixed(1)} s`);

  const templates = quoteTemplates(db);
  const bigSales = bigShiftSize(nSales);
  const shifts = MONTHS * SHIFTS_PER_MONTH;
  const regular = nSales - bigSales;
  // Regular shifts split the two years into consecutive slots; the last day is one long open shift.
  const slotMs = (END - 86_400_000 - START) / shifts;
  const plan: { start: number; span: number; count: number; cashier: User; close: boolean }[] = [];
  for (let s = 0; s < shifts; s++) {
    const count = Math.floor(((s + 1) * regular) / shifts) - Math.floor((s * regular) / shifts);
    plan.push({ start: START + s * slotMs, span: slotMs * 0.9, count, cashier: cashiers[s % CASHIERS]!, close: true });
  }
  plan.push({ start: END - 86_400_000, span: 86_400_000 * 0.95, count: bigSales, cashier: cashiers[0]!, close: false });

  // A cashier's user for closing: the cashier closes their own shift.
  let bigShiftId = 0;
  let shiftIdx = 0;
  let inShift = 0;
  let shiftId = 0;
  let cashInShift = 0;
  const pendingFrom = END - 3 * 86_400_000; // only the last days still have undelivered credit
  batched(w, nSales, () => {
    let p = plan[shiftIdx]!;
    while (inShift >= p.count) { shiftIdx++; inShift = 0; p = plan[shiftIdx]!; }
    if (inShift === 0) {
      shiftId = clock.time('shifts', () => openShift(w, p.cashier, 50_000, new Date(p.start).toISOString(), COUNTER).id);
      cashInShift = 0;
      if (!p.close) bigShiftId = shiftId;
    }
    const t = p.start + ((inShift + rnd() * 0.9) / p.count) * p.span;
    const at = new Date(t).toISOString();
    const done = new Date(t + 1500 + rnd() * 3000).toISOString();
    const m = Math.floor(rnd() * nMeters);
    const acrel = meters.acrel[m] === 1;
    const tpl = pick(rnd, acrel ? templates.acrel : templates.sts);
    const quote: Quote = { ...tpl, meterNumber: meters.numbers[m]!, customerName: meters.customer[m]!, at };
    const id = uuid(rnd);
    const user = p.cashier;
    const paymentMethod = rnd() < 0.85 ? 'cash' : rnd() < 0.7 ? 'card' : 'transfer';
    const r = rnd();
    const status: 'issued' | 'failed' | 'pending' = acrel && t > pendingFrom && r < 0.3 ? 'pending' : r < 0.02 ? 'failed' : 'issued';

    // Step 2 of sell.ts: the paid transaction.
    const receiptNo = clock.time('sales', () => {
      const no = nextReceiptNo(w);
      insertPaidSale(w, { id, receiptNo: no, userId: user.id, meterId: meters.ids[m]!, quote, paymentMethod, at });
      attachSaleToShift(w, id, user, at, COUNTER);
      return no;
    });
    clock.time('audit_log', () => appendAudit(w, { at, userId: user.id, action: 'sale.paid', entity: 'sale', entityId: id, details: { receiptNo, meter: quote.meterNumber, chargedMinor: quote.chargedMinor } }));
    const [headOffice, recharge] = clock.time('outbox', () => [
      enqueue(w, { topic: 'headoffice.sale', key: id, saleId: id, payload: { saleId: id }, at }),
      acrel ? enqueue(w, { topic: 'acrel.recharge', key: id, saleId: id, payload: { meterNumber: quote.meterNumber, amountMinor: quote.valueMinor }, at, orderKey: `meter:${quote.meterNumber}` }) : 0,
    ]);

    // Steps 3-4: the outcome (token in the meter's ledger first), its audit row, the delivered messages.
    let tid: number | null = null;
    if (!acrel && status === 'issued') {
      tid = Math.max(Math.floor((t - Date.UTC(2014, 0, 1)) / 60_000), meters.lastTid[m]! + 1);
      meters.lastTid[m] = tid;
    }
    clock.time('sales', () => recordSaleOutcome(w, id, status === 'issued'
      ? { status, token: acrel ? null : tokenDigits(rnd), tokenSource: acrel ? null : 'vendor', tid, vendorRef: `V${receiptNo}`, errorCode: null, errorMessage: null }
      : status === 'failed'
        ? { status, errorCode: 'VENDOR_REFUSED', errorMessage: { en: 'The vendor refused this sale: the meter is blocked.', ar: 'رفض المزود عملية البيع: العداد موقوف.' } }
        : { status, errorCode: 'OFFLINE', errorMessage: { en: 'The meter service cannot be reached now. The credit will be sent to the meter automatically when the connection returns.', ar: 'تعذر الوصول إلى خدمة العداد الآن. سيُرسل الرصيد إلى العداد تلقائياً عند عودة الاتصال.' } },
    done, user.id));
    clock.time('audit_log', () => appendAudit(w, { at: done, userId: user.id, action: `sale.${status}`, entity: 'sale', entityId: id, details: { errorCode: status === 'issued' ? null : status === 'failed' ? 'VENDOR_REFUSED' : 'OFFLINE', tokenSource: tid !== null ? 'vendor' : null } }));
    if (status !== 'pending') {
      clock.time('outbox', () => {
        if (recharge) markDone(w, recharge, done);
        // A few of the newest sales wait for the head office still.
        if (t < END - 3_600_000 || rnd() < 0.5) markDone(w, headOffice, new Date(t + 60_000).toISOString());
      });
    }
    clock.time('print_jobs', () => printedReceipt(w, id, done));
    if (status !== 'failed' && paymentMethod === 'cash') cashInShift += quote.chargedMinor;

    inShift++;
    if (inShift === p.count && p.close) {
      const closedAt = new Date(p.start + slotMs * 0.95).toISOString();
      // Most drawers count right; some are a little short.
      const counted = 50_000 + cashInShift - (rnd() < 0.1 ? Math.floor(rnd() * 500) : 0);
      clock.time('shifts', () => closeShift(w, user, { shiftId, countedCashMinor: counted }, MONEY, closedAt, COUNTER));
    }
  });
  const tSales = performance.now();
  log(`scale:   sales and their rows: ${nSales.toLocaleString('en')} sales in ${((tSales - tMeters) / 1000).toFixed(1)} s (${Math.round(nSales / ((tSales - tMeters) / 1000)).toLocaleString('en')} sales/s)`);
  const counts = w.prepare(`SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM meters) AS meters, (SELECT COUNT(*) FROM shifts) AS shifts,
    (SELECT COUNT(*) FROM sales) AS sales, (SELECT COUNT(*) FROM audit_log) AS audit_log, (SELECT COUNT(*) FROM outbox) AS outbox,
    (SELECT COUNT(*) FROM issued_tokens) AS issued_tokens, (SELECT COUNT(*) FROM print_jobs) AS print_jobs`).get() as Record<string, number>;
  for (const [table, ms] of [...clock.ms].sort((a, b) => b[1] - a[1])) {
    log(`scale:     ${table.padEnd(13)} ${String(counts[table] ?? '').padStart(10)} rows  ${(ms / 1000).toFixed(1).padStart(7)} s`);
  }
  log(`scale:     (issued_tokens: ${counts.issued_tokens} rows, written inside the sales outcome)`);
  return { id: bigShiftId, sales: bigSales };
}

/** The receipt's original print job as the print queue leaves it once printed, and the sale's print state. */
function printedReceipt(w: WriteDb, saleId: string, at: string): void {
  stmt(w, `INSERT INTO print_jobs (sale_id, copy, status, attempts, next_at, created_at, updated_at, printed_at) VALUES (?, 0, 'printed', 1, ?, ?, ?, ?)`)
    .run(saleId, at, at, at, at);
  stmt(w, `UPDATE sales SET print_status = 'printed', print_count = print_count + 1, updated_at = ? WHERE id = ?`).run(at, saleId);
}

if (require.main === module) {
  const [n, m] = process.argv.slice(2).map(Number);
  ensureScaleDb(n ?? 10_000, m ?? 20_000);
}
