// Issue 12, item 11: vend by kWh on the sell screen. For a prepaid STS meter the cashier switches
// the amount field to kWh (F2 or the by-money / by-kWh switch), types the energy with one decimal
// place, sees what it costs (charged, tendered, change) and sells. The database must hold exactly
// the energy asked for, and the money on screen must be the money stored.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../sim/demo-data';
import { findMeter, login, shownNumber, startShahnUnderTest, type ShahnUnderTest } from './kit';

let under: ShahnUnderTest;
test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'sell-by-kwh' });
});
test.afterAll(async () => under?.close());

interface Row { energy_tenths: number; charged_minor: number; tendered_minor: number; change_minor: number; status: string; quote_json: string }
const saleRow = (receiptNo: number) => under.shahn.app.db.read
  .prepare('SELECT energy_tenths, charged_minor, tendered_minor, change_minor, status, quote_json FROM sales WHERE receipt_no = ?').get(receiptNo) as Row;

/** The quote on screen once it answers what is typed now: the energy and the money received. */
async function settledQuote(page: Page, kwh: string, tendered?: number) {
  await expect(page.getByTestId('quote-energy')).toHaveText(new RegExp(`^${kwh.replace('.', '\\.')}\\b`));
  if (tendered !== undefined) await expect.poll(() => shownNumber(page, 'quote-tendered')).toBe(tendered);
  await expect(page.getByTestId('quote-panel')).toHaveAttribute('aria-busy', 'false');
  return { charged: await shownNumber(page, 'quote-charged'), tendered: await shownNumber(page, 'quote-tendered'), change: await shownNumber(page, 'quote-change') };
}

test('sells an STS token by kWh, from the keyboard in Arabic and with the switch in English', async ({ page }) => {
  await login(page, under.shahn.url);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // Arabic, keyboard only: the meter, F2 to sell by kWh, the energy, Enter, the money, Enter.
  await findMeter(page, DEMO_STS_METERS[0]!.number);
  await expect(page.getByTestId('amount-input')).toBeFocused();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('vend-by-energy')).toBeChecked();
  const energy = page.getByTestId('energy-input');
  await expect(energy).toBeFocused();
  // Bad energy is refused next to the field, in the cashier's language.
  await energy.fill('12.55');
  await expect(page.getByTestId('error-message')).toContainText('خانة عشرية واحدة');
  await energy.fill('0');
  await expect(page.getByTestId('error-message')).toContainText('0.1');
  await energy.fill('');
  await page.keyboard.type('12.5');
  await settledQuote(page, '12.5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.type('5000');
  let shown = await settledQuote(page, '12.5', 5000);
  expect(shown.change).toBe(5000 - shown.charged);
  await expect(page.getByTestId('quote-cost')).toHaveText(await page.getByTestId('quote-charged').innerText());
  await page.screenshot({ path: '/tmp/sell-by-kwh-ar.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  let row = saleRow(await shownNumber(page, 'sale-receipt-no'));
  expect(row).toMatchObject({ energy_tenths: 125, charged_minor: shown.charged, tendered_minor: 5000, change_minor: shown.change });
  expect(JSON.parse(row.quote_json)).toMatchObject({ requestedEnergyTenths: 125 });

  // English, the switch clicked, the money left empty (the exact amount).
  await page.getByTestId('new-sale').click();
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await findMeter(page, DEMO_STS_METERS[1]!.number);
  await expect(page.getByTestId('vend-by-money')).toBeChecked(); // a new sale starts by money
  await page.getByTestId('vend-by-energy').check({ force: true });
  await page.getByTestId('energy-input').fill('7.3');
  shown = await settledQuote(page, '7.3');
  expect(shown.change).toBe(0);
  await page.screenshot({ path: '/tmp/sell-by-kwh-en.png' });
  await page.keyboard.press('F9');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  row = saleRow(await shownNumber(page, 'sale-receipt-no'));
  expect(row).toMatchObject({ energy_tenths: 73, charged_minor: shown.charged, tendered_minor: shown.charged, change_minor: 0 });

  // A cloud meter is sold by money only: no switch.
  await page.getByTestId('new-sale').click();
  await findMeter(page, DEMO_ACREL_METERS[0]!.number);
  await expect(page.getByTestId('amount-input')).toBeVisible();
  await expect(page.getByTestId('vend-by-energy')).toHaveCount(0);
});
