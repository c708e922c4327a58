// What every end-to-end test starts from: the simulators, and Shahn's browser host on a fresh
// demo database pointed at them, plus logging in through the real login screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { AppSettings } from '../../main/config';
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
