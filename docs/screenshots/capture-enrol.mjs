// Settings > Vendors, "Enrol with a code" under the head office card, against a running browser
// host and a running head office:
//   PORT=5221 npx tsx scripts/demo.ts &   HEAD_OFFICE_PORT=7321 npm run head-office &
//   DATABASE_URL=… npm run -s head-office -- enrolment-code --counter "Counter 7"   (twice: one code per language)
//   node docs/screenshots/capture-enrol.mjs http://127.0.0.1:5221 http://127.0.0.1:7321 CODE-AR CODE-EN
// In each language: a wrong code refused (the head office's own words), then the right one enrolled.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [base = 'http://127.0.0.1:5221', headOffice = 'http://127.0.0.1:7321', codeAr, codeEn] = process.argv.slice(2);
const out = path.dirname(fileURLToPath(import.meta.url));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const logs = [];
async function run(lang, code) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 1080 } });
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
  await page.getByTestId('enrol-headOffice').waitFor();

  await page.getByTestId('enrol-baseUrl').fill(headOffice);
  await page.getByTestId('enrol-code').fill('abcd-efgh-jkmn-pqrs');
  await page.getByTestId('enrol-submit').click();
  await page.getByTestId('enrol-headOffice').getByTestId('error-message').waitFor();
  await page.getByTestId('enrol-headOffice').screenshot({ path: path.join(out, `enrol-refused-${lang}.png`) });
  logs.push(`[${lang}] refused: ${await page.getByTestId('enrol-headOffice').getByTestId('error-message').textContent()}`);

  await page.getByTestId('enrol-code').fill(code);
  await page.getByTestId('enrol-submit').click();
  await page.getByTestId('enrol-done').waitFor();
  await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop > 0 && (e.scrollTop = 0)));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(out, `enrol-${lang}.png`) });
  logs.push(`[${lang}] head office card: ${await page.getByTestId('vendor-headOffice-source').textContent()}`);
  await page.close();
}
try {
  await run('ar', codeAr);
  await run('en', codeEn);
} finally {
  await browser.close();
  console.log(logs.join('\n'));
}
