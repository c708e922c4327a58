// The head office console's Leases and Vending keys pages, in Arabic and English. Self-contained:
// it starts the demo head office on a throwaway PostgreSQL (with the demo supply group's key), adds
// a few dozen STS meters to its master data, enrols three counters through the HTTP API and has
// each lease some meters over the counters' lease protocol; one lease is given back, one has run
// out. Then it captures the leases (with one meter's history), the release of a running lease
// (explained, not offered), the keys, and a key file being checked. Needs `npm run build:console`.
//   npm run -s build:console && npx tsx docs/screenshots/capture-console-leases.ts
import path from 'node:path';
import pg from 'pg';
import { chromium, type Page } from 'playwright-core';
import { writeMasterData } from '../../head-office/db/master-data';
import { createHeadOfficeClient } from '../../main/vendors/head-office/client';
import { enrolWithHeadOffice } from '../../main/vendors/head-office/enrol';
import { keyCheckValue } from '../../main/keys/kcv';
import { luhnDigit } from '../../main/sts/meter-number';
import { demoKeyFile, startDemoHeadOffice } from '../../scripts/demo-head-office';
import { stsMeter } from '../../test/helpers/leases';

const OUT = __dirname;

async function main(): Promise<void> {
  const ho = await startDemoHeadOffice({ webDir: path.join(__dirname, '..', '..', 'dist-console') });
  const db = new pg.Pool({ connectionString: ho.databaseUrl, max: 2 });
  try {
    const admin = { ...ho.consoleAdmin };
    const api = async (method: string, p: string, body: unknown, cookie: string) => {
      const res = await fetch(`${ho.url}/console/api${p}`, { method, headers: { cookie, 'x-shahn-console': '1', 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
      return res;
    };
    const signedIn = await fetch(`${ho.url}/console/api/session`, { method: 'POST', headers: { 'x-shahn-console': '1', 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;

    // Meter numbers with their check digit, as STS wants them.
    const meters = Array.from({ length: 24 }, (_, i) => {
      const body = `0400002${String(100 + i * 7).padStart(3, '0')}`;
      return body + String(luhnDigit(body));
    });
    await writeMasterData(db, meters.map((m) => ({ entity: 'meter', key: m, counterId: null, data: stsMeter(m) })), 'capture');

    const counters = ['صنعاء - الفرع الرئيسي', 'تعز - شارع جمال', 'عدن - كريتر'];
    for (const [i, name] of counters.entries()) {
      const made = (await (await api('POST', '/enrolment-codes', { counterName: name, validHours: 24 }, cookie)).json()) as { code: string };
      const o = await enrolWithHeadOffice(ho.url, { code: made.code, counterName: `Till ${i + 1}`, appVersion: '0.1.0' }, { userAgent: 'Shahn-POS/0.1.0' });
      if (o.kind !== 'ok') throw new Error(`enrol ${name}: ${JSON.stringify(o)}`);
      const client = createHeadOfficeClient({ baseUrl: ho.url, apiKey: o.value.counterKey, apiSecret: o.value.counterSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 });
      const mine = meters.filter((_, n) => n % 3 === i).slice(0, 5);
      const r = await client.acquireLeases(mine);
      if (r.kind !== 'ok' || r.value.granted.length !== mine.length) throw new Error(`leases of ${name}: ${JSON.stringify(r)}`);
      // The first counter gives one back; then the third takes it: a history with two holders.
      const held = (m: string) => ({ meter: m, generation: r.value.granted.find((g) => g.meter === m)!.generation });
      if (i === 0) await client.releaseLeases([held(mine[1]!)]);
      if (i === 2) await client.acquireLeases([meters[3]!]);
      // The second gives one back for good: the meter is no longer sold there.
      if (i === 1) await client.releaseLeases([held(mine[4]!)]);
    }
    // One lease ran out a day ago (its counter went quiet); the others are spread over the last hours.
    await db.query(`UPDATE meter_leases SET granted_at = now() - interval '4 days', renewed_at = now() - interval '4 days', expires_at = now() - interval '1 day' WHERE meter = $1`, [meters[6]]);
    await db.query(`UPDATE meter_leases SET granted_at = granted_at - (ascii(right(meter, 2)) % 9) * interval '37 minutes', renewed_at = renewed_at - (ascii(right(meter, 2)) % 9) * interval '37 minutes' WHERE meter <> $1`, [meters[6]]);
    // Another key loaded for the same SGC and KRN through the console, then replaced by the demo's: one retired key, by whom.
    const other = demoKeyFile({ VENDING_KEY: '0123456789abcdef' });
    await api('POST', '/vending-keys', { keyFile: other, certificateKcv: keyCheckValue('0123456789abcdef'), replace: true }, cookie);
    await api('POST', '/vending-keys', { keyFile: demoKeyFile(), certificateKcv: ho.vendingKey.kcv, replace: true }, cookie);

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(OUT, `console-${name}.png`), fullPage });
    for (const lang of ['ar', 'en'] as const) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${lang}] pageerror: ${e.message}`));
      await page.goto(ho.consoleUrl);
      await page.getByTestId('sign-in').waitFor();
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      await page.locator('#username').fill(admin.username);
      await page.locator('#password').fill(admin.password);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('counters-table').waitFor();
      await page.getByTestId('nav-leases').click();
      await page.getByTestId('leases-table').waitFor();
      await page.locator(`[data-testid="lease-row"][data-meter="${meters[3]}"]`).getByTestId('lease-history-open').click();
      await page.locator('[data-testid="lease-event"]').first().waitFor();
      // The top bar sticks to the viewport: from the top, a full-page shot shows it where it belongs.
      await page.evaluate('window.scrollTo(0, 0)');
      await shot(page, `leases-${lang}`, true);
      await page.getByTestId('lease-history-close').click();
      await page.locator(`[data-testid="lease-row"][data-meter="${meters[0]}"]`).getByTestId('lease-release').click();
      await page.getByTestId('release-running').waitFor();
      await shot(page, `leases-release-${lang}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('nav-vendingKeys').click();
      await page.getByTestId('keys-table').waitFor();
      await shot(page, `keys-${lang}`);
      await page.getByTestId('key-new').click();
      await page.getByTestId('key-text').fill(demoKeyFile({ KCV: ho.vendingKey.kcv, EXPIRES: '2031-12-31' }));
      await page.getByTestId('key-check').click();
      await page.getByTestId('key-kcv').waitFor();
      await shot(page, `keys-load-${lang}`);
      await context.close();
    }
    await browser.close();
    console.log(`console lease and key screenshots written to ${OUT}`);
  } finally {
    await db.end();
    await ho.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
