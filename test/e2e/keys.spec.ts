// Vending keys through the real screen (admin): the key is typed twice, masked, and never shown
// again; what the admin sees is its key check value, to compare with the key certificate.
import { expect, test, type Page } from '@playwright/test';
import { login, NO_RETRIES, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { DEMO_STS_KEYS } from '../sim/demo-data';

let under: ShahnUnderTest;
test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'keys', env: NO_RETRIES });
});
test.afterAll(async () => under?.close());

const openKeys = async (page: Page) => {
  await login(page, under.shahn.url, 'admin', '9999');
  await page.getByTestId('nav-keys').click();
  await expect(page.getByTestId('keys-list')).toBeVisible();
};
const row = (page: Page, status: string) => page.locator(`[data-testid="key-row"][data-sgc="${DEMO_STS_KEYS.sgc}"][data-krn="${DEMO_STS_KEYS.krn}"][data-status="${status}"]`);

test('only an administrator has the Vending keys tab', async ({ page }) => {
  await login(page, under.shahn.url, 'supervisor', '2222');
  await expect(page.getByTestId('nav-users')).toBeVisible();
  await expect(page.getByTestId('nav-keys')).toHaveCount(0);
});

test('loads the STS test key and checks its KCV', async ({ page }) => {
  await openKeys(page);
  // The demo counter already holds it (sealed by the seed): listed by its KCV only.
  await expect(row(page, 'active').getByTestId('key-kcv')).toHaveText('C33F45');
  await expect(page.getByTestId('keys-list')).not.toContainText(DEMO_STS_KEYS.vendingKey);

  const k = DEMO_STS_KEYS;
  await page.getByTestId('key-sgc').fill(k.sgc);
  await page.getByTestId('key-krn').selectOption(String(k.krn));
  await page.getByTestId('key-type').selectOption(String(k.keyType));
  await page.getByTestId('key-base-date').selectOption(String(k.baseDate));
  await expect(page.getByTestId('key-hex')).toHaveAttribute('type', 'password');
  // Typed twice, differently: refused on the spot.
  await page.getByTestId('key-hex').fill(k.vendingKey);
  await page.getByTestId('key-hex-again').fill('abababababababac');
  await page.getByTestId('key-submit').click();
  await expect(page.getByTestId('key-form').getByTestId('error-message')).toContainText('غير متطابقين');
  // Alike, but a key for this SGC/KRN is active: the admin must say "replace".
  await page.getByTestId('key-hex-again').fill(k.vendingKey);
  await page.getByTestId('key-expected-kcv').fill('c33f45');
  await page.getByTestId('key-submit').click();
  await expect(page.getByTestId('key-conflict-hint')).toBeVisible();
  await page.getByTestId('key-replace').check();
  await page.getByTestId('key-submit').click();
  await expect(page.getByTestId('key-loaded')).toContainText('C33F45');
  // The key is gone from the form; the list shows the new key active and the old one retired, both C33F45.
  await expect(page.getByTestId('key-hex')).toHaveValue('');
  await expect(page.getByTestId('key-hex-again')).toHaveValue('');
  await expect(row(page, 'active')).toContainText('مدير النظام');
  await expect(row(page, 'active').getByTestId('key-kcv')).toHaveText('C33F45');
  await expect(row(page, 'retired').getByTestId('key-kcv')).toHaveText('C33F45');
});

test('retires a key after a confirmation', async ({ page }) => {
  await openKeys(page);
  await row(page, 'active').getByTestId('key-retire').click();
  await expect(page.getByTestId('key-retire-dialog')).toContainText('C33F45');
  await page.getByTestId('key-retire-confirm').click();
  await expect(page.getByTestId('key-retire-dialog')).not.toBeVisible();
  await expect(row(page, 'active')).toHaveCount(0);
  await expect(row(page, 'retired')).toHaveCount(2);
});
