// The supervisor's "payment mode and credit" card through the real screens: the browser host
// serving the built renderer, the real core, the simulators on a frozen clock. In Arabic, right
// to left. An Acrel meter goes to credit mode, owes money, and a cashier's payment on it then
// settles the debt (no token, no energy).
import { expect, test, type Page } from '@playwright/test';
import type { Simulators } from '../sim';
import { login as loginAs, NO_RETRIES, openMeterPage as openMeterPageOf, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { DEMO_ACREL_METERS } from '../sim/demo-data';

const METER = DEMO_ACREL_METERS[0]!.number; // 202400000001, prepaid, 2,500 on the meter
let under: ShahnUnderTest;
let sims: Simulators;
let shahn: ShahnUnderTest['shahn'];

test.beforeAll(async () => {
  under = await startShahnUnderTest({
    name: 'meters-credit',
    sims: { frozen: true },
    prepare: (s) => s.acrel.world.setLink(METER, { online: true, signal: 80 }),
    env: NO_RETRIES,
  });
  ({ sims, shahn } = under);
});
test.afterAll(async () => under?.close());

const login = (page: Page, username: string, pin: string) => loginAs(page, shahn.url, username, pin);
const card = (page: Page) => page.getByTestId('meter-credit-card');
const dialog = (page: Page) => page.getByTestId('credit-dialog');

const openMeterPage = (page: Page) => openMeterPageOf(page, shahn.url, METER);

test('supervisor: credit mode with a limit, a debt adjustment; then a cashier payment is a settlement', async ({ page }) => {
  await openMeterPage(page);
  await expect(page.getByTestId('meter-mode')).toHaveAttribute('data-mode', 'prepaid');
  await expect(card(page).getByTestId('credit-agree')).toBeVisible(); // the cloud was asked and agrees
  await expect(page.getByTestId('meter-debt')).toHaveAttribute('data-minor', '0');

  // Credit mode needs a limit: refused in the dialog, nothing sent.
  await page.getByTestId('change-mode').click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText(METER);
  await page.getByTestId('credit-mode-credit').check({ force: true });
  await page.getByTestId('credit-limit-input').fill('');
  await page.getByTestId('credit-confirm').click();
  await expect(dialog(page).getByTestId('error-message')).toContainText('حد الائتمان');
  expect(sims.acrel.meters.paymentMode(METER)).toBe('prepaid');

  // The meter's cloud is unreachable for now: the change is made at the counter and its command waits.
  await sims.acrel.setFaults({ offline: true });
  await page.getByTestId('credit-limit-input').fill('10000');
  await page.getByTestId('credit-deposit-input').fill('٢٠٠٠'); // Arabic-Indic digits are read exactly
  await page.getByTestId('credit-confirm').click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByTestId('meter-mode')).toHaveAttribute('data-mode', 'credit');
  await expect(page.getByTestId('meter-credit-limit')).toHaveAttribute('data-minor', '10000');
  await expect(page.getByTestId('meter-credit-limit')).toContainText('10,000');
  await expect(page.getByTestId('meters-panel')).toContainText('2,000'); // the deposit

  // The set_credit_limit command is shown on the card until the meter's cloud has it; meanwhile
  // the card says why the cloud's values are missing.
  const command = card(page).locator('[data-testid="credit-command"][data-kind="set_credit_limit"]');
  await expect(command).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('credit-cloud-note')).toContainText('تعذر الوصول', { timeout: 15_000 });
  expect(sims.acrel.meters.paymentMode(METER)).toBe('prepaid');
  await sims.acrel.setFaults({});
  sims.clock.advance(5_000);
  await expect(command).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(command).toContainText('ضبط حد الائتمان');
  await expect(page.getByTestId('command-status')).toHaveAttribute('data-status', 'done'); // the Commands card followed it too
  expect(sims.acrel.meters.paymentMode(METER)).toBe('credit');
  expect(sims.acrel.meters.state(METER).creditLimit).toBe(10_000);
  await expect(card(page).getByTestId('credit-agree')).toBeVisible({ timeout: 15_000 });
  await expect(card(page).locator('[data-testid="credit-command"][data-status="waiting"]')).toHaveCount(0);

  // Adjust the debt: the reason is required; the change is audited.
  await page.getByTestId('adjust-debt').click();
  await expect(dialog(page)).toContainText(METER);
  await page.getByTestId('credit-amount-input').fill('3000');
  await page.getByTestId('credit-confirm').click();
  await expect(dialog(page).getByTestId('error-message')).toBeVisible();
  await page.getByTestId('credit-reason').fill('استهلاك على الائتمان لشهر نوفمبر');
  await expect(page.getByTestId('credit-debt-preview')).toContainText('3,000');
  await page.getByTestId('credit-confirm').click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByTestId('meter-debt')).toHaveAttribute('data-minor', '3000');
  await expect(page.getByTestId('meter-credit-available')).toContainText('7,000');
  // The cloud knows nothing of a debt recorded at the counter: the card says so, line by line.
  await expect(page.getByTestId('credit-disagreements')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('credit-disagreements')).toContainText('الائتمان المستخدم');
  const audit = shahn.app.db.read.prepare(`SELECT details AS d FROM audit_log WHERE action = 'meter.debt' AND entity_id = ?`).all(METER) as { d: string }[];
  expect(audit.map((r) => JSON.parse(r.d) as unknown)).toEqual([{ before: 0, after: 3_000, reason: 'استهلاك على الائتمان لشهر نوفمبر', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);

  // A cashier's money payment on that meter settles the debt: issued, no token.
  await page.getByTestId('logout').click();
  await login(page, 'cashier', '1111');
  await page.getByTestId('meter-input').fill(METER);
  await page.getByTestId('meter-input').press('Enter');
  await expect(page.getByTestId('meter-card')).toContainText(METER);
  await page.getByTestId('amount-input').fill('1000');
  await expect(page.getByTestId('quote-panel')).toHaveAttribute('data-product', 'settlement');
  await page.getByTestId('tendered-input').fill('1000');
  await expect(page.getByTestId('quote-change')).toBeVisible();
  await page.getByTestId('confirm-sale').click();
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  await expect(page.getByTestId('sale-token')).toHaveCount(0);
  await expect(page.getByTestId('sale-debt-after')).toContainText('2,000');
  const row = shahn.app.db.read.prepare(`SELECT product, token, status FROM sales WHERE meter_number = ?`).get(METER);
  expect(row).toEqual({ product: 'settlement', token: null, status: 'issued' });
});
