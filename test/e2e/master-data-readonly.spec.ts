// An enrolled counter's screens of head-office data, in the browser: the real head office on a
// throwaway PostgreSQL holds the demo's tariffs, customers, meters and one user (npm run demo --
// --head-office's own start-up); Shahn pulls them, and the meters, customers, tariffs and users
// screens show them read-only under the note that the head office owns them, with the pull's
// status and "Sync now". The users made at the counter stay an admin's to edit there; a head-office
// record the counter sets aside (a user named like its own cashier) is listed on the note with why;
// a head-office user changing their own PIN is told it is changed at the head office. Screenshots
// in Arabic and English go to docs/screenshots/ when SHAHN_SCREENSHOTS=1.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { applyMasterEdits } from '../../head-office/master-data/edits';
import { DEMO_HO_USER } from '../../scripts/demo-master-data';
import { startDemoHeadOffice, type DemoHeadOffice } from '../../scripts/demo-head-office';
import { DEMO_STS_METERS } from '../sim/demo-data';
import { startShahnUnderTest, type ShahnUnderTest } from './kit';

let ho: DemoHeadOffice;
let s: ShahnUnderTest;
const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const NOTE_AR = 'المكتب الرئيسي يدير هذه البيانات';
const NOTE_EN = 'The head office manages this data';

test.beforeAll(async () => {
  ho = await startDemoHeadOffice();
  // A head-office user named like the counter's own cashier: the counter sets it aside, applies the rest.
  const pool = new pg.Pool({ connectionString: ho.databaseUrl, max: 1 });
  try {
    const counterId = Number((await pool.query<{ id: string }>('SELECT id FROM counters ORDER BY id LIMIT 1')).rows[0]!.id);
    await applyMasterEdits(pool, [{ entity: 'user', data: { counterId, username: 'cashier', displayName: 'Cashier HO', role: 'cashier', locale: 'ar', active: true, pin: '4826' } }], 'e2e');
  } finally {
    await pool.end();
  }
  s = await startShahnUnderTest({ name: 'master-data', env: ho.env });
  // The start-up pull brings the demo's register.
  await expect.poll(() => (s.shahn.app.db.read.prepare('SELECT COUNT(*) AS n FROM meters').get() as { n: number }).n, { timeout: 20_000 }).toBeGreaterThan(0);
});
test.afterAll(async () => {
  await s?.close();
  await ho?.close();
});

async function signIn(page: Page, lang: 'ar' | 'en', who = { username: 'admin', pin: '9999' }) {
  await page.goto(s.shahn.url);
  await page.getByTestId('login-username').waitFor();
  if ((await page.locator('html').getAttribute('lang')) !== lang) await page.getByTestId('lang-switch').click();
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-pin').fill(who.pin);
  await page.getByTestId('login-submit').click();
  // The screens under test need no open shift: the top bar and its tabs are there once signed in.
  await expect(page.getByTestId('change-pin')).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== lang) await page.getByTestId('lang-switch').click();
}

const shot = async (page: Page, name: string) => {
  if (process.env.SHAHN_SCREENSHOTS === '1') await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

for (const lang of ['ar', 'en'] as const) {
  test(`the head office's data is read-only on an enrolled counter (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, lang);
    const note = page.getByTestId('head-office-note');

    await page.getByTestId('nav-customers').click();
    await expect(note).toContainText(lang === 'ar' ? NOTE_AR : NOTE_EN);
    await expect(page.getByTestId('customer-new')).toHaveCount(0);
    await expect(page.getByTestId('csv-open')).toHaveCount(0);
    await expect(page.getByTestId('head-office-sync-status')).not.toContainText(lang === 'ar' ? 'لم تتم المزامنة' : 'Not yet synced');
    await page.getByTestId('customers-search').fill(DEMO_STS_METERS[0]!.number);
    await page.getByTestId('customers-search-submit').click();
    await page.getByTestId('customer-row').first().click();
    await expect(page.getByTestId('customer-nameAr')).toBeDisabled();
    await expect(page.getByTestId('customer-save')).toHaveCount(0);
    await shot(page, `master-data-customers-${lang}`);

    await page.getByTestId('nav-meters').click();
    await expect(note).toBeVisible();
    await page.getByTestId('meters-search').fill(DEMO_STS_METERS[0]!.number);
    await page.getByTestId('meters-search').press('Enter');
    await expect(page.getByTestId('meters-panel')).toBeVisible();
    await expect(page.getByTestId('adjust-debt')).toBeVisible();
    await expect(page.getByTestId('change-mode')).toHaveCount(0);
    await expect(page.getByTestId('set-limits')).toHaveCount(0);
    await shot(page, `master-data-meters-${lang}`);

    await page.getByTestId('nav-tariffs').click();
    await expect(note).toBeVisible();
    await expect(page.getByTestId('schedule-RES-TOU')).toBeVisible();
    await expect(page.getByTestId('new-version')).toHaveCount(0);
    await shot(page, `master-data-tariffs-${lang}`);

    await page.getByTestId('nav-users').click();
    await expect(note).toBeVisible();
    await expect(page.getByTestId('user-new')).toHaveCount(0);
    await expect(page.getByTestId('users-local-note')).toBeVisible();
    // The head office's user is marked and not editable here; the counter's own users are.
    const amal = page.locator('[data-testid="user-row"][data-username="amal"]');
    await expect(amal.getByTestId('user-head-office')).toBeVisible();
    await expect(amal.getByTestId('user-edit')).toHaveCount(0);
    await expect(page.locator('[data-testid="user-row"][data-username="cashier"]').getByTestId('user-edit')).toBeVisible();
    // "Sync now" pulls at once: nothing stops it; the record set aside is listed with why.
    await page.getByTestId('master-data-sync').click();
    await expect(page.getByTestId('master-data-sync')).toBeEnabled();
    await expect(page.getByTestId('head-office-sync-error')).toHaveCount(0);
    await expect(page.getByTestId('head-office-held-record')).toContainText(lang === 'ar' ? 'المستخدم "cashier" أُنشئ في نقطة البيع هذه' : 'A user named "cashier" was made at this counter');
    await page.locator('[data-testid="user-row"][data-username="cashier"]').getByTestId('user-edit').click();
    await expect(page.getByTestId('user-form')).toBeVisible();
    await shot(page, `master-data-users-${lang}`);
  });

  test(`a head-office user is told their PIN is changed at the head office (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, lang, { username: DEMO_HO_USER.username, pin: DEMO_HO_USER.pin });
    await page.getByTestId('change-pin').click();
    await page.getByTestId('change-pin-current').fill(DEMO_HO_USER.pin);
    await page.getByTestId('change-pin-new').fill('8642');
    await page.getByTestId('change-pin-again').fill('8642');
    await page.getByTestId('change-pin-submit').click();
    await expect(page.getByTestId('change-pin-dialog')).toContainText(lang === 'ar' ? 'رقمك السري يُضبط في المكتب الرئيسي' : 'Your PIN is set at the head office');
    await expect(page.getByTestId('change-pin-done')).toHaveCount(0);
    await shot(page, `master-data-change-pin-${lang}`);
  });
}
