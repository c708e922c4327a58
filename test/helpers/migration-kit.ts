// Tools for the per-migration tests in test/integration/db/migrations/ (one file per migration,
// the way Signal Desktop tests each of its schema migrations): build a database at version N-1,
// fill it with the history a counter would have at that version, snapshot every table, apply
// migration N alone, and check that every row of every table is still there with every value.
//
// The generic check (expectSurvived) is deliberately blunt: it compares each old table's old
// columns row by row, keyed on the primary key, so a table rebuild that forgets a column, swaps
// two, truncates a value or drops a row fails it whatever the migration meant to do. The few
// changes a migration is MEANT to make are named by the test (allow), and checked there instead.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../db/migrate';
import { appendAudit } from '../../main/audit/append';
import { tidFromDate } from '../../main/sts/tid';

export const MIGRATIONS = loadMigrations();

export type Row = Record<string, unknown>;

/** An instant on a March 2026 trading day (day 1..31), as the app stores it (ISO-8601 UTC). */
export const at = (day: number, minute = 0): string => new Date(Date.UTC(2026, 2, day, 8, minute)).toISOString();

/** A realistic STS TID: minutes since the meter's base date (2014) at that instant. */
export const tidAt = (day: number, minute = 0): number => tidFromDate(new Date(at(day, minute)), 2014);

/**
 * A fresh database file in its own temp folder, migrated to exactly `version`, with foreign keys
 * on as the app opens it (db/open.ts). Closed and deleted when the test ends, pass or fail.
 */
export function databaseAt(version: number): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shahn-mig-v${version}-`));
  const db = new Database(path.join(dir, 'shahn.sqlite'));
  onTestFinished(() => {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, version);
  expect(currentVersion(db)).toBe(version);
  return db;
}

/**
 * Applies migration `version` alone (the database must be at version - 1) the way the app does,
 * and checks the result is a sound database: recorded, references intact, pages intact.
 */
export function applyMigration(db: Database.Database, version: number): void {
  expect(currentVersion(db)).toBe(version - 1);
  expect(migrate(db, MIGRATIONS, version)).toEqual([version]);
  expect(currentVersion(db)).toBe(version);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

/**
 * The tables that hold data. A full-text index (a virtual table, and the shadow tables it keeps its
 * index in) holds only what it derives from a real table: its migration's test checks it answers.
 */
export const tableNames = (db: Database.Database): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`)
    .all() as { name: string }[]).map((r) => r.name);

interface ColumnInfo { name: string; pk: number }
export const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as ColumnInfo[]).map((c) => c.name);

function keyOf(db: Database.Database, table: string): string[] {
  const pk = (db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as ColumnInfo[])
    .filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  // Every Shahn table declares a primary key; rows are matched on it across a rebuild (a rebuilt
  // table's rowids are new). A table without one would need another way to match: say so.
  if (pk.length === 0) throw new Error(`table ${table} has no primary key: extend the migration kit to match its rows`);
  return pk;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableSnapshot { columns: string[]; key: string[]; rows: Row[] }
export type Snapshot = Record<string, TableSnapshot>;

/** Rows with each column's value and, beside it as "column:type", its SQLite storage class. */
function readRows(db: Database.Database, table: string, columns: string[], key: string[]): Row[] {
  const select = columns.map((c) => `${q(c)}, typeof(${q(c)}) AS ${q(`${c}:type`)}`).join(', ');
  return db.prepare(`SELECT ${select} FROM ${q(table)} ORDER BY ${key.map(q).join(', ')}`).all() as Row[];
}

/**
 * Every table (but the migration log) with its columns and every row, in primary-key order. It
 * refuses an empty table: a table with no rows would pass any survival check, so a test that
 * forgot to fill one must be told.
 */
export function snapshot(db: Database.Database): Snapshot {
  const out: Snapshot = {};
  for (const table of tableNames(db)) {
    const columns = columnsOf(db, table);
    const key = keyOf(db, table);
    const rows = readRows(db, table, columns, key);
    expect(rows.length, `table ${table} holds no rows: fill it before the migration`).toBeGreaterThan(0);
    out[table] = { columns, key, rows };
  }
  return out;
}

export interface Allowed {
  /** Old rows the migration is meant to rewrite: still required to exist (by key), values not compared here. */
  rewritten?: Record<string, (old: Row) => boolean>;
  /** Old columns the migration is meant to change on existing rows (e.g. a value raised). */
  changedColumns?: Record<string, string[]>;
  /** Tables the migration is meant to add rows to (e.g. rows moved in from another table). */
  grows?: string[];
}

/**
 * Every table of `before` still exists after the migration with every old column, every old row
 * (matched on its primary key) and every old value, of the same SQLite type; no row appeared
 * unless `allow.grows` names the table. Differences show as a row-by-row diff.
 */
export function expectSurvived(db: Database.Database, before: Snapshot, allow: Allowed = {}): void {
  const now = new Set(tableNames(db));
  for (const [table, snap] of Object.entries(before)) {
    expect(now.has(table), `table ${table} is gone`).toBe(true);
    expect(columnsOf(db, table), `table ${table} lost a column`).toEqual(expect.arrayContaining(snap.columns));
    const skipCols = new Set(allow.changedColumns?.[table] ?? []);
    const compared = snap.columns.filter((c) => !skipCols.has(c));
    const rewritten = allow.rewritten?.[table];
    const keyStr = (r: Row) => JSON.stringify(snap.key.map((k) => r[k]));
    const afterRows = readRows(db, table, snap.columns, snap.key);
    const afterByKey = new Map(afterRows.map((r) => [keyStr(r), r]));
    const beforeRows = snap.rows;
    // Typed view: a value that came back as text or real where it was an integer has not
    // survived. (A column keeping its INTEGER type converts such values back on its own; one a
    // rebuild re-declares without a type would keep 1500 as '1500', and money compares wrongly.)
    const typed = (r: Row | undefined) =>
      r === undefined ? '(row lost)' : Object.fromEntries(compared.map((c) => [c, r[c] === null ? null : [r[`${c}:type`], r[c]]]));
    const expected = beforeRows.map((r) => (rewritten?.(r) ? keyStr(r) : typed(r)));
    const actual = beforeRows.map((r) => {
      const a = afterByKey.get(keyStr(r));
      return rewritten?.(r) && a ? keyStr(r) : typed(a);
    });
    expect(actual, `rows of ${table} changed`).toEqual(expected);
    if (!allow.grows?.includes(table)) expect(afterRows.length, `rows appeared in ${table}`).toBe(beforeRows.length);
  }
}

// ---------------------------------------------------------------------------------------------
// The history of a counter at a schema version: what seedHistory() writes. Every table that
// exists at that version gets realistic rows; sales cover every product x status the schema
// allows then. Written through plain SQL with only the columns that version has, the way the
// Shahn of that version wrote them (a sale inserted 'paid', its outcome an UPDATE).
// ---------------------------------------------------------------------------------------------

export const METER = { sts1: '04000001018', sts2: '04000001026', acrel1: '202400000001', acrel2: '202400000002' } as const;

/** Cashier 'omar' (id 3) works counter COUNTER-1; admin is id 1, supervisor id 2. */
export const USER = { admin: 1, supervisor: 2, cashier: 3, formerCashier: 4 } as const;

function insert(db: Database.Database, table: string, row: Row): void {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const has = (db: Database.Database, table: string) => tableNames(db).includes(table);

export interface SaleSpec {
  id: string;
  meter: keyof typeof METER;
  product: 'sts_kwh' | 'acrel_credit' | 'settlement';
  status: 'paid' | 'issued' | 'pending' | 'unknown' | 'failed';
  day: number;
  minute?: number;
  payment?: 'cash' | 'card' | 'transfer';
  /** Money in integer minor units (YER x 100), as everywhere in Shahn. */
  amountMinor: number;
  tenderedMinor?: number;
  feeMinor?: number;
  token?: { digits: string; source: 'vendor' | 'local'; tid: number };
  vendorRef?: string;
  error?: { code: string; en: string; ar: string };
  printed?: number;
  userId?: number;
  shiftId?: number | null;
}

/**
 * One sale as the Shahn of this schema version wrote it: inserted 'paid' without a token, then
 * its outcome recorded by an UPDATE (from 0009 on, a TID goes into the token ledger first).
 */
export function addSale(db: Database.Database, s: SaleSpec): void {
  // The receipt number comes from the counter, as nextReceiptNo() (db/repos/sales.ts) takes it.
  const { value: receiptNo } = db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'receipt_no' RETURNING value`).get() as { value: number };
  const meter = db.prepare('SELECT id, number, kind FROM meters WHERE number = ?').get(METER[s.meter]) as { id: number; number: string; kind: string };
  const fee = s.feeMinor ?? 0;
  const charged = s.amountMinor;
  const value = charged - fee;
  const tendered = s.tenderedMinor ?? charged;
  const sts = s.product === 'sts_kwh';
  // Energy in tenths of a kWh at the RES day rate (130 minor units per kWh); cloud credit's
  // energy is an estimate at roughly the COM rate. Only the shape matters here, not the tariff engine.
  const energyTenths = sts ? Math.floor((value * 10) / 130) : null;
  const estEnergyTenths = s.product === 'acrel_credit' ? Math.floor((value * 10) / 180) : null;
  const quote = {
    kind: s.product === 'settlement' ? 'settlement' : 'purchase', product: s.product, meterNumber: meter.number, currency: 'YER',
    amountMinor: s.amountMinor, chargedMinor: charged, feeMinor: fee, valueMinor: value, tenderedMinor: tendered, changeMinor: tendered - charged,
    energyTenths, estimatedEnergyTenths: estEnergyTenths, tariff: { code: s.meter.startsWith('sts') ? 'RES' : 'COM', pricePerKwh: '130' },
    at: at(s.day, s.minute),
  };
  const row: Row = {
    id: s.id, receipt_no: receiptNo, user_id: s.userId ?? USER.cashier, meter_id: meter.id, meter_number: meter.number,
    product: s.product, status: 'paid', payment_method: s.payment ?? 'cash', currency: 'YER', amount_minor: s.amountMinor,
    tendered_minor: tendered, charged_minor: charged, change_minor: tendered - charged, value_minor: value,
    energy_tenths: energyTenths, est_energy_tenths: estEnergyTenths, quote_json: JSON.stringify(quote),
    created_at: at(s.day, s.minute), updated_at: at(s.day, s.minute),
  };
  if (s.shiftId != null) row.shift_id = s.shiftId;
  insert(db, 'sales', row);
  if (s.status === 'paid' && !s.printed) return;
  const done = at(s.day, (s.minute ?? 0) + 1);
  if (s.token && has(db, 'issued_tokens')) {
    insert(db, 'issued_tokens', { meter_id: meter.id, tid: s.token.tid, kind: 'credit', source: s.token.source, sale_id: s.id, issued_at: done });
  }
  db.prepare(
    `UPDATE sales SET status = @status, token = @token, token_source = @source, sts_tid = @tid, vendor_ref = @ref,
       error_code = @code, error_message_json = @msg, print_status = @print, print_count = @count, updated_at = @done WHERE id = @id`,
  ).run({
    id: s.id, status: s.status, token: s.token?.digits ?? null, source: s.token?.source ?? null, tid: s.token?.tid ?? null,
    ref: s.vendorRef ?? null, code: s.error?.code ?? null, msg: s.error ? JSON.stringify({ en: s.error.en, ar: s.error.ar }) : null,
    print: s.printed ? 'printed' : 'none', count: s.printed ?? 0, done,
  });
}

export const TIMEOUT = { code: 'VENDOR_TIMEOUT', en: 'The vendor did not answer in time', ar: 'لم يستجب المزوّد في الوقت المحدد' };
export const REFUSED = { code: 'VENDOR_REFUSED', en: 'The vendor refused the meter', ar: 'رفض المزوّد العداد' };

/** The sales seeded at `version`: every product x status that version's schema allows. */
export function saleSpecs(version: number): SaleSpec[] {
  const shift = (id: number | null) => (version >= 7 ? id : undefined);
  const specs: SaleSpec[] = [
    // Before shifts existed (0007), or sold on the closed shift 1 / the open shift 2.
    { id: 'a1f0c3e2-0001-4b1e-9c55-000000000001', meter: 'sts1', product: 'sts_kwh', status: 'issued', day: 2, minute: 5, amountMinor: 1_500_000, tenderedMinor: 2_000_000, feeMinor: 10_000,
      token: { digits: '56170485930217746201', source: 'vendor', tid: tidAt(2, 6) }, vendorRef: 'STS-TX-7781203', printed: 2, shiftId: shift(1) },
    { id: 'a1f0c3e2-0002-4b1e-9c55-000000000002', meter: 'sts2', product: 'sts_kwh', status: 'issued', day: 2, minute: 40, amountMinor: 500_000, payment: 'card',
      token: { digits: '07319264085511930478', source: 'local', tid: tidAt(2, 41) }, printed: 1, shiftId: shift(1) },
    { id: 'a1f0c3e2-0003-4b1e-9c55-000000000003', meter: 'sts1', product: 'sts_kwh', status: 'paid', day: 3, minute: 10, amountMinor: 250_000, shiftId: shift(2) },
    { id: 'a1f0c3e2-0004-4b1e-9c55-000000000004', meter: 'sts2', product: 'sts_kwh', status: 'unknown', day: 3, minute: 20, amountMinor: 750_000, error: TIMEOUT, shiftId: shift(2) },
    { id: 'a1f0c3e2-0005-4b1e-9c55-000000000005', meter: 'sts1', product: 'sts_kwh', status: 'failed', day: 3, minute: 30, amountMinor: 300_000, error: REFUSED, shiftId: shift(2) },
    { id: 'a1f0c3e2-0006-4b1e-9c55-000000000006', meter: 'acrel1', product: 'acrel_credit', status: 'issued', day: 2, minute: 15, amountMinor: 1_000_000, payment: 'transfer', vendorRef: 'ACR-20260302-0042', printed: 1, shiftId: shift(1) },
    { id: 'a1f0c3e2-0007-4b1e-9c55-000000000007', meter: 'acrel1', product: 'acrel_credit', status: 'pending', day: 3, minute: 35, amountMinor: 200_000, shiftId: shift(2) },
    { id: 'a1f0c3e2-0008-4b1e-9c55-000000000008', meter: 'acrel2', product: 'acrel_credit', status: 'failed', day: 3, minute: 45, amountMinor: 400_000, error: REFUSED, shiftId: shift(null) },
    { id: 'a1f0c3e2-0009-4b1e-9c55-000000000009', meter: 'acrel1', product: 'acrel_credit', status: 'unknown', day: 3, minute: 50, amountMinor: 600_000, error: TIMEOUT },
    { id: 'a1f0c3e2-0010-4b1e-9c55-000000000010', meter: 'acrel2', product: 'acrel_credit', status: 'paid', day: 3, minute: 55, amountMinor: 150_000 },
  ];
  if (version >= 6) {
    // A settlement (0006): the postpaid meter's bill paid at the counter; no token, no energy.
    specs.push({ id: 'a1f0c3e2-0011-4b1e-9c55-000000000011', meter: 'acrel2', product: 'settlement', status: 'issued', day: 3, minute: 58, amountMinor: 820_000, tenderedMinor: 1_000_000, printed: 1, shiftId: shift(2) });
  }
  return specs;
}

export const CUSTOMERS = [
  // Hamza forms, a damma, a taa marbuta and spaces/dashes in the phone: all normalised by 0007.
  { id: 1, name: 'أحمد عبدالله الحُدَيدي', name_latin: 'Ahmed Abdullah Al-Hudaydi', phone: '+967 777 123-456', address: 'صنعاء، شارع حدة، عمارة ١٢' },
  // Arabic-Indic digits in the phone, alif maqsura in the name, no Latin name.
  { id: 2, name: 'فاطمة مصطفى', name_latin: null, phone: '٧٧١٢٣٤٥٦٧', address: null },
  // A Latin-only shop name with an apostrophe, no phone.
  { id: 3, name: "O'Brien Trading Co.", name_latin: "O'Brien Trading Co.", phone: null, address: 'Aden, Crater' },
  // Tatweel and shadda in a company name.
  { id: 4, name: 'مؤسسة مكّة للتجـارة', name_latin: 'Makkah Trading Est.', phone: '01-234 567', address: 'الحديدة' },
] as const;

/**
 * Writes a counter's realistic history for schema `version` into `db`, which must be at that
 * version and empty. Every table of that version gets rows.
 */
export function seedHistory(db: Database.Database, version: number): void {
  db.transaction(() => {
    const user = db.prepare(`INSERT INTO users (id, username, display_name, role, pin_hash, locale, failed_attempts, locked_until, active, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    user.run(USER.admin, 'admin', 'مدير النظام', 'admin', `scrypt$${sha('admin')}`, 'ar', 0, null, 1, at(1));
    user.run(USER.supervisor, 'salma', 'سلمى الحدّاد', 'supervisor', `scrypt$${sha('salma')}`, 'ar', 0, null, 1, at(1, 1));
    user.run(USER.cashier, 'omar', 'Omar Nasser', 'cashier', `scrypt$${sha('omar')}`, 'en', 2, at(2, 30), 1, at(1, 2));
    user.run(USER.formerCashier, 'huda', 'هدى', 'cashier', `scrypt$${sha('huda')}`, 'ar', 0, null, 0, at(1, 3));

    for (const c of CUSTOMERS) insert(db, 'customers', { ...c, created_at: at(1, 10 + c.id) });

    const v2 = version >= 2 ? { created_by: USER.admin } : {};
    insert(db, 'tariff_schedules', { id: 1, code: 'RES', version: 1, name_ar: 'سكني', name_en: 'Residential', effective_from: '2025-01-01T00:00:00.000Z',
      vat_percent: '5', fee_minor: 10_000, min_purchase_minor: 100_000, max_purchase_minor: 50_000_000, created_at: at(1), ...v2 });
    insert(db, 'tariff_schedules', { id: 2, code: 'RES', version: 2, name_ar: 'سكني ٢٠٢٦', name_en: 'Residential 2026', effective_from: '2026-01-01T00:00:00.000Z',
      vat_percent: '5', fee_minor: 10_000, min_purchase_minor: 100_000, max_purchase_minor: 50_000_000, created_at: at(1),
      ...(version >= 2 ? { ...v2, debt_recovery_percent: '12.5' } : {}) });
    insert(db, 'tariff_schedules', { id: 3, code: 'COM', version: 1, name_ar: 'تجاري', name_en: 'Commercial', effective_from: '2025-06-01T00:00:00.000Z',
      vat_percent: '0', fee_minor: 0, min_purchase_minor: 50_000, max_purchase_minor: 200_000_000, created_at: at(1),
      ...(version >= 2 ? { ...v2, fee_mode: 'first_of_month' } : {}) });
    const period = db.prepare('INSERT INTO tariff_periods (schedule_id, idx, name_ar, name_en, start_minute, end_minute, price_per_kwh, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    period.run(1, 0, 'طوال اليوم', 'All day', 0, 1440, '120', 1);
    period.run(2, 0, 'الليل', 'Night', 0, 360, '95.5', 1);
    period.run(2, 1, 'النهار', 'Day', 360, 1440, '130', 1);
    period.run(3, 0, 'طوال اليوم', 'All day', 0, 1440, '180.25', 1);
    period.run(3, 1, 'الذروة (ملغاة)', 'Peak (retired)', 1080, 1320, '240', 0);

    if (version >= 2) {
      insert(db, 'tariff_groups', { id: 1, code: 'FEEDER-3', name_ar: 'شارع الزبيري - المغذي ٣', name_en: 'Zubairi St. feeder 3', schedule_code: 'RES', created_at: at(1, 20), updated_at: at(1, 25) });
    }
    const sts = { kind: 'sts', sts_sgc: '600727', sts_ti: '01', sts_krn: 1, sts_key_type: 2, sts_base_date: 2014 };
    insert(db, 'meters', { id: 1, number: METER.sts1, customer_id: 1, schedule_code: 'RES', ...sts, sts_ea: '07', sts_dkga: '02', // Before 0009 the engineering code at 2:45 never raised the meter's last TID (the bug 0009 fixes).
      sts_last_tid: version >= 9 ? tidAt(2, 45) : tidAt(2, 6), created_at: at(1, 30),
      ...(version >= 2 ? { min_purchase_minor: 200_000, max_purchase_minor: 10_000_000 } : {}) });
    insert(db, 'meters', { id: 2, number: METER.sts2, customer_id: 2, schedule_code: 'RES', ...sts, sts_krn: 2, sts_ea: '11', sts_dkga: '04', sts_last_tid: tidAt(2, 41), created_at: at(1, 31),
      ...(version >= 2 ? { tariff_group_id: 1 } : {}) });
    insert(db, 'meters', { id: 3, number: METER.acrel1, kind: 'acrel', customer_id: 3, schedule_code: 'COM', payment_mode: 'credit', created_at: at(1, 32),
      ...(version >= 2 ? { debt_minor: 250_000, credit_limit_minor: 1_000_000, deposit_minor: 500_000, supply: 'off' } : {}) });
    insert(db, 'meters', { id: 4, number: METER.acrel2, kind: 'acrel', customer_id: 4, schedule_code: 'COM', payment_mode: 'postpaid', created_at: at(1, 33),
      ...(version >= 2 ? { debt_minor: 820_000 } : {}) });

    if (version >= 3) {
      insert(db, 'meter_commands', { id: 'c0a80001-cmd-0001', meter_number: METER.acrel1, meter_kind: 'acrel', kind: 'disconnect', params_json: '{"reason":"credit limit reached"}',
        status: 'done', vendor_command_id: 'ACR-CMD-99120', requested_by: USER.supervisor, created_at: at(2, 50), sent_at: at(2, 51), completed_at: at(2, 53), updated_at: at(2, 53) });
      insert(db, 'meter_commands', { id: 'c0a80001-cmd-0002', meter_number: METER.acrel1, meter_kind: 'acrel', kind: 'reduce_amperage', params_json: '{"amps":16}',
        status: 'sent', vendor_command_id: 'ACR-CMD-99121', requested_by: USER.supervisor, created_at: at(3, 1), sent_at: at(3, 2), updated_at: at(3, 2) });
      insert(db, 'meter_commands', { id: 'c0a80001-cmd-0003', meter_number: METER.acrel2, meter_kind: 'acrel', kind: 'turn_off', params_json: '{}', status: 'failed',
        error_code: 'METER_OFFLINE', error_message_json: JSON.stringify({ en: 'The meter is offline', ar: 'العداد غير متصل' }), requested_by: USER.admin, created_at: at(3, 3), updated_at: at(3, 9) });
      insert(db, 'meter_commands', { id: 'c0a80001-cmd-0004', meter_number: METER.acrel2, meter_kind: 'acrel', kind: 'reconnect', params_json: '{}', requested_by: USER.supervisor, created_at: at(3, 10), updated_at: at(3, 10) });
      if (version >= 6) {
        insert(db, 'meter_commands', { id: 'c0a80001-cmd-0005', meter_number: METER.acrel1, meter_kind: 'acrel', kind: 'set_credit_limit', params_json: '{"creditLimitMinor":1000000}',
          status: 'done', vendor_command_id: 'ACR-CMD-99130', requested_by: USER.admin, created_at: at(3, 11), sent_at: at(3, 12), completed_at: at(3, 13), updated_at: at(3, 13) });
      }
    }
    if (version >= 4) {
      insert(db, 'vending_keys', { sgc: '600727', krn: 1, sealed: Buffer.from('iv-and-tag-and-ciphertext-krn1').toString('base64'), created_at: at(1, 40) });
      insert(db, 'vending_keys', { sgc: '600727', krn: 2, sealed: Buffer.from('iv-and-tag-and-ciphertext-krn2').toString('base64'), created_at: at(1, 41) });
    }

    if (version >= 7) {
      // Shift 1 (closed, Z 1) and shift 2 (open) of the cashier; inserted closed directly, as the
      // close writes it (the immutability trigger only refuses updates of a closed shift).
      insert(db, 'shifts', { id: 1, user_id: USER.cashier, counter: 'COUNTER-1', status: 'closed', float_minor: 5_000_000, auto_opened: 0, opened_at: at(2), opened_by: USER.cashier,
        closed_at: at(2, 59), closed_by: USER.supervisor, z_no: 1 });
      insert(db, 'shifts', { id: 2, user_id: USER.cashier, counter: 'COUNTER-1', status: 'open', float_minor: 0, auto_opened: 1, opened_at: at(3, 10), opened_by: USER.cashier });
    }

    for (const s of saleSpecs(version)) addSale(db, s);

    if (version >= 7) {
      insert(db, 'z_reports', { z_no: 1, shift_id: 1, user_id: USER.cashier, closed_by: USER.supervisor, created_at: at(2, 59), float_minor: 5_000_000,
        expected_cash_minor: 6_500_000, counted_cash_minor: 6_499_000, variance_minor: -1_000, sales_count: 3, charged_minor: 3_000_000,
        report_json: JSON.stringify({ zNo: 1, cashier: 'Omar Nasser', byMethod: { cash: 1_500_000, card: 500_000, transfer: 1_000_000 } }), hash: sha('z1') });
      db.prepare(`UPDATE counters SET value = 1 WHERE name = 'z_no'`).run();
      insert(db, 'approvals', { id: 1, token_hash: sha('approval-1'), action: 'sale.over_max', subject: METER.sts1, approver_id: USER.supervisor, requested_by: USER.cashier,
        created_at: at(3, 4), expires_at: at(3, 6), used_at: at(3, 5), used_for: 'a1f0c3e2-0003-4b1e-9c55-000000000003' });
      insert(db, 'approvals', { id: 2, token_hash: sha('approval-2'), action: 'print.reprint', subject: null, approver_id: USER.supervisor, requested_by: USER.cashier,
        created_at: at(3, 20), expires_at: at(3, 22) });
    }

    const ob = (row: Row) => insert(db, 'outbox', { attempts: 0, ...row });
    const v4 = (row: Row) => (version >= 4 ? row : {});
    ob({ id: 1, topic: 'headoffice.sale', key: 'a1f0c3e2-0001-4b1e-9c55-000000000001', sale_id: 'a1f0c3e2-0001-4b1e-9c55-000000000001', payload_json: '{"saleId":"a1f0c3e2-0001-4b1e-9c55-000000000001"}',
      status: 'done', attempts: 1, next_attempt_at: at(2, 5), created_at: at(2, 5), delivered_at: at(2, 7) });
    ob({ id: 2, topic: 'headoffice.sale', key: 'a1f0c3e2-0002-4b1e-9c55-000000000002', sale_id: 'a1f0c3e2-0002-4b1e-9c55-000000000002', payload_json: '{"saleId":"a1f0c3e2-0002-4b1e-9c55-000000000002"}',
      attempts: 4, next_attempt_at: at(3, 45), last_error: 'connect ECONNREFUSED 10.0.0.5:443', created_at: at(2, 40) });
    ob({ id: 3, topic: 'sts.verify', key: 'a1f0c3e2-0004-4b1e-9c55-000000000004', sale_id: 'a1f0c3e2-0004-4b1e-9c55-000000000004', payload_json: '{"saleId":"a1f0c3e2-0004-4b1e-9c55-000000000004"}',
      attempts: 2, next_attempt_at: at(3, 25), last_error: 'timeout of 15000ms exceeded', created_at: at(3, 20) });
    ob({ id: 4, topic: 'acrel.recharge', key: 'a1f0c3e2-0007-4b1e-9c55-000000000007', sale_id: 'a1f0c3e2-0007-4b1e-9c55-000000000007', payload_json: JSON.stringify({ meterNumber: METER.acrel1, amountMinor: 200_000 }),
      next_attempt_at: at(3, 36), created_at: at(3, 35), ...v4({ order_key: `meter:${METER.acrel1}` }) });
    ob({ id: 5, topic: 'acrel.recharge', key: 'a1f0c3e2-0008-4b1e-9c55-000000000008', sale_id: 'a1f0c3e2-0008-4b1e-9c55-000000000008', payload_json: JSON.stringify({ meterNumber: METER.acrel2, amountMinor: 400_000 }),
      status: 'dead', attempts: 1, next_attempt_at: at(3, 45), last_error: 'HTTP 422 meter not found', created_at: at(3, 45),
      ...v4({ order_key: `meter:${METER.acrel2}`, resolved_at: at(3, 50), resolved_by: USER.supervisor, resolution: 'refunded' }),
      ...(version >= 8 ? { dead_code: REFUSED.code, dead_message_json: JSON.stringify({ en: REFUSED.en, ar: REFUSED.ar }), dead_at: at(3, 46) } : {}) });

    if (version >= 5) {
      const pj = (row: Row) => insert(db, 'print_jobs', { attempts: 1, ...row });
      pj({ id: 1, sale_id: 'a1f0c3e2-0001-4b1e-9c55-000000000001', copy: 0, status: 'printed', next_at: at(2, 6), created_at: at(2, 6), updated_at: at(2, 6), printed_at: at(2, 6) });
      pj({ id: 2, sale_id: 'a1f0c3e2-0006-4b1e-9c55-000000000006', copy: 0, status: 'failed', attempts: 5, error_code: 'PAPER_OUT', last_error: 'printer reports paper end',
        next_at: at(2, 20), created_at: at(2, 16), updated_at: at(2, 20) });
      pj({ id: 3, sale_id: 'a1f0c3e2-0006-4b1e-9c55-000000000006', copy: 1, status: 'printed', requested_by: USER.cashier, next_at: at(2, 25), created_at: at(2, 25), updated_at: at(2, 25), printed_at: at(2, 25) });
      db.prepare('UPDATE print_jobs SET replaced_by = 3 WHERE id = 2').run();
      pj({ id: 4, sale_id: 'a1f0c3e2-0001-4b1e-9c55-000000000001', copy: 1, status: 'queued', attempts: 0, requested_by: USER.supervisor, next_at: at(3, 40), created_at: at(3, 40), updated_at: at(3, 40) });
    }

    // Audit rows through the app's own append (a valid hash chain).
    const audit = (t: string, userId: number | null, action: string, entity: string, entityId: string, details: Record<string, unknown>) =>
      appendAudit(db, { at: t, userId, action, entity, entityId, details });
    audit(at(1, 2), USER.admin, 'user.create', 'user', 'omar', { role: 'cashier', displayName: 'Omar Nasser' });
    audit(at(2, 5), USER.cashier, 'sale.paid', 'sale', 'a1f0c3e2-0001-4b1e-9c55-000000000001', { receiptNo: 1, chargedMinor: 1_500_000, meterNumber: METER.sts1 });
    // A technician's engineering code (clear tamper) on the first STS meter, with its TID.
    audit(at(2, 45), USER.supervisor, 'meter.maintenance_code', 'meter', METER.sts1, { requestId: 'eng-req-0001', purpose: 'تفقد العداد', action: 'clear_tamper', tid: tidAt(2, 45) });
    audit(at(3, 50), USER.supervisor, 'outbox.resolve', 'outbox', '5', { resolution: 'refunded', note: 'أعيد المبلغ نقداً' });

    if (version >= 10) {
      // An attempt ledger as Shahn 0010 writes it: the endpoint a charge went to, and its attempts.
      insert(db, 'vendor_endpoints', { id: 1, vendor: 'sts', fingerprint: sha('endpoint-sts-1'), base_url: 'https://vend.example', merchant_id: 'M-0042', sealed_json: '{"apiKey":"sealed","apiSecret":"sealed"}', created_at: at(2) });
      insert(db, 'vendor_attempts', { id: 1, idempotency_key: 'a1f0c3e2-0001-4b1e-9c55-000000000001', endpoint_id: 1, operation: 'POST /api/v1/meters/charge', signed_at_ms: Date.parse(at(2, 5)),
        timeout_ms: 15_000, not_after_ms: Date.parse(at(2, 5)) + 15_000, connected: 1, ended_at_ms: Date.parse(at(2, 5)) + 900, created_at: at(2, 5) });
      insert(db, 'vendor_attempts', { id: 2, idempotency_key: 'a1f0c3e2-0004-4b1e-9c55-000000000004', endpoint_id: 1, operation: 'POST /api/v1/meters/charge', signed_at_ms: Date.parse(at(3, 20)),
        timeout_ms: 15_000, not_after_ms: Date.parse(at(3, 20)) + 15_000, connected: null, ended_at_ms: null, created_at: at(3, 20) });
    }
    if (version >= 12) {
      // The first run this counter went through (0012), and the first admin's Latin name.
      for (const [i, step] of ['language', 'counter', 'currency', 'timeZone', 'company', 'vendors', 'printer', 'admin'].entries()) insert(db, 'setup_steps', { step, done_at: at(1, i) });
      db.prepare('UPDATE users SET display_name_latin = ? WHERE id = ?').run('System Admin', USER.admin);
    }
    if (version >= 19) {
      // XMLVend messages (0019): a lookup, the unknown sale's credit vend, and the advice asking about it.
      const xm = (seq: number, dateTime: string, kind: string, key: string | null, t: string) =>
        insert(db, 'xmlvend_messages', { client_id: '6001234567899', seq, unique_number: seq, date_time: dateTime, kind, key, created_at: t });
      xm(1, '20260303112000', 'confirmCustomer', null, at(3, 20));
      xm(2, '20260303112001', 'creditVend', 'a1f0c3e2-0004-4b1e-9c55-000000000004', at(3, 20));
      xm(3, '20260303112500', 'advice', null, at(3, 25));
    }
    if (version >= 22) {
      // Meter leases (0022): another counter's lease on a meter as last heard, and the head office that answered.
      insert(db, 'meter_leases', { meter_number: '04000000019', state: 'elsewhere', expires_at: at(9), holder: 'Counter 2', heard_at: at(3, 30) });
      insert(db, 'lease_authority', { id: 1, endpoint: 'https://ho.example|ctr-00000001', answered_at: at(3, 30) });
    }
    if (version >= 23) {
      // A head-office user set aside (0023): its name is the setup admin's.
      insert(db, 'master_data_held', { entity: 'user', key: 'admin@7', version: 12,
        change_json: JSON.stringify({ entity: 'user', key: 'admin@7', version: 12, data: null }), reason_json: JSON.stringify({ en: 'clash', ar: 'تعارض' }), held_at: at(3, 31), tried_at: at(3, 31) });
    }

    const setting = db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)');
    setting.run('printer', JSON.stringify({ iface: 'usb', width: 48, codepage: 'PC864' }), at(1, 50));
    setting.run('counter', JSON.stringify({ name: 'COUNTER-1', nameAr: 'الكاونتر ١', currency: 'YER' }), at(1, 51));
  })();
  if (version >= 9) {
    // From 0009 on the engineering code above holds its TID slot in the ledger too (token-ledger.ts).
    insert(db, 'issued_tokens', { meter_id: 1, tid: tidAt(2, 45), kind: 'engineering', source: 'vendor', request_id: 'eng-req-0001', issued_at: at(2, 45) });
  }
}

/** A database at `version` holding seedHistory(version). */
export function historyAt(version: number): Database.Database {
  const db = databaseAt(version);
  seedHistory(db, version);
  return db;
}

export const rows = (db: Database.Database, sql: string, ...params: unknown[]): Row[] => db.prepare(sql).all(...params) as Row[];
export const row = (db: Database.Database, sql: string, ...params: unknown[]): Row | undefined => db.prepare(sql).get(...params) as Row | undefined;
