// The console's Reports page in Chromium against the real head office on a throwaway PostgreSQL
// (scripts/demo-head-office.ts; its days are cut in UTC, and so is this browser's clock here):
// two counters enrolled with codes over HTTP push sales of two days (delivered, open, refused) and
// one of them a Z report whose cash is short; a viewer opens Reports and sees the stacked chart
// (right to left in Arabic), totals equal to the seeded sums, the flagged Z report, the open sales
// oldest first, and downloads CSV files with a BOM and a header in the page's language.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Sale } from '../../preload/contract';
import { startDemoHeadOffice, type DemoHeadOffice } from '../../scripts/demo-head-office';
import { consoleClient } from '../helpers/console';
import { enrolThroughConsole } from '../helpers/enrol-counter';
import { soldAt, zReport } from '../integration/head-office/reports-fixture';

const WEB_DIR = path.join(__dirname, '..', '..', 'dist-console');
const A = 'صنعاء - التحرير';
const B = 'عدن - كريتر';
let ho: DemoHeadOffice;
const S: Record<string, Sale> = {};

// Noon (UTC) one and two days ago: inside the page's default range of the last 7 days.
const noon = (daysAgo: number, hour = 12) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - daysAgo);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

test.use({ timezoneId: 'UTC', acceptDownloads: true });

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist-console/ is missing: run `npm run build:console` (npm run test:e2e does)');
  ho = await startDemoHeadOffice({ webDir: WEB_DIR });
  const admin = consoleClient(ho.url);
  expect((await admin.signIn(ho.consoleAdmin.username, ho.consoleAdmin.password)).status).toBe(200);
  const a = await enrolThroughConsole(ho.url, admin, A);
  const b = await enrolThroughConsole(ho.url, admin, B);
  const yer = { currency: 'YER' };
  // Counter A: Amal's shift yesterday (a delivered sale and one still pending at the close), Omar's two days ago.
  S.a1 = soldAt(noon(2, 9), { ...yer, receiptNo: 1, cashier: 'Omar', chargedMinor: 10_000, energyTenths: 800 });
  S.a2 = soldAt(noon(2, 10), { ...yer, receiptNo: 2, cashier: 'Omar', chargedMinor: 5_000, energyTenths: 400 });
  S.a3 = soldAt(noon(2, 11), { ...yer, receiptNo: 3, cashier: 'Omar', status: 'failed', chargedMinor: 1_500, energyTenths: 120, token: null });
  S.a4 = soldAt(noon(1, 9), { ...yer, receiptNo: 4, cashier: 'Amal', chargedMinor: 20_000, energyTenths: 1_600 });
  S.a5 = soldAt(noon(1, 10), { ...yer, receiptNo: 5, cashier: 'Amal', status: 'pending', chargedMinor: 3_000, energyTenths: 240, token: null, meterNumber: '04000005555', errorCode: 'OFFLINE' });
  // Counter B: Sami; a card sale whose outcome is unknown two days ago (the oldest open one).
  S.b1 = soldAt(noon(2, 8), { ...yer, receiptNo: 1, cashier: 'Sami', status: 'unknown', paymentMethod: 'card', chargedMinor: 4_000, energyTenths: 320, token: null, meterNumber: '04000007777', errorCode: 'OUTCOME_UNKNOWN' });
  S.b2 = soldAt(noon(1, 13), { ...yer, receiptNo: 2, cashier: 'Sami', chargedMinor: 7_000, energyTenths: 560 });
  for (const [client, sales, counts] of [[a, [S.a1!, S.a2!, S.a3!, S.a4!, S.a5!], { pendingSales: 1, unknownSales: 0 }], [b, [S.b1!, S.b2!], { pendingSales: 0, unknownSales: 1 }]] as const) {
    const r = await client.pushSales([...sales], { counts, currencyDecimals: 0 });
    if (r.kind !== 'ok' || r.value.rejected.length > 0) throw new Error(`push refused: ${JSON.stringify(r)}`);
  }
  // Amal's Z report: float 10,000 + cash 23,000 expected, 32,500 counted: 500 short.
  const z = zReport({
    zNo: 5, cashier: 'Amal', counter: 'Till', currency: 'YER', currencyDecimals: 0, openedAt: noon(1, 6), closedAt: noon(1, 18),
    floatMinor: 10_000, salesCount: 2, chargedMinor: 23_000, cashSalesMinor: 23_000, countedCashMinor: 32_500, open: [S.a5!], failed: [],
  });
  const pushed = await a.pushZReport(z);
  if (pushed.kind !== 'ok') throw new Error(`Z report refused: ${JSON.stringify(pushed)}`);
  expect((await admin.send('POST', '/console/api/users', { username: 'noor', displayName: 'نور', role: 'viewer', password: 'viewer reads reports' })).status).toBe(201);
});
test.afterAll(async () => ho?.close());

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(ho.consoleUrl);
  await page.getByLabel(/اسم المستخدم|Username/).fill(username);
  await page.getByLabel(/كلمة المرور|Password/).fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const p = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(p, 'utf8') };
}

test('a viewer reads sales per day, Z reports and open sales, with charts and CSV, in Arabic and English', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });

  await signIn(page, 'noor', 'viewer reads reports');
  await page.getByTestId('nav-reports').click();
  await expect(page).toHaveURL(/\/console\/reports$/);
  await expect(page.getByTestId('nav-reports')).toHaveText('التقارير');

  // The stacked chart: one series per counter, one slot per day of the last 7.
  const chart = page.getByTestId('sales-chart');
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(chart).toHaveAttribute('data-days', '7');
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(chart.locator('.recharts-bar')).toHaveCount(2);
  // Three bars with money: A two days ago, A and B yesterday (B's only sale two days ago is open).
  await expect(chart.locator('.recharts-bar-rectangle path')).toHaveCount(3);
  await expect(chart.getByTestId('legend-item')).toHaveText([A, B]);
  // Right to left: the first day's tick stands right of the last day's.
  const ticks = chart.locator('.recharts-xAxis-tick-labels text');
  await expect(ticks).toHaveCount(7);
  const first = (await ticks.first().boundingBox())!;
  const last = (await ticks.last().boundingBox())!;
  expect(first.x).toBeGreaterThan(last.x);

  // Totals: A sold 10,000 + 5,000 + 20,000, B 7,000; open 3,000 (A) and 4,000 (B); 1,500 refunded.
  const totals = page.getByTestId('sales-totals');
  await expect(totals.getByTestId('group-row')).toHaveCount(2);
  const total = totals.getByTestId('total-row');
  await expect(total.getByTestId('sold-count')).toHaveText('4');
  await expect(total.getByTestId('sold-charged')).toContainText('42,000');
  await expect(total.getByTestId('sold-energy')).toHaveText('336.0');
  await expect(total.getByTestId('open-count')).toHaveText('2');
  await expect(total.getByTestId('open-charged')).toContainText('7,000');
  await expect(total.getByTestId('refunded-count')).toHaveText('1');
  await expect(total.getByTestId('refunded-charged')).toContainText('1,500');
  await expect(totals.getByTestId('group-row').first()).toContainText(A);
  await expect(totals.getByTestId('group-row').first().getByTestId('sold-charged')).toContainText('35,000');

  // The CSV of what is shown: a BOM, the Arabic header, the service's file name.
  const csv = await download(page, 'csv-sales-by-day');
  expect(csv.name).toMatch(/^sales-by-day_counter_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  expect(csv.text.slice(1).split('\r\n')[0]).toMatch(/^اليوم,نقطة البيع,/);
  expect(csv.text).toContain(A);

  // Z reports: Amal's, short by 500, flagged with its explanation.
  await page.getByTestId('report-tab-z').click();
  const zRow = page.locator(`[data-testid="z-row"][data-z="${A}#5"]`);
  await expect(zRow).toBeVisible();
  await expect(zRow).toHaveClass(/is-flagged/);
  await expect(zRow.getByTestId('z-variance')).toContainText('500');
  await expect(zRow.getByTestId('z-variance')).toContainText('عجز');
  await expect(zRow.locator('[data-flag="CASH_SHORT"]')).toHaveText('عجز في النقد');
  await expect(page.getByTestId('flag-legend')).toContainText('عدّ الكاشير نقدًا أقل مما توقعته نقطة البيع.');

  // Outstanding: B's unknown sale (two days old) before A's pending one; each counter's own counts.
  await page.getByTestId('report-tab-outstanding').click();
  const open = page.getByTestId('outstanding-row');
  await expect(open).toHaveCount(2);
  await expect(open.nth(0)).toHaveAttribute('data-sale', S.b1!.id);
  await expect(open.nth(0)).toContainText('نتيجة غير معروفة');
  await expect(open.nth(1)).toHaveAttribute('data-sale', S.a5!.id);
  await expect(open.nth(1)).toContainText('04000005555');
  await expect(page.locator(`[data-testid="outstanding-counter"][data-counter="${A}"]`).getByTestId('ledger-open')).toHaveText('1');

  // English: the same page left to right, a CSV with the English header.
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByTestId('report-tab-outstanding')).toHaveText('Outstanding');
  await expect(open.nth(0)).toContainText('Outcome unknown');
  const out = await download(page, 'csv-outstanding');
  expect(out.name).toBe('outstanding.csv');
  expect(out.text.charCodeAt(0)).toBe(0xfeff);
  expect(out.text.slice(1).split('\r\n')[0]).toMatch(/^Counter,Receipt No\.,Status,/);
  expect(out.text.split('\r\n').filter((l) => l !== '')).toHaveLength(3);

  await page.getByTestId('report-tab-z').click();
  await expect(page.locator(`[data-testid="z-row"][data-z="${A}#5"]`).locator('[data-flag="CASH_SHORT"]')).toHaveText('Cash short');
  const zCsv = await download(page, 'csv-z-reports');
  expect(zCsv.text.slice(1).split('\r\n')[0]).toMatch(/^Counter,Z No\.,Cashier,/);
  expect(zCsv.text).toContain('Cash short');

  // Back to sales per day: its filters were kept; left to right now.
  await page.getByTestId('report-tab-sales').click();
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(chart.getByTestId('legend-item')).toHaveText([A, B]);
  expect((await ticks.first().boundingBox())!.x).toBeLessThan((await ticks.last().boundingBox())!.x);

  // By cashier: a series per cashier at a counter.
  await page.getByLabel('Group by').selectOption('cashier');
  await expect(chart).toHaveAttribute('data-series', '3');
  await expect(totals.getByTestId('group-row')).toHaveCount(3);
  await expect(total.getByTestId('sold-charged')).toContainText('42,000');
  // A filter with nothing in it: the empty state, not an empty chart.
  await page.getByLabel('Product', { exact: true }).selectOption('settlement');
  await expect(page.getByTestId('sales-report-empty')).toBeVisible();
  await expect(page.getByTestId('sales-chart')).toHaveCount(0);
  // A range backwards: said before asking.
  await page.getByLabel('To day (inclusive)').fill('2020-01-01');
  await expect(page.getByTestId('error')).toHaveText('The “to” day is before the “from” day.');

  expect(errors).toEqual([]);
});
