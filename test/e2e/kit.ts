// What every end-to-end test starts from: the simulators, and Shahn's browser host on a fresh
// demo database pointed at them, plus logging in through the real login screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { AppSettings } from '../../main/app/config';
import { startBrowserShahn } from '../../scripts/start-browser';
import { startSimulators, type Simulators } from '../sim';

export interface ShahnUnderTest {
  sims: Simulators;
  shahn: Awaited<ReturnType<typeof startBrowserShahn>>;
  close(): Promise<void>;
}

export async function startShahnUnderTest(o: {
  name: string;
  sims?: Parameters<typeof startSimulators>[0];
  /** Runs on the simulators before Shahn starts (pin links, move the clock...). */
  prepare?: (sims: Simulators) => void;
  env?: Record<string, string>;
  settings?: Partial<AppSettings>;
}): Promise<ShahnUnderTest> {
  const sims = await startSimulators(o.sims);
  o.prepare?.(sims);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `shahn-e2e-${o.name}-`));
  const shahn = await startBrowserShahn(
    {
      ...sims.env, SHAHN_DATA_DIR: dataDir, SHAHN_SEED_DEMO: '1', SHAHN_LOG_LEVEL: 'silent',
      SHAHN_PRINTER: `tcp://${sims.printer.host}:${sims.printer.port}`, ...o.env,
    },
    0,
    { validateOutputs: true, outbox: { baseDelayMs: 50, maxDelayMs: 500, idleProbeMs: 300 }, ...o.settings },
  );
  return {
    sims,
    shahn,
    async close() {
      await shahn.close();
      await sims.close();
    },
  };
}

/** Fail fast instead of retrying: the tests inject faults and want the outcome they asked for. */
export const NO_RETRIES = { STS_API_RETRY_ATTEMPTS: '0', ACREL_API_RETRY_ATTEMPTS: '0', HEAD_OFFICE_RETRY_ATTEMPTS: '0' };

export async function login(page: Page, url: string, username = 'cashier', pin = '1111'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-pin').fill(pin);
  await page.getByTestId('login-submit').click();
  // A counter that requires a shift asks for the cash float first (issue 8): open one with none.
  const openShift = page.getByTestId('open-shift');
  await expect(page.getByTestId('meter-input').or(openShift)).toBeVisible();
  if (await openShift.isVisible()) {
    await page.getByTestId('float-input').fill('0');
    await page.getByTestId('open-shift-submit').click();
  }
  await expect(page.getByTestId('meter-input')).toBeVisible();
}

/** The sell screen: types a meter number, Enter, and waits for its card. */
export async function findMeter(page: Page, meter: string): Promise<void> {
  await page.getByTestId('meter-input').fill(meter);
  await page.getByTestId('meter-input').press('Enter');
  await expect(page.getByTestId('meter-card')).toContainText(meter);
}

/** A number shown on screen, its digits only (group separators, currency and labels dropped). */
export const shownNumber = async (page: Page, testId: string): Promise<number> =>
  Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ''));

/**
 * A cash sale through the sell screen, the exact amount tendered, confirmed with the button;
 * `beforeConfirm` runs just before the sale is confirmed. Returns the receipt number shown.
 */
export async function sell(page: Page, meter: string, amount: string, beforeConfirm?: () => Promise<void>): Promise<number> {
  await findMeter(page, meter);
  await page.getByTestId('amount-input').fill(amount);
  await expect(page.getByTestId('quote-panel')).toBeVisible();
  await page.getByTestId('tendered-input').fill(amount);
  await beforeConfirm?.();
  await page.getByTestId('confirm-sale').click();
  await expect(page.getByTestId('sale-status')).toBeVisible();
  return shownNumber(page, 'sale-receipt-no');
}

/** A supervisor on the meter page of `meter`, the page in Arabic (right to left). */
export async function openMeterPage(page: Page, url: string, meter: string): Promise<void> {
  await login(page, url, 'supervisor', '2222');
  // The demo supervisor works in English; these tests run the page in Arabic (right to left).
  if ((await page.locator('html').getAttribute('lang')) !== 'ar') await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('nav-meters').click();
  await page.getByTestId('meters-search').fill(meter);
  await page.getByTestId('meters-search').press('Enter');
  await expect(page.getByTestId('meters-panel')).toContainText(meter);
}
