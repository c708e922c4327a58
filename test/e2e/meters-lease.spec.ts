// The meter page's "Offline sales" card on a counter enrolled with the real head office
// (PostgreSQL, in this process): no lease, "Hold for offline sales" granted, and a meter another
// counter holds, named with its expiry. In Arabic and English; the screenshots go to
// docs/screenshots/meters-lease-*.png when SHAHN_SCREENSHOTS=1 (a test run leaves the tree as it was).
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { registerCounter } from '../../head-office/counters';
import { startLocalPostgres, type LocalPostgres } from '../../head-office/db/local-postgres';
import { migrate } from '../../head-office/db/migrate';
import { buildServer } from '../../head-office/server';
import { createHeadOfficeClient } from '../../main/vendors/head-office/client';
import { DEMO_STS_METERS } from '../sim/demo-data';
import { loadDemoKey, putMeters, stsMeter } from '../helpers/leases';
import { login, NO_RETRIES, startShahnUnderTest, type ShahnUnderTest } from './kit';

const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const shot = async (el: Locator, name: string) => {
  if (process.env.SHAHN_SCREENSHOTS === '1') await el.screenshot({ path: path.join(SHOTS, name) });
};
const FREE = DEMO_STS_METERS[0]!.number;
const THEIRS = DEMO_STS_METERS[1]!.number;
let db: LocalPostgres;
let pool: pg.Pool;
let ho: FastifyInstance;
let under: ShahnUnderTest;

test.beforeAll(async () => {
  db = await startLocalPostgres({ database: 'leases_e2e' });
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
  await migrate(pool);
  const sealingKey = randomBytes(32);
  await loadDemoKey(pool, sealingKey);
  await putMeters(pool, DEMO_STS_METERS.map((m) => stsMeter(m.number)));
  ho = buildServer({ pool, sealingKey, logger: false });
  const url = await ho.listen({ host: '127.0.0.1', port: 0 });
  const here = await registerCounter(pool, sealingKey, 'Counter 1');
  const other = await registerCounter(pool, sealingKey, 'Counter 2 — Souq');
  const o = await createHeadOfficeClient({ baseUrl: url, apiKey: other.apiKey, apiSecret: other.apiSecret, merchantId: null, timeoutMs: 5_000, retryAttempts: 0 }).acquireLeases([THEIRS]);
  expect(o.kind).toBe('ok');
  under = await startShahnUnderTest({ name: 'lease', env: { ...NO_RETRIES, HEAD_OFFICE_URL: url, HEAD_OFFICE_KEY: here.apiKey, HEAD_OFFICE_SECRET: here.apiSecret } });
  // Enrolled for leasing: the head office has answered this counter's lease routes once.
  await under.shahn.app.leases.ask([DEMO_STS_METERS[3]!.number]);
});
test.afterAll(async () => {
  await under?.close();
  await ho?.close();
  await pool?.end();
  await db?.stop();
});

async function meterPage(page: Page, lang: 'ar' | 'en', meter: string) {
  if ((await page.locator('html').getAttribute('lang')) !== lang) await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.getByTestId('nav-meters').click();
  await page.getByTestId('meters-search').fill(meter);
  await page.getByTestId('meters-search').press('Enter');
  await expect(page.getByTestId('meters-panel')).toContainText(meter);
}

for (const lang of ['ar', 'en'] as const) {
  test(`supervisor holds a meter for offline sales, and sees another counter's hold (${lang})`, async ({ page }) => {
    await login(page, under.shahn.url, 'supervisor', '2222');
    await meterPage(page, lang, FREE);
    const card = page.getByTestId('lease-card');
    // The first run takes the free meter; the second finds it held here already.
    if (lang === 'ar') {
      await expect(page.getByTestId('lease-state')).toHaveAttribute('data-state', 'none');
      await shot(card, `meters-lease-none-${lang}.png`);
    }
    await page.getByTestId('lease-hold').click();
    await expect(page.getByTestId('lease-state')).toHaveAttribute('data-state', 'held');
    await card.scrollIntoViewIfNeeded();
    await shot(card, `meters-lease-held-${lang}.png`);

    await meterPage(page, lang, THEIRS);
    await page.getByTestId('lease-hold').click();
    await expect(page.getByTestId('lease-state')).toHaveAttribute('data-state', 'elsewhere');
    await expect(page.getByTestId('lease-state')).toContainText('Counter 2 — Souq');
    await expect(card.getByTestId('error-message')).toHaveCount(0);
    await card.scrollIntoViewIfNeeded();
    await shot(card, `meters-lease-elsewhere-${lang}.png`);
  });
}
