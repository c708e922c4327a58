// Offline mid-shift, through the real screens: the network goes (every simulator offline), the
// cashier still sells an STS token (made on the counter) and a money credit (pending), the top bar
// shows offline and the pending count; the network comes back and the pending count drains to 0.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSimulators, type Simulators } from '../sim';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../sim/demo-data';
import { startBrowserShahn } from '../../scripts/start-browser';

let sims: Simulators;
let shahn: Awaited<ReturnType<typeof startBrowserShahn>>;

test.beforeAll(async () => {
  sims = await startSimulators();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-e2e-offline-'));
  shahn = await startBrowserShahn(
    {
      ...sims.env, SHAHN_DATA_DIR: dataDir, SHAHN_SEED_DEMO: '1', SHAHN_LOG_LEVEL: 'silent', SHAHN_PRINTER: `tcp://${sims.printer.host}:${sims.printer.port}`,
      STS_API_RETRY_ATTEMPTS: '0', ACREL_API_RETRY_ATTEMPTS: '0', HEAD_OFFICE_RETRY_ATTEMPTS: '0',
    },
    0,
    { validateOutputs: true, outbox: { baseDelayMs: 50, maxDelayMs: 500, idleProbeMs: 300 }, vending: { mode: 'vendor', offlineLimitMinor: 1_000_000, saleDeadlineMs: 3_000 } },
  );
});
test.afterAll(async () => {
  await shahn?.close();
  await sims?.close();
});

async function sell(page: Page, meter: string, amount: string) {
  await page.getByTestId('meter-input').fill(meter);
  await page.getByTestId('meter-input').press('Enter');
  await expect(page.getByTestId('meter-card')).toContainText(meter);
  await page.getByTestId('amount-input').fill(amount);
  await expect(page.getByTestId('quote-panel')).toBeVisible();
  await page.getByTestId('tendered-input').fill(amount);
  await page.getByTestId('confirm-sale').click();
  await expect(page.getByTestId('sale-status')).toBeVisible();
}

const saleByReceipt = async (page: Page) => {
  const receiptNo = Number((await page.getByTestId('sale-receipt-no').innerText()).replace(/\D/g, ''));
  return shahn.app.db.read.prepare('SELECT id, status, token, token_source FROM sales WHERE receipt_no = ?').get(receiptNo) as { id: string; status: string; token: string | null; token_source: string | null };
};

test('offline mid-shift: both products sell, the pending count drains when the network returns', async ({ page }) => {
  await page.goto(shahn.url);
  await page.getByTestId('login-username').fill('cashier');
  await page.getByTestId('login-pin').fill('1111');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('meter-input')).toBeVisible();
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true', { timeout: 15_000 });

  // Mid-shift, the network goes.
  await Promise.all([sims.sts.setFaults({ offline: true }), sims.acrel.setFaults({ offline: true }), sims.headOffice.setFaults({ offline: true })]);
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });

  // STS: a token made on the counter, shown and loadable on the meter.
  const stsMeter = DEMO_STS_METERS[2]!.number;
  await sell(page, stsMeter, '1000');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  const token = (await page.getByTestId('sale-token').innerText()).replace(/\s/g, '');
  expect(token).toMatch(/^\d{20}$/);
  const stsSale = await saleByReceipt(page);
  expect(stsSale).toMatchObject({ token, token_source: 'local' });
  expect(sims.sts.meters.enterToken(stsMeter, token).accepted).toBe(true);

  // Money credit: pending, delivered later.
  await page.getByTestId('new-sale').click();
  await sell(page, DEMO_ACREL_METERS[0]!.number, '2000');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'pending');
  const acrelSale = await saleByReceipt(page);
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
