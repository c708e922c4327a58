// Issue 12, item 6, at the till: the cashier is shown a quote; a new tariff version takes effect
// before they confirm. The sale is refused (nothing sold), the screen shows the new quote with a
// message in the cashier's language, and only the cashier's second confirmation sells — at the
// price now on screen, never at a price nobody saw.
import { expect, test } from '@playwright/test';
import { DEMO_STS_METERS } from '../sim/demo-data';
import { findMeter, login, shownNumber, startShahnUnderTest, type ShahnUnderTest } from './kit';

let under: ShahnUnderTest;
test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'price-changed' });
});
test.afterAll(async () => under?.close());

const meter = DEMO_STS_METERS[0]!.number; // RES-TOU
const salesOf = () => (under.shahn.app.db.read.prepare('SELECT COUNT(*) AS n FROM sales WHERE meter_number = ?').get(meter) as { n: number }).n;

/** A supervisor elsewhere publishes a flat 250/kWh version of RES-TOU, in force at once. */
async function newTariffVersion(): Promise<void> {
  const app = under.shahn.app;
  const login = await app.call('auth.login', { username: 'supervisor', pin: '2222' });
  if (!login.ok) throw new Error(login.error.message.en);
  const r = await app.call('tariffs.createVersion', {
    code: 'RES-TOU', name: { ar: 'سكني', en: 'Residential' }, maxPurchaseMinor: 500_000, minPurchaseMinor: 100, vatPercent: '5',
    periods: [{ name: { ar: 'طوال اليوم', en: 'All day' }, start: '00:00', end: '24:00', pricePerKwh: '250' }],
  }, (login.value as { token: string }).token);
  if (!r.ok) throw new Error(r.error.message.en);
}

test('a price that changed after the quote is shown again and sold only when confirmed', async ({ page }) => {
  await login(page, under.shahn.url);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await findMeter(page, meter);
  await page.getByTestId('amount-input').fill('1000');
  await page.getByTestId('tendered-input').fill('1000');
  const panel = page.getByTestId('quote-panel');
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('quote-change')).toBeVisible();
  const seenEnergy = await page.getByTestId('quote-energy').innerText();
  const seenCharged = await shownNumber(page, 'quote-charged');

  await newTariffVersion();
  await page.getByTestId('confirm-sale').click();

  // Refused, nothing written; the new quote is on screen with the reason, in Arabic.
  await expect(page.getByTestId('price-changed')).toBeVisible();
  await expect(page.getByTestId('error-message')).toContainText('تغيّر السعر');
  await expect(page.getByTestId('error-message')).toContainText('أكّد السعر الجديد');
  await expect(page.getByTestId('quote-energy')).not.toHaveText(seenEnergy);
  await expect(page.getByTestId('confirm-sale')).toContainText('أكّد السعر الجديد');
  expect(salesOf()).toBe(0);
  const newCharged = await shownNumber(page, 'quote-charged');
  expect(newCharged).not.toBe(seenCharged);
  await page.screenshot({ path: '/tmp/price-changed-ar.png' });

  // The cashier confirms the new price (F9): sold at exactly what the screen showed.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  const row = under.shahn.app.db.read.prepare('SELECT charged_minor, quote_json FROM sales WHERE meter_number = ?').get(meter) as { charged_minor: number; quote_json: string };
  expect(row.charged_minor).toBe(newCharged);
  expect(JSON.parse(row.quote_json).tariff).toMatchObject({ pricePerKwh: '250', periodName: { en: 'All day' } });
  expect(salesOf()).toBe(1);
});
