// Screenshots of the issue-8 screens (shift, approval, history, customers, users) against a running demo:
//   PORT=5199 npx tsx scripts/demo.ts &   then   node docs/screenshots/capture-day.mjs http://127.0.0.1:5199 docs/screenshots
import { chromium } from 'playwright-core';
import path from 'node:path';

const base = process.argv[2];
const out = process.argv[3];
const rpc = async (token, ch, body) => {
  const r = await fetch(`${base}/rpc/${ch}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return r.json();
};
const admin = await rpc(null, 'auth.login', { username: 'admin', pin: '9999' });
const tok = admin.value?.token ?? admin.token;
console.log('saveSettings', JSON.stringify(await rpc(tok, 'shifts.saveSettings', { requireShift: true })));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const logs = [];
const shot = (page, name) => page.screenshot({ path: path.join(out, name) });

async function login(page, lang, user, pin) {
  await page.goto(base);
  await page.getByTestId('login-username').waitFor();
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-pin').fill(pin);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-switch').click();
}
async function sell(page, meter, amount, method = 'cash') {
  await page.getByTestId('meter-input').fill(meter);
  await page.keyboard.press('Enter');
  await page.getByTestId('meter-card').waitFor();
  await page.getByTestId('amount-input').fill(amount);
  await page.getByTestId('quote-panel').waitFor();
  await page.getByTestId(`method-${method}`).check({ force: true });
  if (method === 'cash') await page.getByTestId('tendered-input').fill(String(Number(amount) + 1000));
  await page.waitForTimeout(300);
  await page.keyboard.press('F9');
  await page.getByTestId('sale-status').waitFor();
  await page.getByTestId('new-sale').click();
}

async function run(lang) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  page.on('pageerror', (e) => logs.push(`[${lang}] pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && logs.push(`[${lang}] console: ${m.text()}`));
  await login(page, lang, 'cashier', '1111');
  await page.getByTestId('open-shift').waitFor();
  for (const d of '25000') await page.getByTestId(`keypad-${d}`).click();
  await shot(page, `shift-open-${lang}.png`);
  await page.getByTestId('open-shift-submit').click();
  await page.getByTestId('meter-input').waitFor();
  await sell(page, '04000001018', '5000');
  await sell(page, '202400000001', '3000', 'card');
  await sell(page, '04000001026', '2000');
  await sell(page, '04000001018', '1500');
  await page.getByTestId('meter-input').fill('04000001018');
  await page.keyboard.press('Enter');
  await page.getByTestId('meter-last-tokens').click();
  await page.getByTestId('last-tokens').waitFor();
  await page.waitForTimeout(300);
  await shot(page, `history-last-tokens-${lang}.png`);
  await page.getByTestId('history-search').click();
  await page.getByTestId('history-row').first().click();
  await page.getByTestId('history-detail').waitFor();
  await page.getByTestId('history-reprint').click();
  await page.getByTestId('history-reprint-result').waitFor();
  await page.waitForTimeout(300);
  await shot(page, `history-detail-${lang}.png`);
  await page.getByTestId('history-reprint').click();
  await page.getByTestId('approval-dialog').waitFor();
  await page.getByTestId('approval-username').fill('supervisor');
  await page.getByTestId('keypad-2').click();
  await page.getByTestId('keypad-2').click();
  await shot(page, `history-approval-${lang}.png`);
  await page.getByTestId('keypad-2').click();
  await page.getByTestId('keypad-2').click();
  await page.getByTestId('approval-submit').click();
  await page.getByTestId('approval-dialog').waitFor({ state: 'hidden' });
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('shift-x-report').waitFor();
  await page.waitForTimeout(300);
  await shot(page, `shift-x-report-${lang}.png`);
  await page.getByTestId('close-shift').click();
  await page.getByTestId('counted-input').fill('36000');
  await shot(page, `shift-close-${lang}.png`);
  await page.getByTestId('close-shift-submit').click();
  await page.getByTestId('z-report').waitFor();
  await page.waitForTimeout(300);
  await shot(page, `shift-z-report-${lang}.png`);
  await page.getByTestId('logout').click();

  await login(page, lang, 'supervisor', '2222');
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customers-search').fill(lang === 'ar' ? 'احمد' : '0400');
  await page.keyboard.press('Enter');
  await page.getByTestId('customer-row').first().click();
  await page.getByTestId('customer-form').waitFor();
  await shot(page, `customers-edit-${lang}.png`);
  await page.getByTestId('customer-meter').first().click();
  await page.getByTestId('meter-form').waitFor();
  await page.waitForTimeout(200);
  await shot(page, `customers-meter-${lang}.png`);
  await page.getByTestId('csv-open').click();
  await page.getByTestId('csv-input').fill([
    'meter_number,kind,customer_name_ar,customer_name_latin,phone,address,schedule_code,group_code,sts_sgc,sts_ti,sts_krn,sts_key_type,sts_base_date,sts_ea,sts_dkga',
    '04000001034,sts,فاطمة سالم,Fatima Salem,+967711000333,صنعاء,RES-TOU,,123456,01,1,2,2014,07,02',
    '04000001035,sts,علي حسن,,+967711000444,,RES-TOU,,12345,01,1,2,2014,07,02',
    '202400000009,acrel,مريم,,abc,,RES-TOU,,,,,,,,',
    '202400000010,gas,سعيد,,,,RES-TOU,,,,,,,,',
  ].join('\n'));
  await page.getByTestId('csv-dry-run').click();
  await page.getByTestId('csv-report').waitFor();
  await page.getByTestId('csv-report').evaluate((e) => e.scrollIntoView({ block: 'end' }));
  await page.waitForTimeout(200);
  await shot(page, `customers-csv-report-${lang}.png`);
  await page.getByTestId('logout').click();

  await login(page, lang, 'admin', '9999');
  await page.getByTestId('nav-users').click();
  await page.getByTestId('users-list').waitFor();
  await page.locator('[data-testid=user-row][data-username=cashier] [data-testid=user-edit]').click();
  await page.getByTestId('user-form').waitFor();
  await page.waitForTimeout(200);
  await shot(page, `users-${lang}.png`);
  await page.getByTestId('change-pin').click();
  await page.getByTestId('change-pin-dialog').waitFor();
  await shot(page, `users-change-pin-${lang}.png`);
  await page.keyboard.press('Escape');
  await page.getByTestId('logout').click();
  await page.close();
}
try {
  await run('ar');
  await run('en');
} finally {
  console.log(logs.join('\n'));
  await browser.close();
}
