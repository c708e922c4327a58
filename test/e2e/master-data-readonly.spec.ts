// An enrolled counter's screens of head-office data, in the browser: the real head office on a
// throwaway PostgreSQL holds the demo's tariffs, customers, meters and one user (npm run demo --
// --head-office's own start-up); Shahn pulls them, and the meters, customers, tariffs and users
// screens show them read-only under the note that the head office owns them, with the pull's
// status and "Sync now". Screenshots in Arabic and English go to docs/screenshots/ when
// SHAHN_SCREENSHOTS=1.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
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
  s = await startShahnUnderTest({ name: 'master-data', env: ho.env });
  // The start-up pull brings the demo's register.
  await expect.poll(() => (s.shahn.app.db.read.prepare('SELECT COUNT(*) AS n FROM meters').get() as { n: number }).n, { timeout: 20_000 }).toBeGreaterThan(0);
});
test.afterAll(async () => {
  await s?.close();
  await ho?.close();
});

async function signIn(page: Page, lang: 'ar' | 'en') {
  await page.goto(s.shahn.url);
  await page.getByTestId('login-username').waitFor();
  if ((await page.locator('html').getAttribute('lang')) !== lang) await page.getByTestId('lang-switch').click();
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-pin').fill('9999');
  await page.getByTestId('login-submit').click();
  // The screens under test need no open shift: the tabs are there once signed in.
  await expect(page.getByTestId('nav-meters')).toBeVisible();
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
    await expect(page.getByTestId('user-edit')).toHaveCount(0);
    await expect(page.locator('main')).toContainText('amal');
    // "Sync now" pulls at once and the status stays clean.
    await page.getByTestId('master-data-sync').click();
    await expect(page.getByTestId('master-data-sync')).toBeEnabled();
    await expect(page.getByTestId('head-office-sync-error')).toHaveCount(0);
    await shot(page, `master-data-users-${lang}`);
  });
}
