// A token sale through an XMLVend 2.1 server (the simulator, Hexing style) on the real screens:
// the server prices it, and for a meter whose key data the server changed, the sale shows and
// prints all of its tokens in the order they are entered — key change 1, key change 2, then the
// credit and free electricity tokens — exactly as the server sent them.
import { expect, test } from '@playwright/test';
import { login, sell, shownNumber, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { decodeEscPos, textLines } from '../helpers/escpos-decode';

const METER = '04000001026'; // registered for free basic electricity at the server

let under: ShahnUnderTest;
test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'sell-xmlvend', sims: { xmlvend: { style: 'hexing', serviceChargeMinor: 100, vatRateBp: 500 } } });
});
test.afterAll(async () => under?.close());

const printedDigits = (job: Buffer) => textLines(decodeEscPos(job)).map((l) => l.text).join('').replace(/\D/g, '');
const digits = async (el: import('@playwright/test').Locator) => (await el.innerText()).replace(/\s/g, '');

test('sells through the XMLVend server: key-change pair first, every token shown and printed in order', async ({ page }) => {
  const { sims, shahn } = under;
  const server = sims.xmlvend!;
  server.setFlags(METER, { keyChange: { krn: 2 } });
  await login(page, shahn.url);
  sims.printer.clear();
  await sell(page, METER, '5000', async () => {
    // The quote is the server's: its tariff, not the counter's period and price.
    await expect(page.getByTestId('quote-server-tariff')).toBeVisible();
  });
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');

  const list = page.getByTestId('sale-vendor-tokens');
  await expect(list.locator('output.token')).toHaveCount(4);
  const shown = await Promise.all((await list.locator('output.token').all()).map(digits));
  const kc1 = await digits(page.getByTestId('sale-key-change-1'));
  const kc2 = await digits(page.getByTestId('sale-key-change-2'));
  const credit = await digits(page.getByTestId('sale-token'));
  expect(shown.slice(0, 2)).toEqual([kc1, kc2]);
  expect(shown).toContain(credit);
  expect(shown).toContain(await digits(page.getByTestId('sale-fbe-token')));

  // The same tokens as the server's vend, and the meter takes them in the order shown.
  const vend = server.ledger.vends(METER)[0]!;
  expect([kc1, kc2]).toEqual([vend.keyChange!.first, vend.keyChange!.second]);
  expect(credit).toBe(vend.sale.digits);
  for (const t of shown) expect(server.meters.enterToken(METER, t).accepted).toBe(true);

  // The receipt carries every token in that order.
  const receiptNo = await shownNumber(page, 'sale-receipt-no');
  expect(shahn.app.db.read.prepare('SELECT token FROM sales WHERE receipt_no = ?').get(receiptNo)).toEqual({ token: credit });
  const [job] = await sims.printer.waitForJobs(1, 10_000);
  const printed = printedDigits(job!);
  const at = shown.map((t) => printed.indexOf(t));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);

  // The server's breakdown is on the screen too.
  await page.getByTestId('sale-result').locator('summary').click();
  await expect(page.getByTestId('sale-server-receipt')).toHaveText(vend.receiptNo);
  await expect(page.getByTestId('sale-vendor-line')).not.toHaveCount(0);
});
