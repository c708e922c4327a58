// The first run, step by step, on an empty data folder: each step refuses bad input in both
// languages naming the field, keeps what it accepts in the database, audits it, and the running
// app takes the counter's settings on at once (app.info, the new admin's shift).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../main/audit/append';
import type { Harness } from '../../helpers/harness';
import { ADMIN, fieldsOf, refused, startEmpty } from './kit';

let h: Harness;
beforeAll(async () => {
  h = await startEmpty();
});
afterAll(() => h.close());

describe('the first run', () => {
  it('is needed while no user exists, starting at the language; the environment\'s defaults apply until a step is saved', async () => {
    expect(await h.call('setup.status', {})).toMatchObject({ needed: true, step: 'language', done: [], saved: { language: null, counter: null, currency: null, timeZone: null, company: null, vendors: { offlineOnly: false } } });
    expect(await h.call('app.info', {})).toMatchObject({ currency: 'YER', currencyDecimals: 0, timeZone: 'Asia/Aden', defaultLocale: 'ar', counterName: 'Counter 1', counterNumber: null });
    // Nobody can log in: there is nobody.
    await refused(h, 'auth.login', { username: 'admin', pin: '9999' }, 'UNAUTHENTICATED');
  });

  it('language', async () => {
    await refused(h, 'setup.saveLanguage', { language: 'fr' }, 'BAD_INPUT');
    expect(await h.call('setup.saveLanguage', { language: 'en' })).toEqual({ step: 'language', next: 'counter' });
    expect((await h.call('app.info', {})).defaultLocale).toBe('en');
  });

  it('counter name and number', async () => {
    const e = await refused(h, 'setup.saveCounter', { name: '  ', number: 'عداد ١' }, 'BAD_INPUT');
    expect(fieldsOf(e)).toEqual(['name', 'number']);
    expect(e.message.ar).toContain('رقم نقطة البيع');
    await refused(h, 'setup.saveCounter', { name: 'x'.repeat(65), number: '1' }, 'BAD_INPUT');
    expect(await h.call('setup.saveCounter', { name: ' صنعاء - التحرير ', number: 'SAN-07' })).toEqual({ step: 'counter', next: 'currency' });
    expect(await h.call('app.info', {})).toMatchObject({ counterName: 'صنعاء - التحرير', counterNumber: 'SAN-07' });
  });

  it('currency and its decimals', async () => {
    expect(fieldsOf(await refused(h, 'setup.saveCurrency', { code: 'XYZ', decimals: 2 }, 'BAD_INPUT'))).toEqual(['code']);
    expect(fieldsOf(await refused(h, 'setup.saveCurrency', { code: 'rial', decimals: 4 }, 'BAD_INPUT'))).toEqual(['code', 'decimals']);
    expect(fieldsOf(await refused(h, 'setup.saveCurrency', { code: 'SAR', decimals: -1 }, 'BAD_INPUT'))).toEqual(['decimals']);
    expect(await h.call('setup.saveCurrency', { code: 'sar', decimals: 2 })).toEqual({ step: 'currency', next: 'timeZone' });
    expect(await h.call('app.info', {})).toMatchObject({ currency: 'SAR', currencyDecimals: 2 });
  });

  it('time zone (IANA)', async () => {
    const e = await refused(h, 'setup.saveTimeZone', { timeZone: 'Mars/Olympus' }, 'BAD_INPUT');
    expect(fieldsOf(e)).toEqual(['timeZone']);
    expect(e.message.ar).toContain('المنطقة الزمنية');
    expect(await h.call('setup.saveTimeZone', { timeZone: 'Asia/Riyadh' })).toEqual({ step: 'timeZone', next: 'company' });
    expect((await h.call('app.info', {})).timeZone).toBe('Asia/Riyadh');
  });

  it('company name, address and tax number: the receipt text', async () => {
    const e = await refused(h, 'setup.saveCompany', { name: { ar: '', en: 'Power Co' }, address: { ar: 'ع'.repeat(121), en: '' }, taxNumber: '3000/1' }, 'BAD_INPUT');
    expect(fieldsOf(e)).toEqual(['name.ar', 'address', 'taxNumber']);
    expect(e.message.ar).toContain('اسم الشركة بالعربية');
    expect(await h.call('setup.saveCompany', { name: { ar: 'كهرباء الرياض', en: 'Riyadh Power' }, address: { ar: 'الرياض، طريق الملك فهد', en: 'King Fahd Rd, Riyadh' }, taxNumber: '300012345600003' }))
      .toEqual({ step: 'company', next: 'vendors' });
    const printer = (h.app.db.read.prepare(`SELECT value_json FROM settings WHERE key = 'printer'`).get() as { value_json: string }).value_json;
    expect(JSON.parse(printer)).toMatchObject({ utilityName: { ar: 'كهرباء الرياض', en: 'Riyadh Power' }, address: { en: 'King Fahd Rd, Riyadh' }, taxNumber: '300012345600003' });
  });

  it('vendors: a bad endpoint is refused, a good one saved and tested; offline only is a choice', async () => {
    const bad = await refused(h, 'setup.saveVendor', { vendor: 'sts', settings: { baseUrl: 'vendor.local', apiKey: '', apiSecret: '', merchantId: '', timeoutMs: 50, retryAttempts: 0 } }, 'BAD_INPUT');
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['baseUrl', 'timeoutMs']));
    const s = h.sims;
    const view = await h.call('setup.saveVendor', { vendor: 'sts', settings: { baseUrl: s.stsUrl, apiKey: '', apiSecret: '', merchantId: s.env.STS_MERCHANT_ID!, timeoutMs: 5_000, retryAttempts: 1 } });
    expect(view).toMatchObject({ vendor: 'sts', source: 'saved', baseUrl: s.stsUrl, hasKey: true });
    expect(await h.call('setup.testVendor', { vendor: 'sts' })).toMatchObject({ vendor: 'sts', outcome: 'ok' });
    expect(await h.call('setup.finishVendors', { offlineOnly: false })).toEqual({ step: 'vendors', next: 'printer' });
    expect(h.app.sales.vending.mode).toBe('vendor');
  });

  it('printer: a file is not a printer; the test page reaches the printer; saved', async () => {
    const printer = { iface: `tcp://${h.sims.printer.host}:${h.sims.printer.port}`, widthMm: 58 as const, profile: 'epson' as const, language: 'both' as const, cashDrawer: false };
    const e = await refused(h, 'setup.testPrinter', { ...printer, iface: '/tmp/receipts.txt' }, 'BAD_INPUT');
    expect(fieldsOf(e)).toEqual(['iface']);
    expect(await h.call('setup.testPrinter', printer)).toEqual({ printed: true, copy: false, error: null });
    expect(await h.call('setup.savePrinter', printer)).toEqual({ step: 'printer', next: 'admin' });
  });

  it('the first admin: the PIN rule, the PIN twice, the username', async () => {
    for (const pin of ['0000', '111111', '1234', '4321', '123456', '9876', '7890']) {
      const e = await refused(h, 'setup.createAdmin', { ...ADMIN, pin, pinConfirm: pin }, 'BAD_INPUT');
      expect(fieldsOf(e), pin).toEqual(['pin']);
      expect(e.message.ar).toMatch(/مكرراً|متتالية/);
    }
    expect(fieldsOf(await refused(h, 'setup.createAdmin', { ...ADMIN, pinConfirm: '2581' }, 'BAD_INPUT'))).toEqual(['pinConfirm']);
    expect(fieldsOf(await refused(h, 'setup.createAdmin', { ...ADMIN, username: 'أمينة', displayName: ' ' }, 'BAD_INPUT'))).toEqual(['username', 'displayName']);
    await refused(h, 'setup.createAdmin', { ...ADMIN, pin: '12' }, 'BAD_INPUT');
    expect(h.app.db.read.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 0 });
  });

  it('the first admin ends setup; they log in, in the language chosen, and their shift is at the counter named', async () => {
    const made = await h.call('setup.createAdmin', ADMIN);
    expect(made).toMatchObject({ username: 'amina' });
    expect(await h.call('setup.status', {})).toEqual({ needed: false });
    expect(h.app.db.read.prepare('SELECT role, display_name, display_name_latin, locale FROM users').all())
      .toEqual([{ role: 'admin', display_name: 'أمينة الشامي', display_name_latin: 'Amina Al-Shami', locale: 'en' }]);
    await h.login('amina', '2580');
    expect(await h.call('auth.me', {})).toMatchObject({ username: 'amina', role: 'admin', locale: 'en' });
    expect(await h.call('shifts.open', { floatMinor: 10_000 })).toMatchObject({ counter: 'صنعاء - التحرير' });
    expect(h.app.sales.config).toMatchObject({ counterName: 'صنعاء - التحرير', currency: 'SAR', currencyDecimals: 2, timeZone: 'Asia/Riyadh' });
  });

  it('audited every step without a user, on an unbroken chain', () => {
    const rows = h.app.db.read.prepare(`SELECT action, user_id FROM audit_log WHERE action LIKE 'setup.%' ORDER BY id`).all();
    expect(rows).toEqual(['language', 'counter', 'currency', 'timeZone', 'company', 'vendors', 'printer', 'admin'].map((s) => ({ action: `setup.${s}`, user_id: null })));
    expect(h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('settings.vendor', 'vendor.test_connection', 'printer.test', 'settings.printer') AND user_id IS NULL`).get()).toEqual({ n: 6 });
    expect(verifyAuditChain(h.app.db.read)).toBeNull();
  });
});
