// The console's master-data pages in Chromium, against the real head office on a throwaway
// PostgreSQL (scripts/demo-head-office.ts) serving the built app: in Arabic, an operator creates a
// customer, a tariff schedule version with two time-of-use periods and an STS meter on it, edits
// the meter (the key-change warning shows when its key data changes), is refused deleting the
// customer the meter uses, and the demo counter pulls the meter over the counters' signed API with
// every amount in integer minor units; a viewer sees the same pages with no edit buttons.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { startDemoHeadOffice, type DemoHeadOffice } from '../../scripts/demo-head-office';
import { createHeadOfficeClient } from '../../main/vendors/head-office/client';
import type { MasterDataPage } from '../../main/vendors/head-office/master-data-wire';
import { addConsoleUser, TEST_PASSWORD } from '../helpers/console';
import { DEMO_STS_KEYS } from '../sim/demo-data';

const WEB_DIR = path.join(__dirname, '..', '..', 'dist-console');
/** A valid STS number (check digit) the demo's register does not hold. */
const METER = '04000007775';
let ho: DemoHeadOffice;

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist-console/ is missing: run `npm run build:console` (npm run test:e2e does)');
  ho = await startDemoHeadOffice({ webDir: WEB_DIR });
  const pool = new pg.Pool({ connectionString: ho.databaseUrl, max: 1 });
  try {
    await addConsoleUser(pool, 'omar', 'operator');
    await addConsoleUser(pool, 'vera', 'viewer');
  } finally {
    await pool.end();
  }
});
test.afterAll(async () => ho?.close());

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(ho.consoleUrl);
  await page.getByLabel(/اسم المستخدم|Username/).fill(username);
  await page.getByLabel(/كلمة المرور|Password/).fill(TEST_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

/** Everything the demo counter would pull now, page after page. */
async function pullAll(): Promise<MasterDataPage['changes']> {
  const client = createHeadOfficeClient({ baseUrl: ho.url, apiKey: ho.env.HEAD_OFFICE_KEY!, apiSecret: ho.env.HEAD_OFFICE_SECRET!, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 });
  const out: MasterDataPage['changes'] = [];
  for (let after = 0; ;) {
    const r = await client.pullMasterData(after, 1000);
    if (r.kind !== 'ok') throw new Error(`pull failed: ${JSON.stringify(r)}`);
    out.push(...r.value.changes);
    if (!r.value.more) return out;
    after = r.value.cursor;
  }
}

test('an operator creates a customer, a two-period schedule version and a meter, edits it, is refused in Arabic; the counter pulls it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'omar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('nav-masterData').click();
  await expect(page).toHaveURL(/\/console\/master-data\/meters$/);
  // Operators edit master data but do not see the counters' users.
  await expect(page.getByTestId('master-tab-import')).toBeVisible();
  await expect(page.getByTestId('master-tab-counter-users')).toHaveCount(0);

  // A customer.
  await page.getByTestId('master-tab-customers').click();
  await page.getByTestId('new-customer').click();
  const cd = page.getByTestId('customer-dialog');
  await cd.getByLabel('رمز المشترك').fill('C-7001');
  await cd.getByLabel('الاسم (بالعربية)').fill('فاطمة سعيد');
  await cd.getByLabel('الاسم (بحروف لاتينية)').fill('Fatima Saeed');
  await cd.getByLabel('الهاتف').fill('+967 733 444 555');
  await page.getByTestId('customer-submit').click();
  await expect(page.locator('[data-testid="customer-row"][data-customer="C-7001"]')).toContainText('فاطمة سعيد');

  // A new schedule, version 1, with two periods; a typo is caught before sending.
  await page.getByTestId('master-tab-tariffs').click();
  await page.getByTestId('new-schedule').click();
  const sd = page.getByTestId('schedule-dialog');
  await sd.locator('#sd-code').fill('E2E-TOU');
  await sd.locator('#sd-name-ar').fill('سكني بفترتين');
  await sd.locator('#sd-name-en').fill('Residential two periods');
  await sd.locator('#sd-vat').fill('5');
  await sd.locator('#sd-min').fill('100');
  await sd.locator('#sd-max').fill('500000');
  await sd.locator('#sd-p0-end').fill('18:00');
  await sd.locator('#sd-p0-price').fill('40.5');
  await sd.locator('#sd-p0-name-ar').fill('النهار');
  await sd.locator('#sd-p0-name-en').fill('Day');
  await page.getByTestId('period-add').click();
  await expect(sd.locator('#sd-p1-start')).toHaveValue('18:00');
  await sd.locator('#sd-p1-price').fill('60.25');
  await sd.locator('#sd-p1-name-ar').fill('المساء');
  await sd.locator('#sd-p1-name-en').fill('Evening');
  await sd.locator('#sd-fee').fill('12.5');
  await page.getByTestId('schedule-submit').click();
  // The currency (YER) has no decimals: refused next to the field, before anything is sent.
  await expect(sd.getByTestId('sd-fee-error')).toHaveText('هذه العملة لا تقبل كسورًا: أدخل عددًا صحيحًا.');
  await sd.locator('#sd-fee').fill('25');
  await page.getByTestId('schedule-submit').click();
  const card = page.locator('[data-testid="schedule-card"][data-code="E2E-TOU"]');
  await expect(card.locator('[data-testid="version-row"][data-version="1"]')).toContainText('قادم');
  await expect(card).toContainText('18:00–24:00');
  await expect(card).toContainText('60.25');

  // A meter on it, in credit mode; the number's check digit is checked before sending.
  await page.getByTestId('master-tab-meters').click();
  await page.getByTestId('new-meter').click();
  const md = page.getByTestId('meter-dialog');
  await md.locator('#md-number').fill('04000007776');
  await md.locator('#md-customer').fill('C-7001');
  await md.locator('#md-schedule').selectOption('E2E-TOU');
  await md.locator('#md-mode').selectOption('credit');
  await md.locator('#md-creditLimit').fill('15000');
  await md.locator('#md-deposit').fill('3000');
  await md.locator('#md-sgc').fill(DEMO_STS_KEYS.sgc);
  await md.locator('#md-ti').fill(DEMO_STS_KEYS.ti);
  await md.locator('#md-krn').selectOption(String(DEMO_STS_KEYS.krn));
  await md.locator('#md-keytype').selectOption(String(DEMO_STS_KEYS.keyType));
  await md.locator('#md-basedate').selectOption(String(DEMO_STS_KEYS.baseDate));
  await page.getByTestId('meter-submit').click();
  await expect(md.getByTestId('md-number-error')).toHaveText('رقم التحقق غير صحيح: راجع الرقم المكتوب على العداد.');
  await md.locator('#md-number').fill(METER);
  await page.getByTestId('meter-submit').click();
  await expect(page.getByTestId('notice')).toContainText(METER);
  const row = page.locator(`[data-testid="meter-row"][data-meter="${METER}"]`);
  await expect(row).toContainText('فاطمة سعيد');
  await expect(row).toContainText('ائتمان');

  // Found again by the customer's phone, among the demo's meters.
  await page.locator('#m-q').fill('733 444');
  await page.getByTestId('meters-search-submit').click();
  await expect(page.getByTestId('meter-row')).toHaveCount(1);

  // Edit: the key-change warning turns strong once the key data changes; the change saved is the deposit.
  await row.getByTestId('meter-edit').click();
  await expect(md.locator('#md-number')).toHaveAttribute('readonly', '');
  await expect(md.getByTestId('key-change-warning')).toContainText('رموز تغيير المفتاح');
  await md.locator('#md-krn').selectOption(String(DEMO_STS_KEYS.krn === 1 ? 2 : 1));
  await expect(md.getByTestId('key-change-warning')).toHaveClass(/is-strong/);
  await md.locator('#md-krn').selectOption(String(DEMO_STS_KEYS.krn));
  await expect(md.getByTestId('key-change-warning')).not.toHaveClass(/is-strong/);
  await md.locator('#md-deposit').fill('4500');
  await page.getByTestId('meter-submit').click();
  await expect(page.getByTestId('notice')).toContainText(METER);

  // Refused: the customer is still used by the meter; the head office's reason, in Arabic.
  await page.getByTestId('master-tab-customers').click();
  await page.locator('[data-testid="customer-row"][data-customer="C-7001"]').getByTestId('customer-delete').click();
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('delete-dialog').getByTestId('error')).toContainText(`ما زال مستخدماً في العدادات ${METER}`);
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'إلغاء' }).click();

  // The demo counter pulls them over the signed API: integer minor units, both periods, exact prices.
  const changes = await pullAll();
  const meter = changes.find((c) => c.entity === 'meter' && c.key === METER);
  expect(meter?.data).toMatchObject({ number: METER, kind: 'sts', customerKey: 'C-7001', scheduleCode: 'E2E-TOU', groupCode: null, paymentMode: 'credit', creditLimitMinor: 15000, depositMinor: 4500, sts: { sgc: DEMO_STS_KEYS.sgc, krn: DEMO_STS_KEYS.krn } });
  const schedule = changes.find((c) => c.entity === 'tariff_schedule' && c.key === 'E2E-TOU@1');
  expect(schedule?.data).toMatchObject({ vatPercent: '5', feeMinor: 25, minPurchaseMinor: 100, maxPurchaseMinor: 500000 });
  expect((schedule?.data as { periods: unknown[] }).periods).toEqual([
    { start: '00:00', end: '18:00', pricePerKwh: '40.5', name: { ar: 'النهار', en: 'Day' }, active: true },
    { start: '18:00', end: '24:00', pricePerKwh: '60.25', name: { ar: 'المساء', en: 'Evening' }, active: true },
  ]);
  expect(changes.find((c) => c.entity === 'customer' && c.key === 'C-7001')?.data).toMatchObject({ nameAr: 'فاطمة سعيد' });

  // A written version offers no edit: only a new version, numbered next.
  await page.getByTestId('master-tab-tariffs').click();
  await card.getByTestId('new-version').click();
  await expect(page.getByTestId('schedule-dialog').locator('#sd-version')).toHaveValue('2');
  await expect(page.getByTestId('schedule-dialog').locator('#sd-code')).toHaveAttribute('readonly', '');
  await page.getByTestId('schedule-dialog').getByRole('button', { name: 'إلغاء' }).click();
  expect(errors).toEqual([]);
});

test('a viewer sees master data read-only: no create, edit or delete, no import, no counter users', async ({ page }) => {
  await signIn(page, 'vera');
  await page.getByTestId('nav-masterData').click();
  await expect(page.getByTestId('meter-row').first()).toBeVisible();
  await expect(page.getByTestId('new-meter')).toHaveCount(0);
  await expect(page.getByTestId('meter-edit')).toHaveCount(0);
  await expect(page.getByTestId('meter-delete')).toHaveCount(0);
  await expect(page.getByTestId('master-tab-import')).toHaveCount(0);
  await expect(page.getByTestId('master-tab-counter-users')).toHaveCount(0);
  await page.getByTestId('master-tab-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await expect(page.getByTestId('new-customer')).toHaveCount(0);
  await expect(page.getByTestId('customer-edit')).toHaveCount(0);
  await page.getByTestId('master-tab-tariffs').click();
  await expect(page.getByTestId('schedule-card').first()).toBeVisible();
  await expect(page.getByTestId('new-schedule')).toHaveCount(0);
  await expect(page.getByTestId('new-version')).toHaveCount(0);
  await expect(page.getByTestId('new-group')).toHaveCount(0);
  await page.goto(`${ho.url}/console/master-data/counter-users`);
  await expect(page.getByTestId('page-not-found')).toBeVisible();
});
