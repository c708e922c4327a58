// The head office console's Master data pages, in Arabic and English: meters (list and the form
// with its key-change warning), customers (list, form, a refused delete), tariffs (versions by
// code, the new-version form with two periods, a group), counter users (list and the new-user
// form) and import (a refusal naming the record, then a success). Self-contained: it starts the
// demo head office on a throwaway PostgreSQL (with the demo's register), adds a second schedule
// version, a time-of-use schedule and counter users, then captures. Needs `npm run build:console`.
//   npm run -s build:console && npx tsx docs/screenshots/capture-console-master.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startDemoHeadOffice } from '../../scripts/demo-head-office';

const OUT = __dirname;

async function main(): Promise<void> {
  const ho = await startDemoHeadOffice({ webDir: path.join(__dirname, '..', '..', 'dist-console') });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-master-shots-'));
  try {
    const admin = { ...ho.consoleAdmin };
    const signedIn = await fetch(`${ho.url}/console/api/session`, { method: 'POST', headers: { 'x-shahn-console': '1', 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const api = async (method: string, p: string, body?: unknown) => {
      const res = await fetch(`${ho.url}/console/api${p}`, { method, headers: { cookie, 'x-shahn-console': '1', 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const counters = (await (await fetch(`${ho.url}/console/api/counters`, { headers: { cookie } })).json()) as { counters: { id: number }[] };
    const counterId = counters.counters[0]!.id;
    const week = 7 * 86_400_000;
    await api('PUT', '/master-data/tariff-schedules', {
      code: 'TOU-2', version: 1, name: { ar: 'سكني بفترتين', en: 'Residential, two periods' }, effectiveFrom: new Date(Date.now() - week).toISOString(),
      vatPercent: '5', feeMinor: 100, feeMode: 'first_of_month', debtRecoveryPercent: '10', minPurchaseMinor: 500, maxPurchaseMinor: 2_000_000,
      periods: [
        { start: '00:00', end: '18:00', pricePerKwh: '40', name: { ar: 'النهار', en: 'Day' }, active: true },
        { start: '18:00', end: '24:00', pricePerKwh: '62.5', name: { ar: 'الذروة المسائية', en: 'Evening peak' }, active: true },
      ],
    });
    await api('PUT', '/master-data/tariff-schedules', {
      code: 'TOU-2', version: 2, name: { ar: 'سكني بفترتين', en: 'Residential, two periods' }, effectiveFrom: new Date(Date.now() + week).toISOString(),
      vatPercent: '5', feeMinor: 100, feeMode: 'first_of_month', debtRecoveryPercent: '10', minPurchaseMinor: 500, maxPurchaseMinor: 2_000_000,
      periods: [
        { start: '00:00', end: '18:00', pricePerKwh: '45', name: { ar: 'النهار', en: 'Day' }, active: true },
        { start: '18:00', end: '24:00', pricePerKwh: '70', name: { ar: 'الذروة المسائية', en: 'Evening peak' }, active: true },
      ],
    });
    for (const u of [
      { username: 'amal', displayName: 'أمل الشرعبي', role: 'cashier', locale: 'ar', pin: '482913' },
      { username: 'khaled', displayName: 'خالد باوزير', role: 'supervisor', locale: 'ar', pin: '739184' },
      { username: 'sara', displayName: 'Sara Haddad', role: 'cashier', locale: 'en', pin: '615820', active: false },
    ]) await api('PUT', '/master-data/users', { counterId, active: true, ...u });
    const badImport = path.join(tmp, 'customers-bad.json');
    fs.writeFileSync(badImport, JSON.stringify({ meters: [{ number: '04000007775', kind: 'sts', active: true, customerKey: 'C-9999', scheduleCode: 'TOU-2', groupCode: null, paymentMode: 'prepaid',
      sts: { sgc: '600727', ti: '01', krn: 1, keyType: 2, baseDate: 1993, ea: '07', dkga: '02' }, minPurchaseMinor: null, maxPurchaseMinor: null, creditLimitMinor: null, depositMinor: 0 }] }));
    const goodImport = path.join(tmp, 'customers.json');
    fs.writeFileSync(goodImport, JSON.stringify({ customers: Array.from({ length: 12 }, (_, i) => ({ key: `IMP-${100 + i}`, nameAr: `مشترك مستورد ${i + 1}`, nameLatin: `Imported ${i + 1}`, phone: null, address: null })) }));

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(OUT, `console-master-${name}.png`), fullPage });
    for (const lang of ['ar', 'en'] as const) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${lang}] pageerror: ${e.message}`));
      await page.goto(ho.consoleUrl);
      await page.getByTestId('sign-in').waitFor();
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      await page.locator('#username').fill(admin.username);
      await page.locator('#password').fill(admin.password);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('counters-table').waitFor();

      await page.getByTestId('nav-masterData').click();
      await page.getByTestId('meters-table').waitFor();
      await shot(page, `meters-${lang}`);
      await page.locator('[data-testid="meter-row"]').filter({ hasText: '04000001018' }).getByTestId('meter-edit').click();
      await page.locator('#md-krn').selectOption('2');
      await page.getByTestId('key-change-warning').waitFor();
      await shot(page, `meter-form-${lang}`);
      await page.getByTestId('meter-dialog').getByRole('button', { name: lang === 'ar' ? 'إلغاء' : 'Cancel' }).click();

      await page.getByTestId('master-tab-customers').click();
      await page.getByTestId('customers-table').waitFor();
      await shot(page, `customers-${lang}`);
      await page.getByTestId('customer-row').first().getByTestId('customer-delete').click();
      await page.getByTestId('delete-confirm').click();
      await page.getByTestId('delete-dialog').getByTestId('error').waitFor();
      await shot(page, `customer-refused-${lang}`);
      await page.getByTestId('delete-dialog').getByRole('button', { name: lang === 'ar' ? 'إلغاء' : 'Cancel' }).click();
      await page.getByTestId('new-customer').click();
      await page.locator('#cd-key').fill('C-7001');
      await page.locator('#cd-name-ar').fill('فاطمة سعيد');
      await page.locator('#cd-phone').fill('call me');
      await page.getByTestId('customer-submit').click();
      await page.getByTestId('cd-phone-error').waitFor();
      await shot(page, `customer-form-${lang}`);
      await page.getByTestId('customer-dialog').getByRole('button', { name: lang === 'ar' ? 'إلغاء' : 'Cancel' }).click();

      await page.getByTestId('master-tab-tariffs').click();
      await page.getByTestId('schedule-card').first().waitFor();
      await shot(page, `tariffs-${lang}`, true);
      await page.locator('[data-testid="schedule-card"][data-code="TOU-2"]').getByTestId('new-version').click();
      await page.getByTestId('schedule-dialog').waitFor();
      await shot(page, `schedule-form-${lang}`);
      await page.getByTestId('schedule-dialog').getByRole('button', { name: lang === 'ar' ? 'إلغاء' : 'Cancel' }).click();
      await page.getByTestId('group-edit').first().click();
      await page.getByTestId('group-dialog').waitFor();
      await shot(page, `group-form-${lang}`);
      await page.getByTestId('group-dialog').getByRole('button', { name: lang === 'ar' ? 'إلغاء' : 'Cancel' }).click();

      await page.getByTestId('master-tab-counter-users').click();
      await page.getByTestId('counter-users-table').waitFor();
      await shot(page, `counter-users-${lang}`);
      await page.getByTestId('new-counter-user').click();
      await page.locator('#cu-username').fill('fuad');
      await page.locator('#cu-name').fill('فؤاد');
      await page.locator('#cu-pin').fill('1234');
      await page.locator('#cu-pin2').fill('1234');
      await page.getByTestId('counter-user-submit').click();
      await page.getByTestId('cu-pin-error').waitFor();
      await shot(page, `counter-user-form-${lang}`);
      await page.getByTestId('counter-user-dialog').getByRole('button', { name: lang === 'ar' ? 'إلغاء' : 'Cancel' }).click();

      await page.getByTestId('master-tab-import').click();
      await page.getByTestId('import-file').setInputFiles(badImport);
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-refused').waitFor();
      await shot(page, `import-refused-${lang}`);
      await page.getByTestId('import-file').setInputFiles(goodImport);
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-result').waitFor();
      await shot(page, `import-${lang}`);
      await context.close();
    }
    await browser.close();
    console.log(`master-data screenshots written to ${OUT}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await ho.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
