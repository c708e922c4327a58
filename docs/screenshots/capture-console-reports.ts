// The console's Reports page in Arabic and English, at 1366×768: sales per day (the chart with a
// tooltip open, by counter and by tariff period), Z reports against the ledger, and the open
// sales. Self-contained: it starts the demo head office on a throwaway PostgreSQL (days in UTC),
// enrols three counters through the HTTP API, pushes a week of sales from each (one counter also
// sells in a second currency) and their Z reports, then captures. Needs `npm run build:console`.
//   npm run -s build:console && npx tsx docs/screenshots/capture-console-reports.ts
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Sale } from '../../preload/contract';
import { startDemoHeadOffice } from '../../scripts/demo-head-office';
import { consoleClient } from '../../test/helpers/console';
import { enrolThroughConsole } from '../../test/helpers/enrol-counter';
import { PERIODS, soldAt, zReport } from '../../test/integration/head-office/reports-fixture';

const OUT = __dirname;
const HOUR = 3_600_000;

/** Midnight UTC `daysAgo` days before today, plus `hours`. */
const at = (daysAgo: number, hours: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() - daysAgo * 24 * HOUR + hours * HOUR).toISOString();
};

async function main(): Promise<void> {
  const ho = await startDemoHeadOffice({ webDir: path.join(__dirname, '..', '..', 'dist-console') });
  try {
    const admin = consoleClient(ho.url);
    if ((await admin.signIn(ho.consoleAdmin.username, ho.consoleAdmin.password)).status !== 200) throw new Error('admin sign-in refused');
    const counters = [
      { name: 'صنعاء - الفرع الرئيسي', cashiers: ['أمل', 'عمر'], scale: 3 },
      { name: 'تعز - شارع جمال', cashiers: ['سامي'], scale: 2 },
      { name: 'عدن - كريتر', cashiers: ['هدى', 'خالد'], scale: 1 },
    ];
    const periods = [PERIODS.day, PERIODS.peak, PERIODS.night];
    for (const [i, c] of counters.entries()) {
      const client = await enrolThroughConsole(ho.url, admin, c.name);
      const sales: Sale[] = [];
      let receipt = 0;
      for (let day = 6; day >= 0; day--) {
        for (let n = 0; n < 4 + ((day + i) % 3); n++) {
          const acrel = n % 5 === 4;
          const minor = (2_000 + ((day * 7 + n * 13 + i * 5) % 11) * 1_500) * c.scale;
          const status = day === 1 && n === 0 && i === 1 ? 'unknown' : day === 0 && n === 1 ? 'pending' : day === 3 && n === 2 ? 'failed' : 'issued';
          sales.push(soldAt(at(day, 8 + n * 2 + i), {
            currency: 'YER', receiptNo: ++receipt, cashier: c.cashiers[n % c.cashiers.length]!, chargedMinor: minor,
            product: acrel ? 'acrel_credit' : 'sts_kwh', energyTenths: acrel ? null : Math.round(minor / 12), token: status === 'issued' && !acrel ? '12345678901234567890' : null,
            meterNumber: acrel ? `A${20240000 + n}` : `0400000${1018 + n * 11 + i}`, tariff: periods[(n + day) % 3]!, status,
            errorCode: status === 'unknown' ? 'OUTCOME_UNKNOWN' : status === 'pending' ? 'OFFLINE' : null, paymentMethod: n % 3 === 2 ? 'card' : 'cash',
          }));
        }
      }
      // The main branch also takes Saudi riyals from visitors: a currency of its own, never added to YER.
      if (i === 0) for (const day of [5, 2, 1]) sales.push(soldAt(at(day, 15), { currency: 'SAR', receiptNo: ++receipt, cashier: 'أمل', chargedMinor: 15_000 + day * 2_500, energyTenths: 900, tariff: PERIODS.day }));
      const pushed = await client.pushSales(sales, { counts: { pendingSales: i === 0 ? 1 : 0, unknownSales: i === 1 ? 1 : 0 }, currencyDecimals: 0 });
      if (pushed.kind !== 'ok' || pushed.value.rejected.length > 0) throw new Error(`push ${c.name}: ${JSON.stringify(pushed)}`);

      // Yesterday's shift of the first cashier, closed in the evening: even, 1,500 short, 500 over.
      const cashier = c.cashiers[0]!;
      const shift = sales.filter((s) => s.cashier === cashier && s.currency === 'YER' && s.createdAt >= at(1, 6) && s.createdAt <= at(1, 20));
      const kept = shift.filter((s) => s.status !== 'failed');
      const cash = kept.filter((s) => s.paymentMethod === 'cash').reduce((n, s) => n + s.chargedMinor, 0);
      const charged = kept.reduce((n, s) => n + s.chargedMinor, 0);
      const floatMinor = 20_000;
      const counted = floatMinor + cash + [0, -1_500, 500][i]!;
      const z = zReport({
        zNo: 40 + i, cashier, counter: 'Till', currency: 'YER', currencyDecimals: 0, openedAt: at(1, 6), closedAt: at(1, 20), floatMinor,
        salesCount: kept.length + (i === 2 ? 1 : 0), chargedMinor: charged, cashSalesMinor: cash, countedCashMinor: counted,
        open: shift.filter((s) => s.status !== 'issued' && s.status !== 'failed'), failed: shift.filter((s) => s.status === 'failed'),
      });
      const zr = await client.pushZReport(z);
      if (zr.kind !== 'ok') throw new Error(`Z ${c.name}: ${JSON.stringify(zr)}`);
    }

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(OUT, `console-reports-${name}.png`), fullPage });
    for (const lang of ['ar', 'en'] as const) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'UTC' });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${lang}] pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error(`[${lang}] console: ${m.text()}`); });
      await page.goto(ho.consoleUrl);
      await page.getByTestId('sign-in').waitFor();
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      await page.locator('#username').fill(ho.consoleAdmin.username);
      await page.locator('#password').fill(ho.consoleAdmin.password);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('nav-reports').click();
      const chart = page.getByTestId('sales-chart');
      await chart.locator('.recharts-bar-rectangle').first().waitFor();
      await shot(page, `sales-${lang}`);
      // A tooltip over yesterday's bar.
      const box = (await chart.locator('.recharts-bar-rectangle').last().boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + 4);
      await page.locator('.chart-tip').waitFor();
      await shot(page, `sales-tooltip-${lang}`);
      await page.mouse.move(0, 0);
      await page.locator('#sd-by').selectOption('period');
      await page.locator('#sd-currency').waitFor();
      // The table's first heading names the grouping of the answer on screen, not of the form.
      await page.locator('[data-testid="sales-totals"] thead th', { hasText: lang === 'ar' ? 'فترة التعرفة' : 'Tariff period' }).waitFor();
      await shot(page, `sales-by-period-${lang}`, true);
      await page.getByTestId('report-tab-z').click();
      await page.getByTestId('z-table').waitFor();
      await shot(page, `z-${lang}`, true);
      await page.getByTestId('report-tab-outstanding').click();
      await page.getByTestId('outstanding-table').waitFor();
      await shot(page, `outstanding-${lang}`, true);
      await context.close();
    }
    await browser.close();
    console.log(`console reports screenshots written to ${OUT}`);
  } finally {
    await ho.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
