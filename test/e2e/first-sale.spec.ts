// The first sale of each product through the real screens: the browser host serving the built
// renderer, the real core, the simulators. Waits on what the page shows, never on sleeps.
import { expect, test, type Page } from '@playwright/test';
import type { Simulators } from '../sim';
import { login as loginAs, sell as sellFor, shownNumber, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../sim/demo-data';
import { decodeEscPos, textLines } from '../helpers/escpos-decode';

let under: ShahnUnderTest;
let sims: Simulators;
let shahn: ShahnUnderTest['shahn'];

test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'first-sale' });
  ({ sims, shahn } = under);
});

test.afterAll(async () => under?.close());

const login = (page: Page) => loginAs(page, shahn.url);

/** The change (none) is shown before the sale is confirmed. */
const sell = (page: Page, meter: string, amount: string) => sellFor(page, meter, amount, () => expect(page.getByTestId('quote-change')).toBeVisible());

const printedDigits = (job: Buffer) => textLines(decodeEscPos(job)).map((l) => l.text).join('').replace(/\D/g, '');

test('sells an STS token and an Acrel credit, end to end, in Arabic', async ({ page }) => {
  await login(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // STS: the token on screen = the token in the database = the token in the printer's bytes.
  sims.printer.clear();
  await sell(page, DEMO_STS_METERS[0]!.number, '1000');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  const onScreen = (await page.getByTestId('sale-token').innerText()).replace(/\s/g, '');
  expect(onScreen).toMatch(/^\d{20}$/);
  const receiptNo = await shownNumber(page, 'sale-receipt-no');
  const row = shahn.app.db.read.prepare('SELECT id, token FROM sales WHERE receipt_no = ?').get(receiptNo) as { id: string; token: string };
  expect(row.token).toBe(onScreen);
  const [job] = await sims.printer.waitForJobs(1, 10_000);
  expect(printedDigits(job!)).toContain(onScreen);

  // Acrel money credit.
  await page.getByTestId('new-sale').click();
  sims.printer.clear();
  const acrel = DEMO_ACREL_METERS[0]!.number;
  const before = sims.acrel.meters.balanceMinor(acrel);
  await sell(page, acrel, '5000');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  const acrelRow = shahn.app.db.read.prepare(`SELECT id, value_minor FROM sales WHERE meter_number = ?`).get(acrel) as { id: string; value_minor: number };
  expect(sims.acrel.meters.balanceMinor(acrel)).toBe(before + acrelRow.value_minor);
  await sims.printer.waitForJobs(1, 10_000);

  // Both sales reach the head office through the outbox, exactly once; the top bar drains.
  await expect(page.getByTestId('sync-pending')).toHaveText(/^[0٠]$/, { timeout: 20_000 });
  expect(sims.headOffice.receivedCount(row.id)).toBe(1);
  expect(sims.headOffice.receivedCount(acrelRow.id)).toBe(1);
});
