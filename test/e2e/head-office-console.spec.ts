// The head office's web console in Chromium, against the real head office on a throwaway
// PostgreSQL (scripts/demo-head-office.ts, as `npm run demo -- --head-office` starts it) serving
// the built app (npm run build:console, which `npm run test:e2e` runs first): Arabic and right to
// left first, an administrator signs in, makes an enrolment code, a counter enrols with it over
// the counters' HTTP API and pushes a sale, the counter shows in Counters and the sale in Sales;
// the administrator makes a viewer, who sees neither Users nor any action that changes anything.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startDemoHeadOffice, type DemoHeadOffice } from '../../scripts/demo-head-office';
import { createHeadOfficeClient } from '../../main/vendors/head-office/client';
import { enrolWithHeadOffice } from '../../main/vendors/head-office/enrol';
import { sale } from '../integration/head-office/sales-fixture';

const WEB_DIR = path.join(__dirname, '..', '..', 'dist-console');
let ho: DemoHeadOffice;

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist-console/ is missing: run `npm run build:console` (npm run test:e2e does)');
  ho = await startDemoHeadOffice({ webDir: WEB_DIR });
});
test.afterAll(async () => ho?.close());

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(ho.consoleUrl);
  await page.getByLabel(/اسم المستخدم|Username/).fill(username);
  await page.getByLabel(/كلمة المرور|Password/).fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

test('an admin enrols a counter with a code, sees it and its sale; a viewer cannot see admin actions', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // Arabic, right to left, by default; a wrong password refused in Arabic.
  await page.goto(ho.consoleUrl);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('sign-in')).toContainText('الدخول إلى لوحة تحكم المكتب الرئيسي');
  await page.getByLabel('اسم المستخدم').fill(ho.consoleAdmin.username);
  await page.getByLabel('كلمة المرور').fill('not the password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('error')).toHaveText('اسم المستخدم أو كلمة المرور غير صحيحة');

  await signIn(page, ho.consoleAdmin.username, ho.consoleAdmin.password);
  await expect(page).toHaveURL(/\/console\/counters$/);
  await expect(page.getByTestId('nav-users')).toBeVisible();
  // The demo's own counter is there from the start.
  await expect(page.getByTestId('counter-row')).toHaveCount(1);

  // A one-time code, shown once with its expiry.
  await page.getByTestId('new-code').click();
  await page.getByLabel('اسم نقطة البيع في المكتب الرئيسي').fill('فرع عدن 2');
  await page.getByLabel('مدة الصلاحية (بالساعات)').fill('4');
  await page.getByTestId('code-make').click();
  const code = (await page.getByTestId('enrolment-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
  await expect(page.getByTestId('code-dialog')).toContainText('لن يظهر هذا الرمز مرة أخرى');
  await page.getByTestId('code-done').click();

  // The counter enrols through the real HTTP API and pushes a sale.
  const enrolled = await enrolWithHeadOffice(ho.url, { code, counterName: 'Till 1', appVersion: '0.1.0' }, { userAgent: 'Shahn-POS/0.1.0' });
  if (enrolled.kind !== 'ok') throw new Error(`enrolment failed: ${JSON.stringify(enrolled)}`);
  const pushed = sale({ receiptNo: 4711, meterNumber: '04000009999', chargedMinor: 250_000, amountMinor: 250_000, valueMinor: 250_000, currency: 'YER', at: new Date().toISOString() });
  const client = createHeadOfficeClient({ baseUrl: ho.url, apiKey: enrolled.value.counterKey, apiSecret: enrolled.value.counterSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 });
  expect((await client.pushSales([pushed])).kind).toBe('ok');

  await page.getByRole('button', { name: 'تحديث' }).click();
  const row = page.locator('[data-testid="counter-row"][data-counter="فرع عدن 2"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText(enrolled.value.counterKey);
  await expect(row).toContainText('0.1.0');
  await expect(row.getByTestId('counter-state')).toHaveText('فعّالة');

  // Sales: found by its meter number, its amount from minor units with the currency.
  await page.getByTestId('nav-sales').click();
  await expect(page).toHaveURL(/\/console\/sales$/);
  await page.getByLabel('رقم العداد').fill('04000009999');
  await page.getByTestId('sales-search-submit').click();
  const saleRow = page.locator(`[data-testid="sale-row"][data-sale="${pushed.id}"]`);
  await expect(saleRow).toBeVisible();
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(saleRow).toContainText('فرع عدن 2');
  await expect(saleRow).toContainText('4711');
  await expect(saleRow.getByTestId('sale-amount')).toContainText('250,000');

  // English, remembered across a reload.
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-sales')).toHaveText('Sales');

  // Users: the admin makes a viewer.
  await page.getByTestId('nav-users').click();
  await page.getByTestId('new-user').click();
  const form = page.getByTestId('new-user-dialog');
  await form.getByLabel('Username').fill('huda');
  await form.getByLabel('Display name').fill('Huda');
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByLabel('First password').fill('huda reads only');
  await page.getByTestId('new-user-submit').click();
  await expect(page.locator('[data-testid="user-row"][data-user="huda"]')).toContainText('Viewer');

  // The admin revokes the demo counter, after a confirmation.
  await page.getByTestId('nav-counters').click();
  const demoRow = page.locator('[data-testid="counter-row"][data-counter="Counter 1"]');
  await demoRow.getByTestId('revoke').click();
  await expect(page.getByTestId('revoke-dialog')).toContainText('Revoke “Counter 1”?');
  await page.getByTestId('revoke-confirm').click();
  await expect(demoRow.getByTestId('counter-state')).toContainText('Revoked');

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();

  // The viewer: counters and sales, no Users, no code, no revoke.
  await signIn(page, 'huda', 'huda reads only');
  await expect(page.getByTestId('signed-in-role')).toHaveText('Viewer');
  await expect(page.getByTestId('counter-row')).toHaveCount(2);
  await expect(page.getByTestId('nav-users')).toHaveCount(0);
  await expect(page.getByTestId('new-code')).toHaveCount(0);
  await expect(page.getByTestId('revoke')).toHaveCount(0);
  await page.goto(`${ho.url}/console/users`);
  await expect(page.getByTestId('page-not-found')).toBeVisible();
  await expect(page.getByTestId('users-table')).toHaveCount(0);

  expect(errors).toEqual([]);
});
