// A counter put into service the way an engineer does it, end to end, on the production entry
// (`npm run serve`: main/host/serve.ts, the built renderer, no demo data) and an EMPTY data folder:
// the setup in Arabic with "offline only" (the STS vendor's address is a closed port: unreachable),
// the first admin, a cashier, the STS test key loaded and its KCV checked, a tariff, meters imported
// from an .xlsx; then the cashier's first sale, a token made on the counter, and that token decoded
// with the meter's own decoder key: the energy and TID are the sale's.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dateFromTid, decodeToken, deriveDecoderKey, meterPan } from '../../main/sts';
import { stsNumber, toXlsx } from '../helpers/import-sheet';
import { startSimulators, type Simulators } from '../sim';
import { DEMO_STS_KEYS, DEMO_STS_METERS } from '../sim/demo-data';
import { login, NO_RETRIES, sell } from './kit';

const ROOT = path.resolve(__dirname, '../..');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const K = DEMO_STS_KEYS;
const METER = DEMO_STS_METERS[0]!.number; // 04000001018: SGC 123456, TI 01, KRN 1, KT2, base 2014
const SECOND = stsNumber('0400000900');
const ADMIN = { username: 'amina', pin: '2580' };
const CASHIER = { username: 'salem', pin: '3690' };

let sims: Simulators;
let dataDir: string;
let serve: ChildProcessWithoutNullStreams;
let url: string;
let output = '';

/** A port nothing listens on: the STS vendor's address, so the vendor is unreachable. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test.beforeAll(async () => {
  sims = await startSimulators();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-e2e-into-service-'));
  const env = {
    ...process.env, ...sims.env, ...NO_RETRIES,
    STS_API_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
    SHAHN_DATA_DIR: dataDir, PORT: '0', SHAHN_LOG_LEVEL: 'silent',
  };
  serve = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'main', 'host', 'serve.ts')], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  serve.stderr.on('data', (b: Buffer) => { output += b.toString(); });
  url = await new Promise<string>((resolve, reject) => {
    serve.stdout.on('data', (b: Buffer) => {
      output += b.toString();
      const m = /^Shahn: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (m) resolve(m[1]!);
    });
    serve.on('exit', (code) => reject(new Error(`npm run serve exited ${code}: ${output}`)));
  });
});

test.afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise<number | null>((resolve) => serve.on('exit', resolve));
    serve.kill('SIGTERM');
    expect(await exited, output).toBe(0);
  }
  await sims?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The contract over HTTP with a session of its own, as the browser host's renderer calls it. */
async function rpc<T>(channel: string, input: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as T;
  expect(res.ok, `${channel}: ${JSON.stringify(body)}`).toBe(true);
  return body;
}

const next = (page: Page) => page.getByTestId('setup-next').click();
const onStep = (page: Page, step: string) => expect(page.getByTestId(`setup-step-${step}`)).toBeVisible();

async function walkSetup(page: Page) {
  await page.goto(url);
  await onStep(page, 'language');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('setup-language-ar').check({ force: true });
  await next(page);

  await onStep(page, 'counter');
  await page.getByTestId('setup-counter-name').fill('تعز - الجمهوري');
  await page.getByTestId('setup-counter-number').fill('TAZ-01');
  await next(page);

  await onStep(page, 'currency');
  await page.getByTestId('setup-currency-code').fill('SAR');
  await expect(page.getByTestId('setup-decimals-2')).toBeChecked();
  await next(page);

  await onStep(page, 'timeZone');
  await page.getByTestId('setup-tz-search').fill('Aden');
  await expect(page.getByTestId('setup-tz-list')).toHaveValue('Asia/Aden');
  await next(page);

  await onStep(page, 'company');
  await page.getByTestId('setup-company-name-ar').fill('كهرباء تعز');
  await page.getByTestId('setup-company-name-en').fill('Taiz Power');
  await page.getByTestId('setup-company-address-ar').fill('تعز، شارع جمال');
  await page.getByTestId('setup-company-tax').fill('300012345600003');
  await next(page);

  // No vendor reachable from this counter: offline only, tokens are made here.
  await onStep(page, 'vendors');
  await page.getByTestId('setup-offline-only').check();
  await next(page);

  await onStep(page, 'printer');
  await page.getByTestId('setup-printer-iface').fill(`tcp://${sims.printer.host}:${sims.printer.port}`);
  await page.getByTestId('setup-printer-test').click();
  await expect(page.getByTestId('setup-printer-ok')).toBeVisible();
  await next(page);

  await onStep(page, 'admin');
  await page.getByTestId('setup-admin-username').fill(ADMIN.username);
  await page.getByTestId('setup-admin-name').fill('أمينة الشامي');
  await page.getByTestId('setup-admin-name-latin').fill('Amina Al-Shami');
  await page.getByTestId('setup-admin-pin').fill(ADMIN.pin);
  await page.getByTestId('setup-admin-pin2').fill(ADMIN.pin);
  await next(page);
  await expect(page.getByTestId('login-username')).toHaveValue(ADMIN.username);
  await expect(page.getByTestId('login-counter')).toContainText('TAZ-01');
}

async function addCashier(page: Page) {
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-new').click();
  const form = page.getByTestId('user-form');
  await form.getByTestId('user-username').fill(CASHIER.username);
  await form.getByTestId('user-display-name').fill('سالم العبسي');
  await form.getByTestId('user-role').selectOption('cashier');
  await form.getByTestId('user-pin').fill(CASHIER.pin);
  await form.getByTestId('user-save').click();
  // Saved: listed, and the form now edits that user.
  await expect(page.getByTestId('user-row').filter({ hasText: CASHIER.username })).toBeVisible();
  await expect(form.getByTestId('user-username')).toHaveAttribute('readonly', '');
  // The form remounted for the saved record and still says it was saved.
  await expect(form.getByTestId('user-saved')).toBeVisible();
}

async function loadTestKey(page: Page) {
  await page.getByTestId('nav-keys').click();
  await expect(page.getByTestId('keys-empty')).toBeVisible();
  await page.getByTestId('key-sgc').fill(K.sgc);
  await page.getByTestId('key-krn').selectOption(String(K.krn));
  await page.getByTestId('key-type').selectOption(String(K.keyType));
  await page.getByTestId('key-base-date').selectOption(String(K.baseDate));
  await page.getByTestId('key-ea').selectOption(K.ea);
  await page.getByTestId('key-dkga').selectOption(K.dkga);
  await page.getByTestId('key-hex').fill(K.vendingKey);
  await page.getByTestId('key-hex-again').fill(K.vendingKey);
  // The KCV from the key certificate: Shahn refuses the key if it computes another.
  await page.getByTestId('key-expected-kcv').fill('C33F45');
  await page.getByTestId('key-submit').click();
  await expect(page.getByTestId('key-loaded')).toContainText('C33F45');
  const row = page.locator(`[data-testid="key-row"][data-sgc="${K.sgc}"][data-krn="${K.krn}"][data-status="active"]`);
  await expect(row.getByTestId('key-kcv')).toHaveText('C33F45');
  await expect(page.getByTestId('keys-list')).not.toContainText(K.vendingKey);
}

/** One schedule, all day at 100 halalas (1 SAR) a kWh, through the Tariffs screen. */
async function createTariff(page: Page) {
  await page.getByTestId('nav-tariffs').click();
  await expect(page.getByTestId('tariffs-screen')).toBeVisible();
  await page.getByTestId('tariffs-screen').getByRole('button', { name: 'جدول جديد' }).click();
  const editor = page.getByTestId('schedule-editor').locator('.editor-grid');
  await editor.getByLabel('الرمز').fill('RES-1');
  await editor.getByLabel('الاسم (عربي)').fill('منزلي');
  await editor.getByLabel('الاسم (إنجليزي)').fill('Residential');
  await page.getByTestId('save-version').click();
  await expect(page.getByTestId('schedule-RES-1')).toBeVisible();
  await expect(page.getByTestId('schedule-detail')).toContainText('RES-1');
}

async function importMeters(page: Page) {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('csv-open').click();
  const sts = [K.sgc, K.ti, String(K.krn), String(K.keyType), String(K.baseDate)];
  const rows = [
    [METER, 'sts', 'أحمد علي الصالح', 'Ahmad Ali Al-Saleh', '+967711000101', 'تعز', 'RES-1', '', ...sts],
    [SECOND, 'sts', 'نادية الحكيمي', 'Nadia Al-Hakimi', '777555001', 'تعز', 'RES-1', '', ...sts],
  ];
  await page.getByTestId('csv-file').setInputFiles({ name: 'meters.xlsx', mimeType: XLSX, buffer: await toXlsx(rows) });
  await page.getByTestId('csv-dry-run').click();
  await expect(page.getByTestId('csv-report')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('import-meters')).toHaveText(/^[2٢]$/);
  await page.getByTestId('csv-import').click();
  await expect(page.getByTestId('csv-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('import-meters')).toHaveText(/^[2٢]$/);
}

test('a real counter put into service: setup, key, tariff, meters, and a local token the meter decodes', async ({ page }) => {
  test.setTimeout(120_000);
  await walkSetup(page);

  // The administrator: a cashier, the vending key, a tariff, the meters.
  await login(page, url, ADMIN.username, ADMIN.pin);
  await addCashier(page);
  await loadTestKey(page);
  await createTariff(page);
  await importMeters(page);
  await page.getByTestId('logout').click();

  // The cashier's first sale: 10 SAR on the imported meter, the vendor unreachable.
  await login(page, url, CASHIER.username, CASHIER.pin);
  const receiptNo = await sell(page, METER, '10');
  await expect(page.getByTestId('sale-status')).toHaveAttribute('data-status', 'issued');
  await expect(page.getByTestId('sale-result')).toContainText('صادر من هذه النقطة'); // made on the counter
  const token = (await page.getByTestId('sale-token').innerText()).replace(/\s/g, '');
  expect(token).toMatch(/^\d{20}$/);

  // The sale as Shahn recorded it, through the contract with the administrator's session.
  const { token: session } = await rpc<{ token: string }>('auth.login', { username: ADMIN.username, pin: ADMIN.pin });
  const { tokens } = await rpc<{ tokens: { receiptNo: number; token: string; energyTenths: number; tokenSource: string; createdAt: string }[] }>(
    'history.lastTokens', { meterNumber: METER }, session);
  const sale = tokens[0]!;
  expect(sale).toMatchObject({ receiptNo, token, tokenSource: 'local', energyTenths: 100 }); // 10 SAR at 1 SAR/kWh
  const meter = await rpc<{ sts: { lastTid: number | null } }>('meters.detail', { meterNumber: METER }, session);

  // The meter's side: its decoder key from the vending key and its own PAN decodes the token.
  const decoderKey = deriveDecoderKey({ dkga: K.dkga, vendingKey: K.vendingKey, keyType: K.keyType, sgc: K.sgc, ti: K.ti, krn: K.krn, pan: meterPan(METER), baseDate: K.baseDate, ea: K.ea });
  const d = decodeToken(decoderKey, token);
  expect(d).toMatchObject({ class: 0, subclass: 0, crcOk: true, amountTenths: sale.energyTenths, tid: meter.sts.lastTid });
  const issued = dateFromTid(d.tid!, K.baseDate).getTime();
  expect(Math.abs(issued - Date.parse(sale.createdAt))).toBeLessThan(2 * 60_000);
  // The other imported meter's key does not open it.
  const otherKey = deriveDecoderKey({ dkga: K.dkga, vendingKey: K.vendingKey, keyType: K.keyType, sgc: K.sgc, ti: K.ti, krn: K.krn, pan: meterPan(SECOND), baseDate: K.baseDate, ea: K.ea });
  expect(decodeToken(otherKey, token).crcOk).toBe(false);
});
