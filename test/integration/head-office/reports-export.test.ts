// A large export: 20,000 open sales (delivered through ingestSales, the push's own path) streamed
// as CSV by the running service to a signed-in console viewer, every row there in order; a reader
// that hangs up mid-export hands its database connection back; and the same report from the
// `report` administration command.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSales } from '../../../head-office/ingest';
import { reportCurrencyDecimals } from '../../../head-office/db/counters';
import type { CountersAnswer, OutstandingAnswer } from '../../../head-office/reports/wire';
import { addConsoleUser, consoleClient } from '../../helpers/console';
import { eventually } from '../../helpers/harness';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';
import { PERIODS, soldAt } from './reports-fixture';

const MAIN = path.join(__dirname, '..', '..', '..', 'head-office', 'main.ts');
const ROWS = 20_000;
const postgres = usePostgres();
let databaseUrl: string;
let ho: TestHeadOffice;
let url: string;
let cookie: string;
/** The viewer's session on every request. */
const fetchAs = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { cookie: `shahn_console=${cookie}` } });

beforeAll(async () => {
  databaseUrl = await postgres.freshDatabase();
  ho = await startTestHeadOffice(databaseUrl, { timeZone: 'Africa/Tripoli' });
  url = ho.url;
  const counter = await ho.addCounter('Counter Big');
  const start = Date.parse('2026-03-01T00:00:00.000Z');
  for (let b = 0; b < ROWS / 500; b++) {
    const batch = Array.from({ length: 500 }, (_, i) => {
      const n = b * 500 + i;
      // A name the spreadsheet would run, on every row.
      return soldAt(new Date(start + n * 1_000).toISOString(), { currency: 'LYD', receiptNo: n + 1, cashier: '@cashier', status: 'pending', chargedMinor: 1_000 + n, energyTenths: 80, tariff: PERIODS.day, token: null });
    });
    const r = await ingestSales(ho.pool, counter.id, batch);
    expect(r.rejected).toEqual([]);
  }
  // As its pushes would have said: LYD in ISO's 3 decimals.
  await reportCurrencyDecimals(ho.pool, counter.id, 3);
  await addConsoleUser(ho.pool, 'amal', 'viewer');
  const viewer = consoleClient(url);
  expect((await viewer.signIn('amal')).status).toBe(200);
  cookie = viewer.cookie!;
}, 120_000);
afterAll(() => ho?.close());

describe('a large CSV export', () => {
  it(`streams ${ROWS} rows in order, chunked, with every money cell exact`, async () => {
    const started = performance.now();
    const res = await fetchAs('/console/api/reports/outstanding.csv?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    let rest = '';
    let chunks = 0;
    let rows = 0;
    let expectNext = 1;
    const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
    for await (const chunk of res.body!) {
      chunks++;
      rest += decoder.decode(chunk as Uint8Array, { stream: true });
      const lines = rest.split('\r\n');
      rest = lines.pop()!;
      for (const line of lines) {
        if (rows++ === 0) {
          expect(line.startsWith('Counter,Receipt No.')).toBe(true);
          continue;
        }
        const cells = line.split(',');
        expect(cells[1]).toBe(String(expectNext));
        expect(cells[4]).toBe("'@cashier");
        expect(cells[7]).toBe((1_000 + expectNext - 1).toString().replace(/(\d{3})$/, '.$1').replace(/^\./, '0.'));
        expectNext++;
      }
    }
    expect(rest).toBe('');
    expect(rows).toBe(ROWS + 1);
    expect(chunks).toBeGreaterThan(1);
    console.log(`outstanding.csv: ${ROWS} rows in ${chunks} chunks, ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('a reader that hangs up mid-export gives the database connection back', async () => {
    const ac = new AbortController();
    const res = await fetchAs('/console/api/reports/outstanding.csv', { signal: ac.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await reader.closed.catch(() => undefined);
    await eventually(() => ho.pool.totalCount === ho.pool.idleCount, 10_000, 'the export\'s connection to return to the pool');
    const r = await fetchAs('/console/api/reports/counters?lang=en');
    expect(((await r.json()) as CountersAnswer).counters[0]!.ledger.openCount).toBe(ROWS);
  });

  it('JSON answers stop at their limit and say so', async () => {
    const a = (await (await fetchAs('/console/api/reports/outstanding')).json()) as OutstandingAnswer;
    expect(a.sales).toHaveLength(5_000);
    expect(a.truncated).toBe(true);
    await eventually(() => ho.pool.totalCount === ho.pool.idleCount, 10_000, 'the cursor to be closed');
  });
});

describe('npm run head-office -- report', () => {
  const run = (args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: Buffer; err: string }> => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'report', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, HEAD_OFFICE_TIME_ZONE: 'Africa/Tripoli', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, out: Buffer.concat(out), err })));
  };

  it('prints a report as CSV on stdout, every row, with the Arabic header', async () => {
    const r = await run(['sales-by-day', '--from', '2026-03-01', '--to', '2026-03-01', '--by', 'cashier', '--lang', 'ar', '--csv']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = r.out.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('اليوم,الكاشير,المفتاح,العملة,الخانات العشرية,ملاحظات,عدد المبيعات الصادرة,المحصل من المبيعات الصادرة,قيمة المبيعات الصادرة,طاقة المبيعات الصادرة (ك.و.س),' +
      'عدد المبيعات المفتوحة,المحصل من المبيعات المفتوحة,قيمة المبيعات المفتوحة,طاقة المبيعات المفتوحة (ك.و.س),عدد المبيعات المرفوضة,المبالغ المعادة');
    // One sale a second from 00:00 UTC (02:00 in Tripoli): all 20,000 on 1 March there, all still pending.
    const n = ROWS;
    const charged = n * 1_000 + (n * (n - 1)) / 2;
    expect(lines.slice(1)).toEqual([`2026-03-01,'@cashier — Counter Big,1:@cashier,LYD,3,,0,0.000,0.000,0.0,${n},${(charged / 1000).toFixed(3)},${(charged / 1000).toFixed(3)},${(n * 8).toFixed(1)},0,0.000`, '']);
  });

  it('prints JSON without --csv, and refuses a bad option with one line and exit status 2', async () => {
    const j = await run(['counters']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out.toString()).counters[0]).toMatchObject({ name: 'Counter Big', ledger: { openCount: ROWS } });
    for (const [args, msg] of [
      [['sales-by-day', '--from', '2026-03-01'], /^--to is missing or invalid for report sales-by-day/],
      [['sales-by-day', '--from', '2026-03-01', '--to', '2026-03-01', '--by', 'week'], /^--by is missing or invalid/],
      [['weekly'], /^unknown report "weekly"/],
      [['outstanding', '--valid-hours', '2'], /^--valid-hours does not apply to report/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
    const tz = await run(['outstanding'], { HEAD_OFFICE_TIME_ZONE: 'UTC+3' });
    expect(tz).toMatchObject({ code: 2, err: expect.stringMatching(/^HEAD_OFFICE_TIME_ZONE must be an IANA time zone/) });
  });
});
