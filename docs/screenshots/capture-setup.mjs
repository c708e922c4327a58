// The first-run setup, every step, in Arabic and English. Starts its own simulators and a Shahn
// browser host on an EMPTY data folder per language (the demo is already set up), walks the flow
// and screenshots each step as the operator sees it, filled in:
//   npx vite build && node docs/screenshots/capture-setup.mjs
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const out = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(out, '..', '..');

/** A host on an empty folder, in a process of its own; resolves with its URL, the printer address and a stop(). */
function emptyHost() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-setup-shots-'));
  const code = `
    const { startSimulators } = require('./test/sim');
    const { startBrowserShahn } = require('./scripts/start-browser');
    (async () => {
      const sims = await startSimulators();
      const s = await startBrowserShahn({ ...process.env, ...sims.env, SHAHN_DATA_DIR: ${JSON.stringify(dataDir)}, SHAHN_LOG_LEVEL: 'silent' }, 0);
      console.log('READY ' + s.url + ' tcp://' + sims.printer.host + ':' + sims.printer.port);
      process.on('SIGTERM', async () => { await s.close(); await sims.close(); process.exit(0); });
    })();`;
  const child = spawn('npx', ['tsx', '--eval', code], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /READY (\S+) (\S+)/.exec(buf);
      if (m) resolve({ url: m[1], printer: m[2], stop: () => process.kill(-child.pid, 'SIGTERM') });
    });
    child.on('exit', (c) => reject(new Error(`host exited ${c}`)));
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const logs = [];

async function run(lang) {
  const host = await emptyHost();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => logs.push(`[${lang}] pageerror: ${e.message}`));
  const shot = async (step) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(out, `setup-${step}-${lang}.png`), fullPage: true });
  };
  const step = (s) => page.getByTestId(`setup-step-${s}`).waitFor();
  const next = () => page.getByTestId('setup-next').click();
  try {
    await page.goto(host.url);
    await step('language');
    await page.getByTestId(`setup-language-${lang}`).check({ force: true });
    await shot('language');
    await next();

    await step('counter');
    await page.getByTestId('setup-counter-name').fill(lang === 'ar' ? 'صنعاء - التحرير' : "Sana'a - Tahrir");
    await page.getByTestId('setup-counter-number').fill(lang === 'ar' ? 'عداد ٧' : 'counter 7');
    await next();
    await page.getByTestId('error-message').waitFor();
    await shot('counter-error');
    await page.getByTestId('setup-counter-number').fill('SAN-07');
    await shot('counter');
    await next();

    await step('currency');
    await page.getByTestId('setup-currency-code').fill('SAR');
    await page.getByTestId('setup-currency-sample').waitFor();
    await shot('currency');
    await next();

    await step('timeZone');
    await page.getByTestId('setup-tz-search').fill('Riy');
    await shot('timeZone');
    await next();

    await step('company');
    await page.getByTestId('setup-company-name-ar').fill('كهرباء الرياض');
    await page.getByTestId('setup-company-name-en').fill('Riyadh Power');
    await page.getByTestId('setup-company-address-ar').fill('الرياض، طريق الملك فهد');
    await page.getByTestId('setup-company-address-en').fill('King Fahd Road, Riyadh');
    await page.getByTestId('setup-company-tax').fill('300012345600003');
    await shot('company');
    await next();

    await step('vendors');
    await page.getByTestId('vendor-sts-test').click();
    await page.getByTestId('vendor-sts-result').waitFor();
    await shot('vendors');
    await page.getByTestId('setup-offline-only').check();
    await shot('vendors-offline');
    await page.getByTestId('setup-offline-only').uncheck();
    await next();

    await step('printer');
    await page.getByTestId('setup-printer-iface').fill(host.printer);
    await page.getByTestId('setup-printer-test').click();
    await page.getByTestId('setup-printer-ok').waitFor();
    await shot('printer');
    await next();

    await step('admin');
    await page.getByTestId('setup-admin-username').fill('amina');
    await page.getByTestId('setup-admin-name').fill('أمينة الشامي');
    await page.getByTestId('setup-admin-name-latin').fill('Amina Al-Shami');
    await page.getByTestId('setup-admin-pin').fill('1234');
    await page.getByTestId('setup-admin-pin2').fill('1234');
    await next();
    await page.getByTestId('error-message').waitFor();
    await shot('admin');
    await page.getByTestId('setup-admin-pin').fill('2580');
    await page.getByTestId('setup-admin-pin2').fill('2580');
    await next();

    await page.getByTestId('login-username').waitFor();
    await shot('done-login');
    logs.push(`[${lang}] login: ${await page.getByTestId('login-counter').textContent()}`);
  } finally {
    await page.close();
    host.stop();
  }
}

try {
  for (const lang of ['ar', 'en']) await run(lang);
} finally {
  await browser.close();
  console.log(logs.join('\n'));
}
