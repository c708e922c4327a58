// The Pending screen (cashier) and the Dead letters screen (supervisor), through the real screens:
// a money credit sold while the Acrel cloud is away waits in Pending and leaves it after Sync now;
// credits the cloud refuses for good become dead letters a supervisor resolves (with a note) or
// sends again; 'Back up now' says where the copy went.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Simulators } from '../sim';
import { login as loginAs, NO_RETRIES, sell, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { DEMO_ACREL_METERS } from '../sim/demo-data';

let under: ShahnUnderTest;
let sims: Simulators;
let shahn: ShahnUnderTest['shahn'];

test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'sync-screens', env: NO_RETRIES, settings: { vending: { mode: 'vendor', offlineLimitMinor: 1_000_000, saleDeadlineMs: 3_000 } } });
  ({ sims, shahn } = under);
});

test.afterAll(async () => under?.close());

const login = (page: Page, username: string, pin: string) => loginAs(page, shahn.url, username, pin);

const acrel = DEMO_ACREL_METERS[0]!.number;

test('cashier: a money credit waits in Pending while the cloud is away and leaves after Sync now', async ({ page }) => {
  await login(page, 'cashier', '1111');
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true', { timeout: 15_000 });

  await sims.acrel.setFaults({ offline: true });
  const receiptNo = await sell(page, acrel, '2000');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'pending');

  // The top bar's pending count opens the list.
  await page.getByTestId('sync-pending-open').click();
  const row = page.locator(`[data-testid="pending-row"][data-receipt-no="${receiptNo}"]`);
  await expect(page.getByTestId('pending-list')).toBeVisible();
  await expect(row).toBeVisible();
  await expect(row).toContainText(acrel);
  const customer = shahn.app.db.read.prepare('SELECT c.name FROM meters m JOIN customers c ON c.id = m.customer_id WHERE m.number = ?').get(acrel) as { name: string };
  await expect(row).toContainText(customer.name);
  await expect(page.getByTestId('pending-empty')).toHaveCount(0);

  // A reprint from the list (the receipt already came out: a copy).
  sims.printer.clear();
  await row.getByTestId('pending-reprint').click();
  await expect(row.getByTestId('pending-reprint-result')).toBeVisible();
  await sims.printer.waitForJobs(1, 10_000);

  // The cloud is back: Sync now, and the sale leaves the list.
  await sims.acrel.setFaults({});
  await page.getByTestId('sync-now').click();
  await expect(row).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('pending-empty')).toBeVisible();
  const sale = shahn.app.db.read.prepare('SELECT id, status FROM sales WHERE receipt_no = ?').get(receiptNo) as { id: string; status: string };
  expect(sale.status).toBe('issued');
  expect(sims.acrel.rechargesByKey.get(sale.id)).toBeTruthy();
});

test('supervisor: refused credits are dead letters; a retry never credits a refunded sale; resolved with a note; backup now', async ({ page }) => {
  await login(page, 'supervisor', '2222');
  const refuseNext = () => sims.acrel.setFaults({ failNext: { status: 422 } });

  // Two credits the cloud refuses for good (a 4xx with the protocol's error body).
  const first = await sell(page, acrel, '1000', refuseNext);
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'failed');
  await page.getByTestId('new-sale').click();
  const second = await sell(page, acrel, '1500', refuseNext);
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'failed');

  await page.getByTestId('nav-deadLetters').click();
  await expect(page.getByTestId('dead-letters-list')).toBeVisible();
  const rowOf = (receiptNo: number) => page.locator(`[data-testid="dead-letter-row"][data-receipt-no="${receiptNo}"]`);
  await expect(rowOf(first)).toBeVisible();
  await expect(rowOf(first)).toHaveAttribute('data-topic', 'acrel.recharge');
  await expect(rowOf(first)).toContainText(acrel);
  await expect(rowOf(first).getByTestId('dead-letter-reason')).toContainText('HTTP_422');
  await expect(rowOf(second)).toBeVisible();

  // Resolve the first: the note is required; cancel first changes nothing.
  await rowOf(first).getByTestId('dead-letter-resolve').click();
  await expect(page.getByTestId('confirm-action')).toBeDisabled();
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('resolve-note')).toHaveCount(0);
  await rowOf(first).getByTestId('dead-letter-resolve').click();
  await page.getByTestId('resolve-note').fill('Customer refunded in cash, receipt kept.');
  await page.getByTestId('confirm-action').click();
  await expect(rowOf(first)).toHaveCount(0);
  const resolved = shahn.app.db.read.prepare(`SELECT o.resolution FROM outbox o JOIN sales s ON s.id = o.sale_id WHERE s.receipt_no = ? AND o.topic = 'acrel.recharge'`).get(first) as { resolution: string };
  expect(resolved.resolution).toBe('Customer refunded in cash, receipt kept.');

  // Send the second again: its sale failed and the money went back to the customer, so the credit
  // is refused again (SALE_FAILED) rather than given away; the sale stays failed.
  await rowOf(second).getByTestId('dead-letter-retry').click();
  await page.getByTestId('confirm-action').click();
  const deadCode = () => (shahn.app.db.read.prepare(`SELECT o.dead_code AS c FROM outbox o JOIN sales s ON s.id = o.sale_id WHERE s.receipt_no = ? AND o.topic = 'acrel.recharge'`).get(second) as { c: string | null }).c;
  await expect.poll(deadCode, { timeout: 15_000 }).toBe('SALE_FAILED');
  expect((shahn.app.db.read.prepare('SELECT status FROM sales WHERE receipt_no = ?').get(second) as { status: string }).status).toBe('failed');
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('nav-deadLetters').click();
  await expect(rowOf(second).getByTestId('dead-letter-reason')).toContainText('SALE_FAILED');
  await rowOf(second).getByTestId('dead-letter-resolve').click();
  await page.getByTestId('resolve-note').fill('Customer refunded; no credit sent.');
  await page.getByTestId('confirm-action').click();
  await expect(page.getByTestId('dead-letters-empty')).toBeVisible();

  // Back up now: the screen says where the copy went, and it is there.
  await page.getByTestId('backup-now').click();
  const result = page.getByTestId('backup-result');
  await expect(result).toBeVisible({ timeout: 20_000 });
  const file = (await result.locator('.sync-path').innerText()).trim();
  expect(fs.existsSync(file)).toBe(true);
});
