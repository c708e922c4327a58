// The console's Leases and Vending keys pages in Chromium, against the demo head office (real
// PostgreSQL, the built app): the demo counter takes a meter's lease through the counters' HTTP
// lease protocol; the lease shows with its counter and expiry, its history says who held it; a
// release while it runs is explained, not offered (and the service refuses it); once expired an
// operator releases it after a confirmation. An administrator loads a key file, compares its KCV
// (a wrong one typed is refused), replaces it and retires it.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { demoKeyFile, startDemoHeadOffice, type DemoHeadOffice } from '../../scripts/demo-head-office';
import { createHeadOfficeClient } from '../../main/vendors/head-office/client';
import { keyCheckValue } from '../../main/keys/kcv';
import { DEMO_STS_METERS } from '../sim/demo-data';

const WEB_DIR = path.join(__dirname, '..', '..', 'dist-console');
let ho: DemoHeadOffice;

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist-console/ is missing: run `npm run build:console` (npm run test:e2e does)');
  ho = await startDemoHeadOffice({ webDir: WEB_DIR });
});
test.afterAll(async () => ho?.close());

async function signIn(page: Page): Promise<void> {
  await page.goto(ho.consoleUrl);
  await page.getByLabel(/اسم المستخدم|Username/).fill(ho.consoleAdmin.username);
  await page.getByLabel(/كلمة المرور|Password/).fill(ho.consoleAdmin.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

test('a lease taken by a counter, its history, a release refused while it runs and confirmed once expired; an admin loads, replaces and retires a key', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const meter = DEMO_STS_METERS[0]!.number;

  // The demo counter asks for the meter's lease over the signed HTTP protocol, as it does after an online sale.
  const counter = createHeadOfficeClient({ baseUrl: ho.url, apiKey: ho.env.HEAD_OFFICE_KEY!, apiSecret: ho.env.HEAD_OFFICE_SECRET!, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 });
  const asked = await counter.acquireLeases([meter]);
  expect(asked.kind === 'ok' && asked.value.granted.map((g) => g.meter)).toEqual([meter]);

  // Arabic first: the lease, its counter and its expiry.
  await signIn(page);
  await page.getByTestId('nav-leases').click();
  await expect(page).toHaveURL(/\/console\/leases$/);
  const row = page.locator(`[data-testid="lease-row"][data-meter="${meter}"]`);
  await expect(row).toContainText('Counter 1');
  await expect(row.getByTestId('lease-state')).toContainText('محجوز');
  await expect(row.getByTestId('lease-expiry')).toContainText('ينتهي');

  // Its history: granted to the counter.
  await row.getByTestId('lease-history-open').click();
  const history = page.getByTestId('lease-history');
  await expect(history).toContainText(meter);
  await expect(history.locator('[data-testid="lease-event"][data-event="granted"]')).toContainText('Counter 1');

  // Running: the release is explained, not offered; the service refuses it too.
  await row.getByTestId('lease-release').click();
  const dialog = page.getByTestId('release-dialog');
  await expect(dialog.getByTestId('release-running')).toContainText('ما زال ساريًا');
  await expect(dialog).toContainText('غير متصلة الآن وتبيع لهذا العداد');
  await expect(dialog.getByTestId('release-confirm')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'إغلاق' }).click();
  const refused = await page.request.post(`${ho.url}/console/api/leases/${meter}/release`, { headers: { 'x-shahn-console': '1' } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe('LEASE_NOT_EXPIRED');

  // Three days later the lease has run out (its times moved back in the database, as a clock would).
  const db = new pg.Client({ connectionString: ho.databaseUrl });
  await db.connect();
  try {
    await db.query(`UPDATE meter_leases SET granted_at = now() - interval '4 days', renewed_at = now() - interval '4 days', expires_at = now() - interval '1 day' WHERE meter = $1`, [meter]);
  } finally {
    await db.end();
  }
  await page.getByRole('button', { name: 'تحديث' }).click();
  await expect(row.getByTestId('lease-state')).toContainText('منتهٍ');
  await row.getByTestId('lease-release').click();
  await expect(dialog).toContainText('انتهى حجز نقطة البيع «Counter 1»');
  await dialog.getByTestId('release-confirm').click();
  await expect(row).toHaveAttribute('data-state', 'released');
  await expect(row.getByTestId('lease-state')).toContainText('المشغّل demo-admin');
  await row.getByTestId('lease-history-open').click();
  await expect(history.locator('[data-testid="lease-event"][data-event="released"]')).toContainText('demo-admin');

  // English: the vending keys, the demo's own first.
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('nav-vendingKeys').click();
  await expect(page).toHaveURL(/\/console\/vending-keys$/);
  await expect(page.locator(`[data-testid="key-row"][data-kcv="${ho.vendingKey.kcv}"]`)).toContainText('In use');

  // A key file for KRN 2: checked, its KCV shown; a wrong certificate KCV is refused, the right one loads it.
  const key = '0123456789abcdef';
  const kcv = keyCheckValue(key);
  const file = { name: 'sgc123456-krn2.key', mimeType: 'text/plain', buffer: Buffer.from(demoKeyFile({ KRN: '2', VENDING_KEY: key })) };
  await page.getByTestId('key-new').click();
  const load = page.getByTestId('load-key-dialog');
  await load.getByTestId('key-file').setInputFiles(file);
  await expect(load.getByTestId('key-text')).toHaveValue(/KRN = 2/);
  await load.getByTestId('key-check').click();
  await expect(load.getByTestId('key-kcv')).toHaveText(kcv);
  await expect(load.getByTestId('key-attributes')).toContainText('123456');
  await load.getByTestId('key-cert-kcv').fill('ABC123');
  await load.getByTestId('key-load').click();
  await expect(load.getByTestId('error')).toContainText(`check value is ${kcv}, not ABC123`);
  await load.getByTestId('key-cert-kcv').fill(kcv);
  await load.getByTestId('key-load').click();
  await expect(page.getByTestId('key-loaded')).toContainText(`SGC 123456 KRN 2: KCV ${kcv}`);
  const krn2 = page.locator(`[data-testid="key-row"][data-kcv="${kcv}"][data-state="in-use"]`);
  await expect(krn2).toContainText('console:demo-admin');
  await expect(page.locator('body')).not.toContainText(key);

  // The same file again: the key in use is named, and it loads only as its replacement.
  await page.getByTestId('key-new').click();
  await load.getByTestId('key-file').setInputFiles(file);
  await load.getByTestId('key-check').click();
  await expect(load.getByTestId('key-in-use')).toContainText(`KCV ${kcv}`);
  await load.getByTestId('key-cert-kcv').fill(kcv);
  await expect(load.getByTestId('key-load')).toBeDisabled();
  await load.getByTestId('key-replace').check();
  await load.getByTestId('key-load').click();
  await expect(page.getByTestId('key-loaded')).toContainText(`The key with KCV ${kcv} is retired`);
  await expect(page.locator(`[data-testid="key-row"][data-kcv="${kcv}"][data-state="retired"]`)).toContainText('console:demo-admin');

  // Retired after a confirmation that says what it does to leases.
  await krn2.getByTestId('key-retire').click();
  const retire = page.getByTestId('retire-dialog');
  await expect(retire).toContainText('Leases already given keep working until they expire');
  await retire.getByTestId('retire-confirm').click();
  await expect(page.locator(`[data-testid="key-row"][data-kcv="${kcv}"][data-state="in-use"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="key-row"][data-kcv="${kcv}"][data-state="retired"]`)).toHaveCount(2);

  expect(errors).toEqual([]);
});
