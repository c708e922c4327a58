// Customers and meters: create/edit (supervisor), Arabic-normalised search (the SQL column agrees
// with the JS rules), meters.lookup on it, and the all-or-nothing CSV import (issue 8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactPhone, normalise } from '../../../db/normalize';
import { luhnDigit } from '../../../main/sts';
import { DEMO_STS_KEYS } from '../../sim/demo-data';
import { startHarness, type Harness } from '../../helpers/harness';
import { users, type Users } from './helpers';

let h: Harness;
let u: Users;
beforeAll(async () => {
  h = await startHarness();
  u = await users(h);
});
afterAll(() => h.close());

const sts = (serial: string) => serial + String(luhnDigit(serial)); // a valid 11-digit STS number
const KEYS = { sgc: DEMO_STS_KEYS.sgc, ti: DEMO_STS_KEYS.ti, krn: DEMO_STS_KEYS.krn, keyType: DEMO_STS_KEYS.keyType, baseDate: 2014 as const };
const snapshot = () => h.app.db.read.prepare('SELECT (SELECT COUNT(*) FROM customers) AS c, (SELECT COUNT(*) FROM meters) AS m').get();

describe('customers', () => {
  it('a supervisor creates and edits a customer; the search ignores hamza forms, ta marbuta, alef maqsura, tatweel and harakat', async () => {
    const c = await u.call('supervisor', 'customers.create', { nameAr: 'أُسامة عيسى الزُّبيريـة', nameLatin: 'Osama Issa', phone: '٧٧٧ ١٢٣ ٤٥٦' });
    expect(c).toMatchObject({ phone: '777 123 456', nameLatin: 'Osama Issa', meters: [] });
    expect((await u.fail('cashier', 'customers.create', { nameAr: 'x' })).code).toBe('FORBIDDEN');
    expect((await u.fail('supervisor', 'customers.create', { nameAr: '' })).code).toBe('BAD_INPUT');
    for (const q of ['اسامه', 'أسامة عيسي', 'الزبيريه', 'osama', 'ISSA', '777123456', '٧٧٧-١٢٣', '777 123']) {
      expect((await u.call('cashier', 'customers.search', { query: q })).map((x) => x.id), q).toContain(c.id);
    }
    expect(await u.call('cashier', 'customers.search', { query: 'زرزور' })).toEqual([]);
    const e = await u.call('supervisor', 'customers.update', { id: c.id, nameAr: 'إيمان', address: 'صنعاء' });
    expect(e).toMatchObject({ nameAr: 'إيمان', address: 'صنعاء', nameLatin: 'Osama Issa' });
    expect((await u.call('cashier', 'customers.search', { query: 'ايمان' })).map((x) => x.id)).toEqual([c.id]);
    expect((await u.fail('supervisor', 'customers.update', { id: 9999, nameAr: 'x' })).code).toBe('NOT_FOUND');
  });

  it('the search column computed by SQL equals the JS normalisation, for every writer', () => {
    const w = h.app.db.write;
    const names = ['أحمد ٱلمُصطفى', 'آمنة إبراهيم', 'ليلى', 'مـــحمد', 'هٰذا', 'Zaid ALI', 'ُ', '١٢٣٤٥٦٧٨٩٠ ۰۱۲'];
    for (const n of names) {
      const { id } = w.prepare(`INSERT INTO customers (name, name_latin, phone, created_at) VALUES (?, 'X Y', '٧٧ ٧-١', '2026-01-01') RETURNING id`).get(n) as { id: number };
      const row = w.prepare('SELECT search_norm FROM customers WHERE id = ?').get(id) as { search_norm: string };
      expect(row.search_norm, n).toBe(`${normalise(n)} ${normalise('X Y')} ${compactPhone('٧٧ ٧-١')}`);
    }
  });
});

describe('meters', () => {
  it('creates an STS meter (check digit checked), an Acrel meter in a group; edits it; meters.lookup finds it by a normalised name', async () => {
    const c = await u.call('supervisor', 'customers.create', { nameAr: 'فاطمة الحُسيني', phone: '711000111' });
    const good = sts('0455500001');
    const bad = good.slice(0, -1) + String((Number(good.at(-1)) + 1) % 10);
    expect((await u.fail('supervisor', 'meters.create', { number: bad, kind: 'sts', customerId: c.id, scheduleCode: 'RES-TOU', sts: KEYS })).code).toBe('BAD_METER_NUMBER');
    expect((await u.fail('supervisor', 'meters.create', { number: good, kind: 'sts', customerId: c.id, scheduleCode: 'RES-TOU' })).code).toBe('BAD_INPUT');
    expect((await u.fail('supervisor', 'meters.create', { number: good, kind: 'sts', customerId: c.id, scheduleCode: 'NOPE', sts: KEYS })).code).toBe('BAD_INPUT');
    const m = await u.call('supervisor', 'meters.create', { number: good, kind: 'sts', customerId: c.id, scheduleCode: 'RES-TOU', sts: KEYS });
    expect(m).toMatchObject({ number: good, kind: 'sts', active: true, scheduleCode: 'RES-TOU', hasVendingKey: true, sts: { sgc: KEYS.sgc, ea: '07', dkga: '02', lastTid: null } });
    expect((await u.fail('supervisor', 'meters.create', { number: good, kind: 'sts', customerId: null, scheduleCode: 'RES-TOU', sts: KEYS })).code).toBe('CONFLICT');
    const a = await u.call('supervisor', 'meters.create', { number: '202499000009', kind: 'acrel', customerId: c.id, groupCode: 'FEEDER-3' });
    expect(a).toMatchObject({ groupCode: 'FEEDER-3', scheduleCode: 'COM-FLAT', sts: null, hasVendingKey: null });
    expect((await u.call('cashier', 'customers.get', { id: c.id })).meters.map((x) => x.number).sort()).toEqual(['202499000009', good].sort());
    // The cashier finds the meter by a differently spelled name (or Arabic-Indic digits), and can quote on it.
    const found = await u.call('cashier', 'meters.lookup', { query: 'فاطمه الحسيني' });
    expect(found.map((x) => x.number).sort()).toEqual(['202499000009', good].sort());
    const indic = good.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    expect((await u.call('cashier', 'meters.lookup', { query: indic })).map((x) => x.number)).toEqual([good]);
    const quote = await u.call('cashier', 'sales.quote', { meterNumber: good, amountMinor: 1000 });
    expect(quote.customerName).toBe('فاطمة الحُسيني');
    // Deactivated: no longer found or sold.
    expect(await u.call('supervisor', 'meters.update', { number: good, active: false })).toMatchObject({ active: false });
    expect((await u.fail('cashier', 'meters.lookup', { query: good })).code).toBe('METER_NOT_FOUND');
    expect((await u.fail('cashier', 'sales.quote', { meterNumber: good, amountMinor: 1000 })).code).toBe('METER_NOT_FOUND');
    expect((await u.fail('supervisor', 'meters.update', { number: '202499000009', sts: KEYS })).code).toBe('BAD_INPUT');
    expect((await u.fail('cashier', 'meters.detail', { meterNumber: good })).code).toBe('FORBIDDEN');
  });

  it('vending keys: an admin stores one (never returned); a supervisor may not', async () => {
    const key = { source: 'typed', sgc: '600001', krn: 2, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: null, vendingKeyHex: '0123456789abcdef', vendingKeyHexAgain: '0123456789abcdef' } as const;
    expect((await u.fail('supervisor', 'keys.put', key)).code).toBe('FORBIDDEN');
    await u.call('admin', 'keys.put', key);
    const list = await u.call('admin', 'keys.list', {});
    expect(list.some((k) => k.sgc === '600001' && k.krn === 2)).toBe(true);
    expect(JSON.stringify(list)).not.toContain('0123456789abcdef');
  });
});

describe('CSV import', () => {
  const HEADER = 'meter_number,kind,customer_name_ar,customer_name_latin,phone,address,schedule_code,group_code,sts_sgc,sts_ti,sts_krn,sts_key_type,sts_base_date';
  const good = [
    `${sts('0466600001')},sts,سالم أحمد,Salem Ahmed,777000001,"عدن, كريتر",RES-TOU,,${KEYS.sgc},${KEYS.ti},1,2,2014`,
    `${sts('0466600002')},sts,سالم احمد,,777000001,,RES-TOU,,${KEYS.sgc},1,1,2,2014`, // same customer (normalised name + phone)
    `202466000001,acrel,"مريم ""الصغيرة""",Mariam,+967 733 000 002,,,FEEDER-3,,,,,`,
  ];
  const bad = [
    `${sts('0466600003').slice(0, -1)}0,sts,خطأ,,,,RES-TOU,,${KEYS.sgc},01,1,2,2014`, // wrong check digit (unless it happens to be 0)
    `202466000002,acrel,,,,,RES-TOU,,,,,,`, // no name
    `${sts('0466600001')},sts,مكرر,,,,RES-TOU,,${KEYS.sgc},01,1,2,2014`, // repeats line 2
    `202466000003,water,x,,,,RES-TOU,,,,,,`,
    `202466000004,acrel,x,,,,NOPE,,,,,,`,
    `202466000005,acrel,x,,,`,
  ];

  it('a file with bad rows lists each with its line and reason, in both languages, and imports nothing', async () => {
    const before = snapshot();
    const csv = [HEADER, ...good, ...bad].join('\r\n');
    for (const dryRun of [true, false]) {
      const r = await u.call('supervisor', 'customers.import', { csv, dryRun });
      expect(r.ok).toBe(false);
      expect(r.rows).toBe(9);
      expect(r.metersCreated).toBe(0);
      const lines = r.errors.map((e) => e.line);
      expect(lines).toEqual(expect.arrayContaining([6, 7, 8, 9, 10]));
      if (!sts('0466600003').endsWith('0')) expect(lines).toContain(5);
      expect(r.errors.find((e) => e.line === 7)?.message.en).toMatch(/line 2/);
      expect(r.errors.find((e) => e.line === 6)?.field).toBe('customer_name_ar');
      for (const e of r.errors) expect(e.message.ar).toMatch(/[\u0600-\u06FF]/);
      expect(snapshot()).toEqual(before);
    }
    const header = await u.call('supervisor', 'customers.import', { csv: 'meter,kind\n1,sts', dryRun: true });
    expect(header.errors[0]).toMatchObject({ line: 1 });
    expect((await u.fail('cashier', 'customers.import', { csv: HEADER, dryRun: true })).code).toBe('FORBIDDEN');
  });

  it('a clean file: the dry run only validates; the real run writes every row in one go; a second run is refused whole', async () => {
    const before = snapshot() as { c: number; m: number };
    const csv = [HEADER, ...good].join('\n');
    const dry = await u.call('supervisor', 'customers.import', { csv });
    expect(dry).toMatchObject({ dryRun: true, ok: true, rows: 3, customersCreated: 2, metersCreated: 3, errors: [] });
    expect(snapshot()).toEqual(before);
    const real = await u.call('supervisor', 'customers.import', { csv, dryRun: false });
    expect(real).toMatchObject({ dryRun: false, ok: true, customersCreated: 2, metersCreated: 3 });
    expect(snapshot()).toEqual({ c: before.c + 2, m: before.m + 3 });
    const salem = await u.call('cashier', 'customers.search', { query: 'سالم احمد' });
    expect(salem).toHaveLength(1);
    expect(salem[0]!.meters).toHaveLength(2);
    expect(salem[0]!.address).toBe('عدن, كريتر');
    expect((await u.call('cashier', 'customers.search', { query: 'الصغيره' }))[0]?.nameAr).toBe('مريم "الصغيرة"');
    const again = await u.call('supervisor', 'customers.import', { csv, dryRun: false });
    expect(again).toMatchObject({ ok: false, errorCount: 3 });
    expect(snapshot()).toEqual({ c: before.c + 2, m: before.m + 3 });
  });
});
