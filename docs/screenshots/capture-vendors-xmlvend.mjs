// Settings > Vendors, the STS vendor as an XMLVend 2.1 server, against a running browser host:
//   PORT=5199 npx tsx scripts/demo.ts &   then   node docs/screenshots/capture-vendors-xmlvend.mjs http://127.0.0.1:5199
// As admin: the protocol switched to XMLVend and the form filled in, the BAD_INPUT message naming
// each bad field, then the settings saved (password stored, not shown). The STS vendor is put back
// on its start-up settings at the end so the demo keeps selling.
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
const x = (field) => `vendor-sts-xmlvend-${field}`;

async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(out, name), fullPage: true });
}

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

  // XMLVend chosen, a Conlog-style server filled in, with one wrong field of each kind.
  await page.getByTestId('vendor-sts-protocol-xmlvend').check({ force: true });
  await page.getByTestId(x('url')).fill('vend.utility.example/xmlvend');
  await page.getByTestId(x('clientId')).fill('60012345');
  await page.getByTestId(x('terminalId')).fill('TILL-07');
  await page.getByTestId(x('terminalIdKind-ean')).check({ force: true });
  await page.getByTestId(x('opName')).fill('cashier 7');
  await page.getByTestId(x('password')).fill('abc');
  await page.getByTestId('vendor-sts-save').click();
  await page.getByTestId('vendor-sts').getByTestId('error-message').waitFor();
  await shot(page, `vendors-xmlvend-error-${lang}.png`);
  logs.push(`[${lang}] error: ${await page.getByTestId('vendor-sts').getByTestId('error-message').textContent()}`);

  // Corrected and saved: the password box is empty again and says "stored".
  await page.getByTestId(x('url')).fill('https://vend.utility.example/xmlvend/2.1');
  await page.getByTestId(x('clientId')).fill('6001234567899');
  await page.getByTestId(x('terminalIdKind-generic')).check({ force: true });
  await page.getByTestId(x('opName')).fill('OP07');
  await page.getByTestId(x('password')).fill('s3cret-pass');
  await page.getByTestId(x('soapVersion-1.2')).check({ force: true });
  await page.getByTestId(x('advice')).fill('12');
  await page.getByTestId(x('conlogVendingServerId')).fill('3');
  await page.getByTestId('vendor-sts-save').click();
  await page.getByTestId('vendor-sts-saved').waitFor();
  await shot(page, `vendors-xmlvend-${lang}.png`);

  // Back to the start-up settings (Shahn's API) so the demo keeps selling.
  await page.getByTestId('vendor-sts-reset').click();
  await page.getByTestId('vendor-sts-saved').waitFor();
  await page.close();
}
try {
  for (const lang of ['ar', 'en']) await run(lang);
} finally {
  await browser.close();
  console.log(logs.join('\n'));
}
