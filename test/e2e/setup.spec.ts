// The first run through the real screens, in Arabic: Shahn on an EMPTY data folder shows the
// setup instead of the login; every step is filled (a refusal from main shown in Arabic on the
// way), the vendor and the printer tested, the first admin made; then the login, as that admin,
// and the counter's name and number on it. A restart in the middle resumes at the same step.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBrowserShahn } from '../../scripts/start-browser';
import { startSimulators, type Simulators } from '../sim';

let sims: Simulators;
let dataDir: string;
let shahn: Awaited<ReturnType<typeof startBrowserShahn>>;
const start = async () => {
  shahn = await startBrowserShahn({ ...sims.env, SHAHN_DATA_DIR: dataDir, SHAHN_LOG_LEVEL: 'silent' }, 0, { validateOutputs: true });
};

test.beforeAll(async () => {
  sims = await startSimulators();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-e2e-setup-'));
  await start();
});
test.afterAll(async () => {
  await shahn?.close();
  await sims?.close();
});

const next = (page: Page) => page.getByTestId('setup-next').click();
const onStep = (page: Page, step: string) => expect(page.getByTestId(`setup-step-${step}`)).toBeVisible();

test('an empty counter is set up in Arabic, and its first admin logs in', async ({ page }) => {
  await page.goto(shahn.url);
  await onStep(page, 'language');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('login-username')).toHaveCount(0);
  await page.getByTestId('setup-language-ar').check({ force: true });
  await next(page);

  await onStep(page, 'counter');
  await page.getByTestId('setup-counter-name').fill('صنعاء - التحرير');
  await page.getByTestId('setup-counter-number').fill('عداد'); // not Latin: main refuses, in Arabic
  await next(page);
  await expect(page.getByTestId('error-message')).toContainText('رقم نقطة البيع');
  await expect(page.getByTestId('setup-counter-number')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('setup-counter-number').fill('SAN-07');
  await next(page);

  await onStep(page, 'currency');
  await page.getByTestId('setup-currency-code').fill('SAR');
  await expect(page.getByTestId('setup-decimals-2')).toBeChecked(); // ISO 4217: halalas
  await next(page);

  // A restart here (the power went): the flow resumes at the time zone.
  await shahn.close();
  await start();
  await page.goto(shahn.url);
  await onStep(page, 'timeZone');
  await page.getByTestId('setup-tz-search').fill('Riyadh');
  await expect(page.getByTestId('setup-tz-list')).toHaveValue('Asia/Riyadh');
  await expect(page.getByTestId('setup-tz-clock')).toContainText('Asia/Riyadh');
  await next(page);

  await onStep(page, 'company');
  await page.getByTestId('setup-company-name-ar').fill('كهرباء الرياض');
  await page.getByTestId('setup-company-name-en').fill('Riyadh Power');
  await page.getByTestId('setup-company-address-ar').fill('الرياض، طريق الملك فهد');
  await page.getByTestId('setup-company-tax').fill('300012345600003');
  await next(page);

  await onStep(page, 'vendors');
  await page.getByTestId('vendor-sts-test').click();
  await expect(page.getByTestId('vendor-sts-result')).toHaveClass(/test-ok/);
  await next(page);

  await onStep(page, 'printer');
  await page.getByTestId('setup-printer-iface').fill(`tcp://${sims.printer.host}:${sims.printer.port}`);
  await page.getByTestId('setup-printer-test').click();
  await expect(page.getByTestId('setup-printer-ok')).toBeVisible();
  await next(page);

  await onStep(page, 'admin');
  await expect(page.getByTestId('setup-pin-rule')).toContainText('1234');
  await page.getByTestId('setup-admin-username').fill('amina');
  await page.getByTestId('setup-admin-name').fill('أمينة الشامي');
  await page.getByTestId('setup-admin-name-latin').fill('Amina Al-Shami');
  await page.getByTestId('setup-admin-pin').fill('1234');
  await page.getByTestId('setup-admin-pin2').fill('1234');
  await next(page);
  await expect(page.getByTestId('error-message')).toContainText('متتالية'); // the PIN rule, in Arabic
  await page.getByTestId('setup-admin-pin').fill('2580');
  await page.getByTestId('setup-admin-pin2').fill('2580');
  await next(page);

  // Setup is over: the login, the new admin's username filled in, the counter as set up.
  await expect(page.getByTestId('login-username')).toHaveValue('amina');
  await expect(page.getByTestId('login-counter')).toContainText('صنعاء - التحرير');
  await expect(page.getByTestId('login-counter')).toContainText('SAN-07');
  await page.getByTestId('login-pin').fill('2580');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('meter-input').or(page.getByTestId('open-shift'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(shahn.app.db.read.prepare('SELECT username, role FROM users').all()).toEqual([{ username: 'amina', role: 'admin' }]);
  expect(shahn.app.config).toMatchObject({ counterName: 'صنعاء - التحرير', currency: 'SAR', currencyDecimals: 2, timeZone: 'Asia/Riyadh' });
});
