// The supervisor's meter page through the real screens: the browser host serving the built
// renderer, the real core, the simulators on a frozen clock (commands complete when the test moves
// simulated time, never after sleeps). In Arabic, right to left.
import { expect, test, type Page } from '@playwright/test';
import type { Simulators } from '../sim';
import { login as loginAs, NO_RETRIES, openMeterPage as openMeterPageOf, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { DEMO_STS_METERS } from '../sim/demo-data';

const METER = DEMO_STS_METERS[1]!.number; // RF behind DCU-SANAA-01, 12.5 kWh to start with
let under: ShahnUnderTest;
let sims: Simulators;
let shahn: ShahnUnderTest['shahn'];

test.beforeAll(async () => {
  // Simulated time starts three hours ago and plays two hours of consumption and interval readings,
  // so they fall inside the page's "last 24 hours" (the app itself runs on the real clock).
  const start = Date.now() - 3 * 3_600_000;
  under = await startShahnUnderTest({
    name: 'meters',
    sims: { frozen: true, now: () => new Date(start) },
    prepare: (s) => {
      s.sts.world.setLink(METER, { online: true, signal: 72 }); // no random drift: a steady RF link
      s.clock.advance(2 * 3_600_000);
    },
    env: NO_RETRIES,
  });
  ({ sims, shahn } = under);
});
test.afterAll(async () => under?.close());

const login = (page: Page, username: string, pin: string) => loginAs(page, shahn.url, username, pin);

const openMeterPage = (page: Page) => openMeterPageOf(page, shahn.url, METER);

/** Confirms a command in the dialog and returns the command's live status element. */
async function confirm(page: Page, kind: string, fill?: { reason?: string; limit?: string }) {
  await page.getByTestId(`meter-command-${kind}`).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(METER);
  if (fill?.reason !== undefined) await page.getByTestId('command-reason').fill(fill.reason);
  if (fill?.limit !== undefined) await page.getByTestId('command-limit').fill(fill.limit);
  await page.getByTestId('confirm-command').click();
}

const vendorCommands = (kind?: string) => [...sims.sts.world.commands.values()].filter((c) => c.meterNumber === METER && (!kind || c.request.command === kind));
const statusOf = (page: Page) => page.getByTestId('command-status');

test('a cashier has no Meters tab', async ({ page }) => {
  await login(page, 'cashier', '1111');
  await expect(page.getByTestId('nav-meters')).toHaveCount(0);
  await expect(page.getByTestId('meters-panel')).toHaveCount(0);
});

test('supervisor: status, balance, a disconnect with a reason, an engineering token', async ({ page }) => {
  await openMeterPage(page);

  // Live status and the balance, as the cloud has them.
  await expect(page.getByTestId('meter-online')).toHaveAttribute('data-online', 'true');
  await expect(page.getByTestId('meter-signal')).toHaveAttribute('data-signal', '72');
  await expect(page.getByTestId('meter-signal')).toContainText('72%');
  await expect(page.getByTestId('meter-status')).toContainText('DCU-SANAA-01');
  const tenths = sims.sts.meters.state(METER).balance;
  const kwh = `${Math.trunc(tenths / 10)}.${tenths % 10}`;
  await expect(page.getByTestId('meter-balance-value')).toContainText(kwh);
  await expect(page.getByTestId('meter-readings-table')).toBeVisible();

  // Disconnect: the reason is required, then the command goes pending -> sent -> done.
  await page.getByTestId('meter-command-disconnect').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(METER);
  await page.getByTestId('confirm-command').click();
  await expect(page.getByTestId('confirm-dialog').getByTestId('error-message')).toBeVisible();
  expect(vendorCommands()).toHaveLength(0);
  await page.getByTestId('command-reason').fill('عدم سداد الفواتير');
  await page.getByTestId('confirm-command').click();
  await expect(page.getByTestId('confirm-dialog')).toBeHidden();
  await expect(statusOf(page)).toHaveAttribute('data-status', 'sent', { timeout: 15_000 }); // the cloud accepted it
  sims.clock.advance(5_000); // the meter carries it out 3 s after it reaches it
  await expect(statusOf(page)).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(page.getByTestId('meter-relay')).toHaveAttribute('data-relay', 'disconnected');
  expect(sims.sts.meters.state(METER).relay).toBe('disconnected');
  await expect(page.getByTestId('meter-command-list')).toContainText('عدم سداد الفواتير');

  // The answer of a command is lost: "send again" reuses its id, so the meter gets it once.
  let dropped = false;
  await page.route('**/rpc/meters.command', async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.fetch(); // main queues the command...
    await route.abort('connectionreset'); // ...and the answer never arrives
  });
  await confirm(page, 'increase_amperage', { limit: '80' });
  await expect(page.getByTestId('confirm-command')).toHaveText('أرسل مرة أخرى (نفس الأمر)');
  await page.getByTestId('confirm-command').click();
  await expect(statusOf(page)).toHaveAttribute('data-status', 'sent', { timeout: 15_000 });
  sims.clock.advance(5_000);
  await expect(statusOf(page)).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(page.getByTestId('meter-amperage')).toContainText('80');
  expect(vendorCommands('increase_amperage')).toHaveLength(1);
  expect(shahn.app.db.read.prepare(`SELECT COUNT(*) AS n FROM meter_commands WHERE meter_number = ?`).get(METER)).toEqual({ n: 2 });

  // An engineering token: 20 digits in five groups of four, with its expiry.
  await page.getByTestId('maint-action-clear_tamper').check({ force: true });
  await page.getByTestId('maintenance-generate').click();
  await expect(page.getByTestId('maintenance-token')).toHaveText(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
  expect((await page.getByTestId('maintenance-token').innerText()).replace(/\s/g, '')).toMatch(/^\d{20}$/);
  await expect(page.getByTestId('maintenance-expiry')).toBeVisible();
});

test('vendor unreachable: the read says so plainly, a command waits as pending and completes later', async ({ page }) => {
  await openMeterPage(page);
  await expect(page.getByTestId('meter-online')).toBeVisible();
  await sims.sts.setFaults({ offline: true });
  await page.getByTestId('meter-status-refresh').click();
  await expect(page.getByTestId('meter-status').getByTestId('error-message')).toContainText('تعذر الوصول');
  await expect(page.getByTestId('meter-online')).toBeVisible(); // the last values read stay on screen

  await confirm(page, 'reconnect');
  await expect(statusOf(page)).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('meter-command-list')).toBeVisible();

  await sims.sts.setFaults({});
  await expect(statusOf(page)).toHaveAttribute('data-status', 'sent', { timeout: 20_000 });
  sims.clock.advance(5_000);
  await expect(statusOf(page)).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(page.getByTestId('meter-relay')).toHaveAttribute('data-relay', 'on');
  expect(vendorCommands('reconnect')).toHaveLength(1);
});
