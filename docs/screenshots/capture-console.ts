// The head office's web console, in Arabic and English: sign-in, Counters (and a fresh enrolment
// code), Sales (a search with results) and Users. Self-contained: it starts the demo head office
// on a throwaway PostgreSQL, enrols three counters through the HTTP API, pushes a few days of
// sales from each, makes two more console users, then captures. Needs `npm run build:console`.
//   npm run -s build:console && npx tsx docs/screenshots/capture-console.ts
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createHeadOfficeClient } from '../../main/vendors/head-office/client';
import { enrolWithHeadOffice } from '../../main/vendors/head-office/enrol';
import { startDemoHeadOffice } from '../../scripts/demo-head-office';
import { sale } from '../../test/integration/head-office/sales-fixture';

const OUT = __dirname;

async function main(): Promise<void> {
  const ho = await startDemoHeadOffice({ webDir: path.join(__dirname, '..', '..', 'dist-console') });
  try {
    const admin = { ...ho.consoleAdmin };
    const api = async (method: string, p: string, body: unknown, cookie: string) => {
      const res = await fetch(`${ho.url}/console/api${p}`, { method, headers: { cookie, 'x-shahn-console': '1', 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
      return res;
    };
    const signedIn = await fetch(`${ho.url}/console/api/session`, { method: 'POST', headers: { 'x-shahn-console': '1', 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;

    const counters = [
      { name: 'صنعاء - الفرع الرئيسي', till: 'Till 1', version: '0.1.0', cashiers: ['amal', 'omar'], pending: 0, unknown: 0 },
      { name: 'تعز - شارع جمال', till: 'Till 2', version: '0.1.0', cashiers: ['sami'], pending: 3, unknown: 1 },
      { name: 'عدن - كريتر', till: 'Till 3', version: '0.0.9', cashiers: ['huda'], pending: 0, unknown: 0 },
    ];
    const day = 86_400_000;
    const start = Date.now() - 3 * day;
    let receipt = 100;
    for (const [i, c] of counters.entries()) {
      const made = (await (await api('POST', '/enrolment-codes', { counterName: c.name, validHours: 24 }, cookie)).json()) as { code: string };
      const o = await enrolWithHeadOffice(ho.url, { code: made.code, counterName: c.till, appVersion: c.version }, { userAgent: `Shahn-POS/${c.version}` });
      if (o.kind !== 'ok') throw new Error(`enrol ${c.name}: ${JSON.stringify(o)}`);
      const client = createHeadOfficeClient({ baseUrl: ho.url, apiKey: o.value.counterKey, apiSecret: o.value.counterSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 });
      const sales = Array.from({ length: 9 }, (_, n) => {
        const acrel = n % 4 === 3;
        const minor = [5_000, 10_000, 2_500, 20_000, 7_500, 15_000, 3_000, 12_000, 8_000][n]! * (i + 1);
        return sale({
          receiptNo: ++receipt, at: new Date(start + n * 7 * 3_600_000 + i * 1_300_000).toISOString(), cashier: c.cashiers[n % c.cashiers.length]!,
          meterNumber: acrel ? `A${String(20240000 + n)}` : `0400000${1018 + n * 11 + i}`, product: acrel ? 'acrel_credit' : 'sts_kwh',
          status: i === 1 && n === 8 ? 'unknown' : i === 1 && n === 7 ? 'pending' : 'issued', chargedMinor: minor, amountMinor: minor, valueMinor: minor,
          energyTenths: acrel ? null : Math.round(minor / 125), token: acrel ? null : '12345678901234567890', paymentMethod: n % 3 === 2 ? 'card' : 'cash',
        });
      });
      const pushed = await client.pushSales(sales, { counts: { pendingSales: c.pending, unknownSales: c.unknown }, currencyDecimals: 0 });
      if (pushed.kind !== 'ok') throw new Error(`push ${c.name}: ${JSON.stringify(pushed)}`);
    }
    await api('POST', '/users', { username: 'salem', displayName: 'سالم العولقي', role: 'operator', password: 'operator password 1' }, cookie);
    await api('POST', '/users', { username: 'noor', displayName: 'نور الهاشمي', role: 'viewer', password: 'viewer password 1' }, cookie);

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(OUT, `console-${name}.png`), fullPage });
    for (const lang of ['ar', 'en'] as const) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${lang}] pageerror: ${e.message}`));
      await page.goto(ho.consoleUrl);
      await page.getByTestId('sign-in').waitFor();
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      await page.locator('#username').fill(admin.username);
      await page.locator('#password').fill('a wrong password');
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('error').waitFor();
      await shot(page, `sign-in-${lang}`);
      await page.locator('#password').fill(admin.password);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('counters-table').waitFor();
      await shot(page, `counters-${lang}`);
      await page.getByTestId('new-code').click();
      await page.locator('#code-counter').fill(lang === 'ar' ? 'المكلا 1' : 'Mukalla 1');
      await page.getByTestId('code-make').click();
      await page.getByTestId('enrolment-code').waitFor();
      await shot(page, `enrolment-code-${lang}`);
      await page.getByTestId('code-done').click();
      await page.getByTestId('nav-sales').click();
      await page.getByTestId('sales-search-submit').click();
      await page.getByTestId('sales-table').waitFor();
      await shot(page, `sales-${lang}`, true);
      await page.getByTestId('nav-users').click();
      await page.getByTestId('users-table').waitFor();
      await shot(page, `users-${lang}`);
      await context.close();
    }
    await browser.close();
    console.log(`console screenshots written to ${OUT}`);
  } finally {
    await ho.close();
}
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
