// Seeds an app database with the documented demo data (users, a time-of-use tariff, the demo
// meters the simulators know). Used by `npm run demo` and by the integration and e2e tests.
import type Database from 'better-sqlite3';
import { hashPin } from '../main/auth/pin';
import { DEMO_ACREL_METERS, DEMO_STS_KEYS, DEMO_STS_METERS } from '../test/sim/demo-data';
import { keyStoreFor } from '../main/keys';
import { writeSetting } from '../db/repos/settings';

export const DEMO_USERS = [
  { username: 'cashier', pin: '1111', displayName: 'سارة (كاشير)', role: 'cashier', locale: 'ar' },
  { username: 'supervisor', pin: '2222', displayName: 'Omar (supervisor)', role: 'supervisor', locale: 'en' },
  { username: 'admin', pin: '9999', displayName: 'مدير النظام', role: 'admin', locale: 'ar' },
] as const;

/** Residential time-of-use, YER per kWh: off-peak crosses midnight; peak has a fractional price. */
export const DEMO_TARIFF = {
  code: 'RES-TOU',
  nameAr: 'سكني - حسب وقت الاستخدام',
  nameEn: 'Residential time-of-use',
  vatPercent: '5',
  feeMinor: 0,
  minPurchaseMinor: 100,
  maxPurchaseMinor: 500_000,
  periods: [
    { nameAr: 'خارج الذروة', nameEn: 'Off-peak', start: 23 * 60, end: 7 * 60, price: '180' },
    { nameAr: 'عادي', nameEn: 'Standard', start: 7 * 60, end: 17 * 60, price: '220' },
    { nameAr: 'ذروة', nameEn: 'Peak', start: 17 * 60, end: 23 * 60, price: '300.5' },
  ],
};

/** Commercial flat rate: a monthly service fee on the first purchase and 10% debt recovery. */
export const DEMO_COMMERCIAL_TARIFF = {
  code: 'COM-FLAT', nameAr: 'تجاري - سعر ثابت', nameEn: 'Commercial flat rate', vatPercent: '5', feeMinor: 500, feeMode: 'first_of_month',
  debtRecoveryPercent: '10', minPurchaseMinor: 1_000, maxPurchaseMinor: 1_000_000, price: '250',
} as const;
/** A tariff group on the commercial rate, with the wired DCU meter in it. */
export const DEMO_GROUP = { code: 'FEEDER-3', nameAr: 'المغذي 3 - المحلات', nameEn: 'Feeder 3 - shops', meter: DEMO_STS_METERS[3]!.number };
/** The postpaid demo meter's unpaid bill, so a settlement can be tried. */
export const DEMO_POSTPAID_DEBT_MINOR = 45_000;

function seedTariffExtras(db: Database.Database, at: string): void {
  const c = DEMO_COMMERCIAL_TARIFF;
  const s = db.prepare(
    `INSERT INTO tariff_schedules (code, name_ar, name_en, effective_from, vat_percent, fee_minor, fee_mode, debt_recovery_percent, min_purchase_minor, max_purchase_minor, created_at)
     VALUES (?, ?, ?, '2000-01-01T00:00:00.000Z', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(c.code, c.nameAr, c.nameEn, c.vatPercent, c.feeMinor, c.feeMode, c.debtRecoveryPercent, c.minPurchaseMinor, c.maxPurchaseMinor, at) as { id: number };
  db.prepare(`INSERT INTO tariff_periods (schedule_id, idx, name_ar, name_en, start_minute, end_minute, price_per_kwh) VALUES (?, 0, 'طوال اليوم', 'All day', 0, 1440, ?)`).run(s.id, c.price);
  const g = db.prepare('INSERT INTO tariff_groups (code, name_ar, name_en, schedule_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id')
    .get(DEMO_GROUP.code, DEMO_GROUP.nameAr, DEMO_GROUP.nameEn, c.code, at, at) as { id: number };
  db.prepare('UPDATE meters SET tariff_group_id = ? WHERE number = ?').run(g.id, DEMO_GROUP.meter);
  const postpaid = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'postpaid');
  if (postpaid) db.prepare('UPDATE meters SET debt_minor = ? WHERE number = ?').run(DEMO_POSTPAID_DEBT_MINOR, postpaid.number);
}

/**
 * `requireShift`: the demo counter (npm run demo, the end-to-end tests) asks the cashier to
 * open a shift with a cash float before the first sale, as a real counter does. Tests that are not
 * about shifts seed without it: their first sale opens a shift with a zero float.
 */
export function seedDemo(db: Database.Database, at = new Date().toISOString(), opts: { requireShift?: boolean; masterData?: boolean } = {}): void {
  db.transaction(() => {
    const user = db.prepare('INSERT INTO users (username, display_name, role, pin_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const u of DEMO_USERS) user.run(u.username, u.displayName, u.role, hashPin(u.pin), u.locale, at);
    // A counter whose head office owns the master data gets its tariffs, customers and meters from there (scripts/demo-master-data.ts).
    if (opts.masterData === false) return;

    const t = DEMO_TARIFF;
    const sched = db
      .prepare(
        `INSERT INTO tariff_schedules (code, name_ar, name_en, effective_from, vat_percent, fee_minor, min_purchase_minor, max_purchase_minor, created_at)
         VALUES (?, ?, ?, '2000-01-01T00:00:00.000Z', ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(t.code, t.nameAr, t.nameEn, t.vatPercent, t.feeMinor, t.minPurchaseMinor, t.maxPurchaseMinor, at) as { id: number };
    const period = db.prepare(
      'INSERT INTO tariff_periods (schedule_id, idx, name_ar, name_en, start_minute, end_minute, price_per_kwh) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    t.periods.forEach((p, i) => period.run(sched.id, i, p.nameAr, p.nameEn, p.start, p.end, p.price));

    const customer = db.prepare('INSERT INTO customers (name, name_latin, phone, created_at) VALUES (?, ?, ?, ?) RETURNING id');
    for (const m of DEMO_STS_METERS) {
      const c = customer.get(m.customer.nameAr, m.customer.nameEn, m.customer.phone, at) as { id: number };
      db.prepare(
        `INSERT INTO meters (number, kind, customer_id, schedule_code, sts_sgc, sts_ti, sts_krn, sts_key_type, sts_base_date, sts_ea, sts_dkga, created_at)
         VALUES (?, 'sts', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(m.number, c.id, t.code, m.keys.sgc, m.keys.ti, m.keys.krn, m.keys.keyType, m.keys.baseDate, m.keys.ea, m.keys.dkga, at);
    }
    for (const m of DEMO_ACREL_METERS) {
      const c = customer.get(m.customer.nameAr, m.customer.nameEn, m.customer.phone, at) as { id: number };
      db.prepare(`INSERT INTO meters (number, kind, customer_id, schedule_code, payment_mode, created_at) VALUES (?, 'acrel', ?, ?, ?, ?)`).run(
        m.number, c.id, t.code, m.paymentMode, at,
      );
    }
    seedTariffExtras(db, at);
  })();
  writeSetting(db, 'shifts', { requireShift: opts.requireShift ?? false }, at);
  // The demo vending key (the STS test key), sealed like a real one so offline vending works in the demo.
  const k = DEMO_STS_KEYS;
  keyStoreFor(db).put({ sgc: k.sgc, krn: k.krn, keyType: k.keyType, baseDate: k.baseDate, ea: k.ea, dkga: k.dkga, expiresAt: null }, k.vendingKey, at);
}

/** The demo counter (npm run demo, the end-to-end tests): seeded once, into a database with no users yet. */
export function seedDemoIfEmpty(db: Database.Database, opts: { masterData?: boolean } = {}): void {
  const users = db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
  if (users.n === 0) seedDemo(db, undefined, { requireShift: true, ...opts });
}
