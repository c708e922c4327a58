// Sales by day never add amounts in different minor units: four counters push sales of one day
// through the real service, three in YER (one counting in 0 decimals, one in 2, one too old to say)
// and one in LYD counting in 2. The head office sells in YER with 0 decimals (ICU, which the
// runtime's ISO 4217 answer comes from, gives YER 0 and LYD 3). Each (currency,
// decimals) is its own row, the counter that never said its decimals its own "unknown" row, and
// rows whose decimals differ from ISO 4217 or from the head office's are flagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import type { Sale } from '../../../preload/contract';
import type { NewCounter } from '../../../head-office/counters';
import { SalesByDayAnswerSchema } from '../../../head-office/reports/wire';
import { addConsoleUser, consoleClient, type ConsoleClient } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';
import { PERIODS, soldAt } from './reports-fixture';

const postgres = usePostgres();
let ho: TestHeadOffice;
let viewer: ConsoleClient;
const c: Record<'yer0' | 'yer2' | 'yerOld' | 'lyd2', NewCounter> = {} as never;

const sales = (currency: string, first: number, ...charged: number[]): Sale[] =>
  charged.map((chargedMinor, i) => soldAt(`2026-03-01T1${i}:00:00.000Z`, { currency, receiptNo: first + i, cashier: 'Omar', chargedMinor, energyTenths: 10, tariff: PERIODS.day }));

beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase(), { timeZone: 'UTC', currency: { code: 'YER', decimals: 0 } });
  c.yer0 = await ho.addCounter('YER 0');
  c.yer2 = await ho.addCounter('YER 2');
  c.yerOld = await ho.addCounter('YER old');
  c.lyd2 = await ho.addCounter('LYD 2');
  const push = async (counter: NewCounter, list: Sale[], currencyDecimals?: number) => {
    const r = await createHeadOfficeClient(ho.endpoint(counter)).pushSales(list, { counts: { pendingSales: 0, unknownSales: 0 }, currencyDecimals });
    if (r.kind !== 'ok' || r.value.rejected.length > 0) throw new Error(`push refused: ${JSON.stringify(r)}`);
  };
  await push(c.yer0, sales('YER', 1, 1_000, 2_000), 0); // 3,000 rials
  await push(c.yer2, sales('YER', 1, 150_000), 2); // 1,500.00 rials
  await push(c.yerOld, sales('YER', 1, 700)); // a counter older than the decimals field: unknown
  await push(c.lyd2, sales('LYD', 1, 1_250), 2); // LYD in 2 decimals where ISO says 3
  // A later push without decimals (an older build again) does not forget what the counter said.
  await push(c.yer0, sales('YER', 3, 500));
  await addConsoleUser(ho.pool, 'amal', 'viewer');
  viewer = consoleClient(ho.url);
  expect((await viewer.signIn('amal')).status).toBe(200);
}, 60_000);
afterAll(() => ho?.close());

const report = async (q: string) => {
  const r = await fetch(`${ho.url}/console/api/reports/sales-by-day?${q}`, { headers: { cookie: `shahn_console=${viewer.cookie!}` } });
  expect(r.status).toBe(200);
  return SalesByDayAnswerSchema.parse(await r.json());
};

describe('sales per day across counters counting in different decimals', () => {
  it('groups by currency and decimals, keeps the unknown apart, and flags what differs from ISO 4217 and the head office', async () => {
    const a = await report('from=2026-03-01&to=2026-03-01&by=product');
    expect(a.rows.map((r) => [r.key, r.currency, r.currencyDecimals, r.isoDecimals, r.flags, r.sold.count, r.sold.chargedMinor])).toEqual([
      ['sts_kwh', 'LYD', 2, 3, ['DECIMALS_NOT_ISO'], 1, 1_250],
      ['sts_kwh', 'YER', 0, 0, [], 3, 3_500],
      ['sts_kwh', 'YER', 2, 0, ['DECIMALS_NOT_ISO', 'DECIMALS_NOT_HEAD_OFFICE'], 1, 150_000],
      ['sts_kwh', 'YER', null, 0, ['DECIMALS_UNKNOWN'], 1, 700],
    ]);
  });

  it('writes each row\'s amounts in its own decimals in the CSV, the unknown in minor units', async () => {
    const r = await fetch(`${ho.url}/console/api/reports/sales-by-day?from=2026-03-01&to=2026-03-01&by=product&format=csv&lang=en`,
      { headers: { cookie: `shahn_console=${viewer.cookie!}` } });
    const lines = (await r.text()).replace(/^\uFEFF/, '').split('\r\n').map((l) => l.split(',').slice(3, 8).join(','));
    expect(lines.slice(1, 5)).toEqual([
      "LYD,2,The counters' currency decimals differ from ISO 4217,1,12.50",
      'YER,0,,3,3500',
      "YER,2,The counters' currency decimals differ from ISO 4217; The counters' currency decimals differ from the head office's,1,1500.00",
      'YER,unknown,Currency decimals unknown (a counter that never said them): amounts in minor units,1,700',
    ]);
  });
});
