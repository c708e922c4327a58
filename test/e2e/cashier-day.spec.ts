// A cashier's whole day through the real screens (issue 8): open a shift with a float, 20 mixed
// sales (STS and Acrel, cash and card) with an offline stretch of the Acrel cloud, a second copy
// of an earlier receipt approved by a supervisor in the ApprovalDialog, then close the shift with
// a blind count. The Z report on screen must equal sums computed from the database.
import { expect, test, type Page } from '@playwright/test';
import { findMeter, login, NO_RETRIES, shownNumber as digits, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../sim/demo-data';
import { writeSetting } from '../../db/repos/settings';

let under: ShahnUnderTest;

test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'cashier-day', env: { ...NO_RETRIES, SHAHN_SALE_DEADLINE_MS: '3000' } });
  // The demo seed lets the first sale open a shift; a real counter requires one (the default).
  writeSetting(under.shahn.app.db.write, 'shifts', { requireShift: true }, new Date().toISOString());
});
test.afterAll(async () => under?.close());

async function sell(page: Page, meter: string, amount: string, method: 'cash' | 'card', status?: string) {
  await findMeter(page, meter);
  await page.getByTestId('amount-input').fill(amount);
  await expect(page.getByTestId('quote-panel')).toBeVisible();
  await page.getByTestId(`method-${method}`).check({ force: true });
  if (method === 'cash') await page.getByTestId('tendered-input').fill(String(Number(amount) + 500));
  await page.keyboard.press('F9');
  await expect(page.getByTestId('sale-status')).toBeVisible();
  if (status) await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', status);
  const receiptNo = await digits(page, 'sale-receipt-no');
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('meter-input')).toHaveValue('');
  return receiptNo;
}

test('a whole day: shift, 20 sales, offline stretch, approved reprint, Z report = database', async ({ page }) => {
  test.setTimeout(90_000);
  const { shahn, sims } = under;
  const db = shahn.app.db.read;

  // Login -> the counter asks for the float before the sell screen.
  await page.goto(shahn.url);
  await page.getByTestId('login-username').fill('cashier');
  await page.getByTestId('login-pin').fill('1111');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('open-shift')).toBeVisible();
  await page.getByTestId('keypad-5').click();
  for (let i = 0; i < 4; i++) await page.getByTestId('keypad-0').click();
  await expect(page.getByTestId('float-input')).toHaveValue('50000');
  await page.getByTestId('open-shift-submit').click();
  await expect(page.getByTestId('meter-input')).toBeVisible();

  const sts = DEMO_STS_METERS.slice(0, 3).map((m) => m.number);
  const acrel = DEMO_ACREL_METERS.filter((m) => m.paymentMode === 'prepaid').map((m) => m.number);
  const receipts: number[] = [];
  for (let i = 0; i < 16; i++) {
    const meter = i % 3 === 2 ? acrel[i % acrel.length]! : sts[i % sts.length]!;
    receipts.push(await sell(page, meter, String(1000 + 250 * i), i % 4 === 3 ? 'card' : 'cash', 'issued'));
  }
  // The Acrel cloud goes away: the credit is taken and waits (pending), then is delivered.
  await sims.acrel.setFaults({ offline: true });
  receipts.push(await sell(page, acrel[0]!, '3000', 'cash', 'pending'));
  receipts.push(await sell(page, acrel[1]!, '2500', 'card', 'pending'));
  receipts.push(await sell(page, sts[0]!, '1500', 'cash', 'issued'));
  await sims.acrel.setFaults({ offline: false });
  receipts.push(await sell(page, sts[1]!, '4000', 'cash', 'issued'));
  expect(receipts).toHaveLength(20);
  await expect(page.getByTestId('sync-pending')).toHaveText(/^[0٠]$/, { timeout: 30_000 });

  // The first receipt again from History: one copy is the cashier's, the next needs a supervisor.
  await page.getByTestId('nav-history').click();
  // Whose sales is a supervisor's filter: the list of users is not the cashier's to read.
  await expect(page.getByTestId('history-status')).toBeVisible();
  await expect(page.getByTestId('history-cashier')).toHaveCount(0);
  await page.getByTestId('history-receipt').fill(String(receipts[0]));
  await page.getByTestId('history-search').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.getByTestId('history-row').click();
  await expect(page.getByTestId('history-detail')).toHaveAttribute('data-receipt-no', String(receipts[0]));
  await page.getByTestId('history-reprint').click();
  await expect(page.getByTestId('history-reprint-result')).toBeVisible();
  await page.getByTestId('history-reprint').click();
  await expect(page.getByTestId('approval-dialog')).toBeVisible();
  await page.getByTestId('approval-username').fill('supervisor');
  await page.getByTestId('approval-pin').fill('2222');
  await page.getByTestId('approval-submit').click();
  await expect(page.getByTestId('approval-dialog')).toBeHidden();
  await expect(page.getByTestId('history-reprint-result')).toBeVisible();
  const saleId = (db.prepare('SELECT id FROM sales WHERE receipt_no = ?').get(receipts[0]) as { id: string }).id;
  expect((db.prepare('SELECT COUNT(*) AS n FROM print_jobs WHERE sale_id = ? AND copy = 1').get(saleId) as { n: number }).n).toBe(2);
  expect((db.prepare('SELECT COUNT(*) AS n FROM approvals WHERE used_for = ?').get(saleId) as { n: number }).n).toBe(1);

  // X report, then close with a blind count (no expected cash on screen for the cashier).
  await page.getByTestId('nav-shift').click();
  await expect(page.getByTestId('shift-x-report')).toBeVisible();
  await expect(page.getByTestId('x-expected')).toHaveCount(0);
  await expect(page.getByTestId('report-sales-count')).toHaveText('20');
  await page.getByTestId('close-shift').click();
  const shift = db.prepare(`SELECT id, float_minor FROM shifts WHERE status = 'open'`).get() as { id: number; float_minor: number };
  const live = `shift_id = ${shift.id} AND status <> 'failed'`;
  const sum = db.prepare(`SELECT COUNT(*) AS n, SUM(charged_minor) AS charged, COUNT(token) AS tokens,
      COALESCE(SUM(CASE WHEN product = 'sts_kwh' THEN energy_tenths END), 0) AS energy,
      COALESCE(SUM(CASE WHEN product = 'acrel_credit' THEN value_minor END), 0) AS credit,
      COALESCE(SUM(CASE WHEN payment_method = 'cash' THEN charged_minor END), 0) AS cash FROM sales WHERE ${live}`).get() as Record<string, number>;
  const expected = shift.float_minor + sum.cash!;
  const counted = expected - 700;
  await page.getByTestId('counted-input').fill(String(counted));
  await page.getByTestId('close-shift-submit').click();

  const z = page.getByTestId('z-report');
  await expect(z).toBeVisible();
  const zNo = Number(await z.getAttribute('data-z-no'));
  expect(zNo).toBeGreaterThan(0);
  expect(shift.float_minor).toBe(50_000);
  expect(sum.n).toBe(20);
  expect(db.prepare(`SELECT payment_method AS m, COUNT(*) AS n FROM sales WHERE ${live} GROUP BY 1 ORDER BY 1`).all()).toEqual([{ m: 'card', n: 5 }, { m: 'cash', n: 15 }]);
  expect(db.prepare(`SELECT COUNT(*) AS n FROM sales WHERE ${live} AND status = 'issued'`).get()).toEqual({ n: 20 });
  expect(await digits(page, 'report-sales-count')).toBe(sum.n);
  expect(await digits(page, 'report-charged')).toBe(sum.charged);
  expect(await digits(page, 'report-tokens')).toBe(sum.tokens);
  expect(await digits(page, 'report-energy')).toBe(sum.energy);
  expect(await digits(page, 'report-credit')).toBe(sum.credit);
  expect(await digits(page, 'z-expected')).toBe(expected);
  expect(await digits(page, 'z-counted')).toBe(counted);
  await expect(page.getByTestId('z-variance')).toHaveAttribute('data-minor', '-700');
  expect(await digits(page, 'z-variance')).toBe(700);
  await expect(page.getByTestId('z-variance')).toContainText('−');
  const row = db.prepare('SELECT expected_cash_minor AS e, counted_cash_minor AS c, variance_minor AS v, charged_minor AS ch FROM z_reports WHERE z_no = ?').get(zNo);
  expect(row).toEqual({ e: expected, c: counted, v: -700, ch: sum.charged });

  // The CSV downloads as a file; Print again prints a copy.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('z-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await page.getByTestId('z-print').click();
  await expect(page.getByTestId('z-report').getByRole('status')).toBeVisible();

  // The next sale asks for a new shift.
  await page.getByTestId('z-done').click();
  await expect(page.getByTestId('open-shift')).toBeVisible();
});

test("the day's history: a supervisor filters by cashier and pages with the cursor, by button and by keyboard", async ({ page }) => {
  const db = under.shahn.app.db.read;
  const idOf = (username: string) => (db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;
  const cashierId = idOf('cashier');
  // The cashier's sales as the screen orders them, newest first (the first test sold 20 of them).
  const theirs = (db.prepare('SELECT receipt_no AS n FROM sales WHERE user_id = ? ORDER BY created_at DESC, receipt_no DESC').all(cashierId) as { n: number }[]).map((r) => r.n);
  expect(theirs.length).toBeGreaterThan(15);
  const shown = () => page.getByTestId('history-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-receipt-no'))));

  await login(page, under.shahn.url, 'supervisor', '2222');
  await page.getByTestId('nav-history').click();
  await page.getByTestId('history-cashier').selectOption(String(cashierId));
  await page.getByTestId('history-search').click();
  await expect.poll(shown).toEqual(theirs.slice(0, 15));
  await expect(page.getByTestId('history-range')).toHaveAttribute('data-total', String(theirs.length));
  await expect(page.getByTestId('history-prev')).toBeDisabled();

  // Older: the page after the last row shown, not an offset.
  await page.getByTestId('history-next').click();
  await expect.poll(shown).toEqual(theirs.slice(15, 30));
  if (theirs.length <= 30) await expect(page.getByTestId('history-next')).toBeDisabled();
  await expect(page.getByTestId('history-prev')).toBeEnabled();
  // PageUp / PageDown move between the same pages.
  await page.keyboard.press('PageUp');
  await expect.poll(shown).toEqual(theirs.slice(0, 15));
  await page.keyboard.press('PageDown');
  await expect.poll(shown).toEqual(theirs.slice(15, 30));

  // Nobody else sold today: the supervisor's own sales are none.
  await page.getByTestId('history-cashier').selectOption(String(idOf('supervisor')));
  await page.getByTestId('history-search').click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
});
