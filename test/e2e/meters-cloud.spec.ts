// The meter page's "in the meter's cloud" card through the real screens: the payment mode and the
// prepaid balance the cloud holds (STS in kWh, Acrel in money), the time-of-use read-back, a
// refusal shown beside its row, and sending prepaid mode to an STS cloud that holds another. In
// Arabic, right to left; the simulators on a frozen clock.
import { expect, test, type Page } from '@playwright/test';
import type { Simulators } from '../sim';
import { NO_RETRIES, openMeterPage, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../sim/demo-data';

const STS = DEMO_STS_METERS[1]!.number;
const TOKENS_ONLY = DEMO_STS_METERS.find((m) => m.connection === 'none')!.number;
const ACREL = DEMO_ACREL_METERS[0]!.number;
let under: ShahnUnderTest;
let sims: Simulators;

test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'meters-cloud', sims: { frozen: true }, env: NO_RETRIES });
  ({ sims } = under);
});
test.afterAll(async () => under?.close());

const open = (page: Page, meter: string) => openMeterPage(page, under.shahn.url, meter);
const card = (page: Page) => page.getByTestId('meter-cloud-card');

test('an STS meter: the cloud\'s payment mode and prepaid balance in kWh, and its schedule read back', async ({ page }) => {
  await open(page, STS);
  await expect(card(page).getByTestId('cloud-mode').locator('[data-mode]')).toHaveAttribute('data-mode', 'prepaid');
  await expect(card(page).getByTestId('cloud-prepaid').locator('bdi')).toHaveAttribute('data-tenths', String(sims.sts.meters.balanceTenths(STS)));
  await expect(card(page).getByTestId('cloud-prepaid')).toContainText('ك.و.س');
  // Never pushed: the meter holds no schedule, and the card says what is missing.
  await expect(card(page).getByTestId('cloud-schedule').locator('[data-agree]')).toHaveAttribute('data-agree', 'false');
  await expect(card(page).getByTestId('cloud-schedule')).toContainText('ينقص العداد');
});

test('an STS cloud holding postpaid: the supervisor sends prepaid again, and the card shows it taken', async ({ page }) => {
  sims.sts.meters.state(STS).mode = 'postpaid';
  await open(page, STS);
  await expect(card(page).getByTestId('cloud-mode').locator('[data-mode]')).toHaveAttribute('data-mode', 'postpaid');
  await expect(page.getByTestId('cloud-mode-differs')).toBeVisible();
  await page.getByTestId('cloud-send-mode').click();
  await expect(page.getByTestId('credit-dialog')).toContainText(STS);
  await expect(page.getByTestId('credit-dialog')).toContainText('ستُرسل الطريقة إلى المنصة مرة أخرى');
  await page.getByTestId('credit-confirm').click();
  await expect(card(page).getByTestId('cloud-mode').locator('[data-mode]')).toHaveAttribute('data-mode', 'prepaid');
  await expect(page.getByTestId('cloud-mode-differs')).toHaveCount(0);
  expect(sims.sts.meters.state(STS).mode).toBe('prepaid');
});

test('an Acrel meter: the prepaid balance in money', async ({ page }) => {
  await open(page, ACREL);
  await expect(card(page).getByTestId('cloud-mode').locator('[data-mode]')).toHaveAttribute('data-mode', 'prepaid');
  await expect(card(page).getByTestId('cloud-prepaid').locator('bdi')).toHaveAttribute('data-minor', String(sims.acrel.meters.balanceMinor(ACREL)));
});

test('a tokens-only STS meter: the cloud\'s refusal is shown beside each row', async ({ page }) => {
  await open(page, TOKENS_ONLY);
  await expect(card(page).getByTestId('cloud-prepaid').getByTestId('error-message')).toContainText('METER_NOT_CONNECTED');
  await expect(card(page).getByTestId('cloud-mode').getByTestId('error-message')).toBeVisible();
});
