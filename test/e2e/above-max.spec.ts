// A purchase above the maximum at the till: the cashier is offered the supervisor's approval,
// the supervisor types their PIN on the cashier's screen, the sale goes through once.
import { expect, test } from '@playwright/test';
import { DEMO_ACREL_METERS } from '../sim/demo-data';
import { findMeter, login, startShahnUnderTest, type ShahnUnderTest } from './kit';

let under: ShahnUnderTest;
test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'above-max' });
});
test.afterAll(async () => under?.close());

test('a cashier sells above the maximum with a supervisor approval', async ({ page }) => {
  await login(page, under.shahn.url);
  const meter = DEMO_ACREL_METERS[1]!.number;
  await findMeter(page, meter);
  await page.getByTestId('amount-input').fill('600000'); // the tariff's maximum is 500 000
  await expect(page.getByTestId('error-message')).toContainText(/500,000|500000/);
  await page.getByTestId('confirm-sale').click();
  await expect(page.getByTestId('approval-dialog')).toBeVisible();
  await page.getByTestId('approval-username').fill('supervisor');
  await page.getByTestId('approval-pin').fill('2222');
  await page.getByTestId('approval-submit').click();
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  const row = under.shahn.app.db.read.prepare('SELECT amount_minor FROM sales WHERE meter_number = ?').get(meter) as { amount_minor: number };
  expect(row.amount_minor).toBe(600_000);
});
