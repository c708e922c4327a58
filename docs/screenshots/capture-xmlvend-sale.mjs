// A sale through an XMLVend server, on screen, in Arabic and English, against a running demo:
//   PORT=5198 npx tsx scripts/demo.ts --xmlvend &   then   node docs/screenshots/capture-xmlvend-sale.mjs http://127.0.0.1:5198 <xmlvend-url>
// The server is told (over its admin route) nothing: meter 04000001026 is registered for free
// basic electricity, so its first sale of the month carries an FBE token too. The quote shows the
// server's tariff; the result, the tokens in entry order and the server's breakdown.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const base = process.argv[2] ?? 'http://127.0.0.1:5198';
const out = path.dirname(fileURLToPath(import.meta.url));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const logs = [];
async function run(lang, meter) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (e) => logs.push(`[${lang}] pageerror: ${e.message}`));
  await page.goto(base);
  await page.getByTestId('login-username').waitFor();
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-switch').click();
  await page.getByTestId('login-username').fill('cashier');
  await page.getByTestId('login-pin').fill('1111');
  await page.getByTestId('login-submit').click();
  const openShift = page.getByTestId('open-shift');
  await page.getByTestId('meter-input').or(openShift).waitFor();
  if (await openShift.isVisible()) {
    await page.getByTestId('float-input').fill('0');
    await page.getByTestId('open-shift-submit').click();
  }
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-switch').click();
  await page.getByTestId('meter-input').fill(meter);
  await page.getByTestId('meter-input').press('Enter');
  await page.getByTestId('meter-card').waitFor();
  await page.getByTestId('amount-input').fill('5000');
  await page.getByTestId('quote-server-tariff').waitFor();
  await page.getByTestId('tendered-input').fill('5000');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `xmlvend-quote-${lang}.png`) });
  await page.getByTestId('confirm-sale').click();
  await page.getByTestId('sale-vendor-tokens').waitFor();
  await page.getByTestId('sale-result').locator('summary').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `xmlvend-sale-${lang}.png`), fullPage: true });
  await page.close();
}
try {
  await run('ar', '04000001026');
  await run('en', '04000001018');
} finally {
  await browser.close();
  console.log(logs.join('\n'));
}
