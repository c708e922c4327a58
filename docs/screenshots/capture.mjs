// Renderer screenshots against a running browser host:
//   PORT=5199 npx tsx scripts/demo.ts &   then   node docs/screenshots/capture.mjs http://127.0.0.1:5199
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const base = process.argv[2] ?? 'http://127.0.0.1:5199';
const out = path.dirname(fileURLToPath(import.meta.url));
const STS = process.env.STS_METER ?? '04000001018';
const ACREL = process.env.ACREL_METER ?? '202400000001';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const logs = [];
async function run(lang) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('console', (m) => logs.push(`[${lang}] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[${lang}] pageerror: ${e.message}`));
  await page.goto(base);
  await page.getByTestId('login-username').waitFor();
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) await page.getByTestId('lang-switch').click();
  await page.getByTestId('login-username').fill('cashier');
  await page.getByTestId('login-pin').fill('1111');
  await page.screenshot({ path: path.join(out, `login-${lang}.png`) });
  await page.getByTestId('login-submit').click();
  await page.getByTestId('meter-input').waitFor();
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-switch').click();

  // STS token
  await page.getByTestId('meter-input').fill(STS);
  await page.keyboard.press('Enter');
  await page.getByTestId('meter-card').waitFor();
  await page.getByTestId('amount-input').fill('5000');
  await page.getByTestId('tendered-input').fill('6000');
  await page.getByTestId('quote-panel').waitFor();
  await page.waitForFunction(() => !document.querySelector('.quote.is-stale') && document.querySelector('[data-testid=quote-change]')?.textContent !== '');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `sell-sts-quote-${lang}.png`) });
  await page.keyboard.press('F9');
  await page.getByTestId('sale-status').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `sell-sts-token-${lang}.png`) });
  logs.push(`[${lang}] STS status=${await page.getByTestId('sale-status').getAttribute('data-status')} token=${await page.getByTestId('sale-token').textContent().catch(() => '-')} receipt=${await page.getByTestId('sale-receipt-no').textContent()}`);
  await page.keyboard.press('Escape');

  // Acrel credit
  await page.getByTestId('meter-input').fill(ACREL);
  await page.keyboard.press('Enter');
  await page.getByTestId('meter-card').waitFor();
  await page.getByTestId('amount-input').fill('2000');
  await page.keyboard.press('Enter');
  await page.getByTestId('quote-panel').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, `sell-acrel-quote-${lang}.png`) });
  await page.keyboard.press('Enter');
  await page.getByTestId('sale-status').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `sell-acrel-result-${lang}.png`) });
  logs.push(`[${lang}] Acrel status=${await page.getByTestId('sale-status').getAttribute('data-status')} pending=${await page.getByTestId('sync-pending').textContent()} online=${await page.getByTestId('sync-online').getAttribute('data-online')}`);
  // A refusal from the service, shown next to its field in the current language.
  await page.keyboard.press('Escape');
  await page.getByTestId('meter-input').fill('0400');
  await page.keyboard.press('Enter');
  await page.getByTestId('meter-choices').waitFor();
  await page.screenshot({ path: path.join(out, `sell-meter-choices-${lang}.png`) });
  await page.getByTestId('meter-choices').getByRole('button').first().click();
  await page.getByTestId('amount-input').fill('50');
  await page.getByTestId('error-message').waitFor();
  await page.screenshot({ path: path.join(out, `sell-error-${lang}.png`) });
  await page.close();
}
try {
  for (const lang of ['ar', 'en']) await run(lang);
} finally {
  await browser.close();
  console.log(logs.join('\n'));
}
