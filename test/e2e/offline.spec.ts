// Offline mid-shift, through the real screens: the network goes (every simulator offline), the
// cashier still sells an STS token (made on the counter) and a money credit (pending), the top bar
// shows offline and the pending count; the network comes back and the pending count drains to 0.
import { expect, test } from '@playwright/test';
import type { Simulators } from '../sim';
import { login as loginAs, NO_RETRIES, sell, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../sim/demo-data';

let under: ShahnUnderTest;
let sims: Simulators;
let shahn: ShahnUnderTest['shahn'];

test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'offline', env: NO_RETRIES, settings: { vending: { mode: 'vendor', offlineLimitMinor: 1_000_000, saleDeadlineMs: 3_000 } } });
  ({ sims, shahn } = under);
});

test.afterAll(async () => under?.close());

const saleByReceipt = (receiptNo: number) =>
  shahn.app.db.read.prepare('SELECT id, status, token, token_source FROM sales WHERE receipt_no = ?').get(receiptNo) as { id: string; status: string; token: string | null; token_source: string | null };

test('offline mid-shift: both products sell, the pending count drains when the network returns', async ({ page }) => {
  await loginAs(page, shahn.url);
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true', { timeout: 15_000 });

  // Mid-shift, the network goes.
  await Promise.all([sims.sts.setFaults({ offline: true }), sims.acrel.setFaults({ offline: true }), sims.headOffice.setFaults({ offline: true })]);
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });

  // STS: a token made on the counter, shown and loadable on the meter.
  const stsMeter = DEMO_STS_METERS[2]!.number;
  const stsReceipt = await sell(page, stsMeter, '1000');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  const token = (await page.getByTestId('sale-token').innerText()).replace(/\s/g, '');
  expect(token).toMatch(/^\d{20}$/);
  const stsSale = saleByReceipt(stsReceipt);
  expect(stsSale).toMatchObject({ token, token_source: 'local' });
  expect(sims.sts.meters.enterToken(stsMeter, token).accepted).toBe(true);

  // Money credit: pending, delivered later.
  await page.getByTestId('new-sale').click();
  const acrelReceipt = await sell(page, DEMO_ACREL_METERS[0]!.number, '2000');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'pending');
  const acrelSale = saleByReceipt(acrelReceipt);
  await expect(page.getByTestId('sync-pending')).not.toHaveText(/^[0٠]$/, { timeout: 10_000 });

  // The network comes back: online, the recharge is delivered, the pending count drains to zero.
  await Promise.all([sims.sts.setFaults({}), sims.acrel.setFaults({}), sims.headOffice.setFaults({})]);
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('sync-pending')).toHaveText(/^[0٠]$/, { timeout: 30_000 });
  expect(sims.acrel.rechargesByKey.get(acrelSale.id)).toBeTruthy();
  expect(sims.headOffice.receivedCount(stsSale.id)).toBe(1);
  expect(sims.headOffice.sale(stsSale.id)?.sale.tokenSource).toBe('local');
  expect(sims.headOffice.sale(acrelSale.id)?.sale.status).toBe('issued');
});
