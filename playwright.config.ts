import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

// Debian's Chromium where Playwright's own browser is not installed (it cannot be downloaded here).
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.SHAHN_CHROMIUM ?? (fs.existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
