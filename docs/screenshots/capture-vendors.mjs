// Settings > Vendors screenshots against a running browser host:
//   PORT=5199 npx tsx scripts/demo.ts &   then   node docs/screenshots/capture-vendors.mjs http://127.0.0.1:5199
// As admin: the three vendors, a successful test (STS), a refused one (Acrel, a wrong secret saved
// and then put back to the start-up settings), and the BAD_INPUT message.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const base = process.argv[2] ?? 'http://127.0.0.1:5199';
const out = path.dirname(fileURLToPath(import.meta.url));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const logs = [];
async function run(lang) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => logs.push(`[${lang}] pageerror: ${e.message}`));
  await page.goto(base);
  await page.getByTestId('login-username').waitFor();
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-switch').click();
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-pin').fill('9999');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-vendors').waitFor();
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-switch').click();
  await page.getByTestId('nav-vendors').click();
  await page.getByTestId('vendor-sts').waitFor();

  // A wrong secret for Acrel, saved: its test is refused.
  await page.getByTestId('vendor-acrel-apiSecret').fill('not-the-right-secret');
  await page.getByTestId('vendor-acrel-save').click();
  await page.getByTestId('vendor-acrel-saved').waitFor();
  await page.getByTestId('vendor-sts-test').click();
  await page.getByTestId('vendor-sts-result').waitFor();
  await page.getByTestId('vendor-acrel-test').click();
  await page.getByTestId('vendor-acrel-result').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(out, `vendors-${lang}.png`) });
  logs.push(`[${lang}] sts: ${await page.getByTestId('vendor-sts-result').textContent()}`);
  logs.push(`[${lang}] acrel: ${await page.getByTestId('vendor-acrel-result').textContent()}`);

  // A bad address and timeout: the message names both, in the screen's language.
  await page.getByTestId('vendor-headOffice-baseUrl').fill('head-office.local');
  await page.getByTestId('vendor-headOffice-timeoutMs').fill('50');
  await page.getByTestId('vendor-headOffice-save').click();
  await page.getByTestId('vendor-headOffice').getByTestId('error-message').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(out, `vendors-error-${lang}.png`) });

  // Put Acrel back on the start-up settings so the demo keeps working.
  await page.getByTestId('vendor-acrel-reset').click();
  await page.getByTestId('vendor-acrel-saved').waitFor();
  await page.close();
}
try {
  for (const lang of ['ar', 'en']) await run(lang);
} finally {
  await browser.close();
  console.log(logs.join('\n'));
}
