// The reports across counters on a real PostgreSQL, seeded through the real ingest path (signed
// pushes to the service, and ingestSales): sales per day cut in the utility's zone (Africa/Tripoli,
// and Europe/Berlin across both DST changes), by counter, cashier, product and tariff period, per
// currency; Z reports against the ledger's sales with a cash variance, sales the ledger lacks and a
// sale refused after the close; the sales still open; CSV bytes; every total hand-computed. Read
// as the console reads them: from the running service, by a signed-in viewer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import type { Sale } from '../../../preload/contract';
import type { NewCounter } from '../../../head-office/counters';
import { ingestSales } from '../../../head-office/ingest';
import { reportCurrencyDecimals } from '../../../head-office/db/counters';
import { CountersAnswerSchema, OutstandingAnswerSchema, SalesByDayAnswerSchema, ZReportsAnswerSchema } from '../../../head-office/reports/wire';
import { addConsoleUser, consoleClient, type ConsoleClient } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';
import { PERIODS, soldAt, zReport } from './reports-fixture';

const postgres = usePostgres();
let ho: TestHeadOffice;
let viewer: ConsoleClient;
const counters: Record<'A' | 'B' | 'C' | 'D', NewCounter> = {} as never;
const S: Record<string, Sale> = {};

const lyd = { currency: 'LYD' };
const egp = { currency: 'EGP' };
const none = { energyTenths: null };

function seedSales() {
  // Counter A (LYD): Omar and Layla. Tripoli is UTC+2: 22:00Z is local midnight.
  S.A0 = soldAt('2026-02-28T21:59:59.999Z', { ...lyd, receiptNo: 1, cashier: 'Omar', chargedMinor: 900, energyTenths: 72, tariff: PERIODS.night });
  S.A1 = soldAt('2026-03-01T21:59:59.000Z', { ...lyd, receiptNo: 2, cashier: 'Omar', chargedMinor: 10_000, valueMinor: 9_500, energyTenths: 800, tariff: PERIODS.night });
  S.A2 = soldAt('2026-03-01T22:00:00.000Z', { ...lyd, receiptNo: 3, cashier: 'Omar', chargedMinor: 5_000, energyTenths: 400, tariff: PERIODS.night });
  S.A3 = soldAt('2026-03-01T08:00:00.000Z', { ...lyd, ...none, receiptNo: 4, cashier: 'Layla', product: 'acrel_credit', chargedMinor: 20_000, tariff: PERIODS.day, token: null });
  S.A4 = soldAt('2026-03-02T10:00:00.000Z', { ...lyd, receiptNo: 5, cashier: 'Layla', status: 'pending', chargedMinor: 7_000, energyTenths: 560, tariff: PERIODS.day, token: null, errorCode: 'OFFLINE' });
  S.A5 = soldAt('2026-03-01T18:00:00.000Z', { ...lyd, receiptNo: 6, cashier: 'Omar', status: 'failed', chargedMinor: 3_000, energyTenths: 240, tariff: PERIODS.peak, token: null });
  S.A6 = soldAt('2026-03-01T20:00:00.000Z', { ...lyd, receiptNo: 7, cashier: 'Omar', status: 'failed', chargedMinor: 1_500, energyTenths: 120, tariff: PERIODS.peak, token: null });
  S.A7 = soldAt('2026-03-02T22:00:00.000Z', { ...lyd, receiptNo: 8, cashier: 'Omar', chargedMinor: 800, energyTenths: 64, tariff: PERIODS.night });
  // Counter B (LYD): Salem; an account payment, a sale by card whose outcome is unknown, a sale the vending server priced.
  S.B1 = soldAt('2026-03-01T09:00:00.000Z', { ...lyd, ...none, receiptNo: 1, cashier: 'Salem', product: 'settlement', kind: 'settlement', chargedMinor: 15_000, tariff: PERIODS.day, token: null });
  S.B2 = soldAt('2026-03-02T17:00:00.000Z', { ...lyd, receiptNo: 2, cashier: 'Salem', status: 'unknown', paymentMethod: 'card', chargedMinor: 4_000, energyTenths: 320, tariff: PERIODS.peak, token: null, errorCode: 'OUTCOME_UNKNOWN' });
  S.B3 = soldAt('2026-03-02T07:00:00.000Z', { ...lyd, receiptNo: 3, cashier: 'Salem', chargedMinor: 6_000, energyTenths: 480, tariff: PERIODS.day, server: { protocol: 'xmlvend', tariffName: 'Home 2026', lines: [] } });
  // Counter C (EGP, a name a spreadsheet would run as a formula): another Omar, another person.
  S.C1 = soldAt('2026-03-01T21:30:00.000Z', { ...egp, receiptNo: 1, cashier: 'Omar', chargedMinor: 25_050, energyTenths: 1_500, tariff: PERIODS.night });
  S.C2 = soldAt('2026-03-01T23:00:00.000Z', { ...egp, receiptNo: 2, cashier: 'Omar', chargedMinor: 1_000, energyTenths: 60, tariff: PERIODS.night });
  // Counter D (EUR), around Europe/Berlin's DST changes (2026-03-29 is 23 hours long, 2026-10-25 is 25).
  const eur = (at: string, receiptNo: number, chargedMinor: number) => soldAt(at, { currency: 'EUR', receiptNo, cashier: 'Hans', chargedMinor, energyTenths: 10, tariff: PERIODS.day });
  S.D1 = eur('2026-03-28T22:59:59.000Z', 1, 100);
  S.D2 = eur('2026-03-28T23:00:00.000Z', 2, 200);
  S.D3 = eur('2026-03-29T21:59:59.000Z', 3, 400);
  S.D4 = eur('2026-03-29T22:00:00.000Z', 4, 800);
  S.D5 = eur('2026-10-25T22:59:59.000Z', 5, 1_600);
  S.D6 = eur('2026-10-24T22:00:00.000Z', 6, 3_200);
  S.D7 = eur('2026-10-24T21:59:59.000Z', 7, 6_400);
}

/** Sales the Z report of counter A counted that never reached the head office. */
const NEVER_PUSHED = {
  issued: soldAt('2026-03-01T12:00:00.000Z', { ...lyd, receiptNo: 98, cashier: 'Omar', chargedMinor: 2_000, tariff: PERIODS.day }),
  pending: soldAt('2026-03-01T13:00:00.000Z', { ...lyd, receiptNo: 99, cashier: 'Omar', status: 'pending', chargedMinor: 1_000, tariff: PERIODS.day }),
};

beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase(), { timeZone: 'Africa/Tripoli' });
  counters.A = await ho.addCounter('Counter A');
  counters.B = await ho.addCounter('Counter B');
  counters.C = await ho.addCounter('=Counter C');
  counters.D = await ho.addCounter('Counter D');
  seedSales();
  // Counters A and B count LYD in ISO's 3 decimals and say so with each push.
  const push = async (c: NewCounter, sales: Sale[], counts?: { pendingSales: number; unknownSales: number }) => {
    const r = await createHeadOfficeClient(ho.endpoint(c)).pushSales(sales, { counts, currencyDecimals: 3 });
    if (r.kind !== 'ok' || r.value.rejected.length > 0) throw new Error(`push refused: ${JSON.stringify(r)}`);
  };
  // Sale A6 first as the Z report saw it (pending), then refused: the ledger keeps the later version.
  await push(counters.A, [S.A0!, S.A1!, S.A2!, S.A3!, S.A4!, S.A5!, { ...S.A6!, status: 'pending' }, S.A7!]);
  await push(counters.A, [{ ...S.A6!, updatedAt: '2026-03-02T08:00:00.000Z' }], { pendingSales: 1, unknownSales: 0 });
  await push(counters.B, [S.B1!, S.B2!, S.B3!], { pendingSales: 0, unknownSales: 1 });
  expect((await ingestSales(ho.pool, counters.C.id, [S.C1, S.C2])).accepted).toHaveLength(2);
  expect((await ingestSales(ho.pool, counters.D.id, ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7'].map((k) => S[k]))).accepted).toHaveLength(7);
  // C and D were ingested directly: their decimals as a push would have said them (ISO's for EGP and EUR).
  await reportCurrencyDecimals(ho.pool, counters.C.id, 2);
  await reportCurrencyDecimals(ho.pool, counters.D.id, 2);

  const zA = zReport({
    zNo: 12, cashier: 'Omar', counter: 'Counter 1', currency: 'LYD', currencyDecimals: 3, openedAt: '2026-03-01T06:00:00.000Z', closedAt: '2026-03-01T22:30:00.000Z',
    floatMinor: 50_000, salesCount: 5, chargedMinor: 19_500, cashSalesMinor: 19_500, countedCashMinor: 69_000,
    open: [{ ...S.A6!, status: 'pending' }, NEVER_PUSHED.pending], failed: [S.A5!],
  });
  const zB = zReport({
    zNo: 3, cashier: 'Salem', counter: 'Counter 1', currency: 'LYD', currencyDecimals: 3, openedAt: '2026-03-01T06:00:00.000Z', closedAt: '2026-03-02T20:00:00.000Z',
    floatMinor: 0, salesCount: 3, chargedMinor: 25_000, cashSalesMinor: 21_000, countedCashMinor: 21_000, open: [S.B2!], failed: [],
  });
  // Counter C counts EGP in whole pounds (configured with 0 decimals; ISO 4217 gives EGP 2).
  const zC = zReport({
    zNo: 1, cashier: 'Omar', counter: 'Counter 1', currency: 'EGP', currencyDecimals: 0, openedAt: '2026-03-05T06:00:00.000Z', closedAt: '2026-03-05T10:00:00.000Z',
    floatMinor: 0, salesCount: 0, chargedMinor: 0, cashSalesMinor: 0, countedCashMinor: 0, open: [], failed: [],
  });
  for (const [c, z] of [[counters.A, zA], [counters.B, zB], [counters.C, zC]] as const) {
    const r = await createHeadOfficeClient(ho.endpoint(c)).pushZReport(z);
    if (r.kind !== 'ok') throw new Error(`Z report refused: ${JSON.stringify(r)}`);
  }

  // The least role: a viewer reads every report.
  await addConsoleUser(ho.pool, 'amal', 'viewer');
  viewer = consoleClient(ho.url);
  expect((await viewer.signIn('amal')).status).toBe(200);
}, 60_000);
afterAll(() => ho?.close());

/** A report as the browser fetches it, with the viewer's session cookie (or none). */
const get = async (url: string, session: ConsoleClient | null = viewer) => {
  const r = await fetch(`${ho.url}/console/api/reports${url}`, { headers: session?.cookie ? { cookie: `shahn_console=${session.cookie}` } : {} });
  const body = Buffer.from(await r.arrayBuffer());
  return { status: r.status, json: () => JSON.parse(body.toString('utf8')), body, headers: Object.fromEntries(r.headers) };
};
const amounts = (count: number, chargedMinor: number, valueMinor = chargedMinor, energyTenths = 0) => ({ count, chargedMinor, valueMinor, energyTenths });
const ZERO = amounts(0, 0);
const NO_REFUND = { count: 0, chargedMinor: 0 };

describe('sales per day', () => {
  it('by counter: days cut at local midnight in Africa/Tripoli, one row per currency, open and refused sales apart', async () => {
    const r = await get('/sales-by-day?from=2026-03-01&to=2026-03-02&by=counter');
    expect(r.status).toBe(200);
    // What the console will check its answers with.
    const a = SalesByDayAnswerSchema.parse(r.json());
    expect(a).toMatchObject({ report: 'sales-by-day', timeZone: 'Africa/Tripoli', from: '2026-03-01', to: '2026-03-02', by: 'counter', truncated: false,
      statuses: { sold: ['issued'], open: ['paid', 'pending', 'unknown'], refunded: ['failed'] } });
    const [a1, b1, c1] = [String(counters.A.id), String(counters.B.id), String(counters.C.id)];
    expect(a.rows).toEqual([
      { day: '2026-03-01', key: a1, label: { ar: 'Counter A', en: 'Counter A' }, currency: 'LYD', currencyDecimals: 3, isoDecimals: 3, flags: [], sold: amounts(2, 30_000, 29_500, 800), open: ZERO, refunded: { count: 2, chargedMinor: 4_500 } },
      { day: '2026-03-01', key: b1, label: { ar: 'Counter B', en: 'Counter B' }, currency: 'LYD', currencyDecimals: 3, isoDecimals: 3, flags: [], sold: amounts(1, 15_000), open: ZERO, refunded: NO_REFUND },
      { day: '2026-03-01', key: c1, label: { ar: '=Counter C', en: '=Counter C' }, currency: 'EGP', currencyDecimals: 2, isoDecimals: 2, flags: [], sold: amounts(1, 25_050, 25_050, 1_500), open: ZERO, refunded: NO_REFUND },
      { day: '2026-03-02', key: a1, label: { ar: 'Counter A', en: 'Counter A' }, currency: 'LYD', currencyDecimals: 3, isoDecimals: 3, flags: [], sold: amounts(1, 5_000, 5_000, 400), open: amounts(1, 7_000, 7_000, 560), refunded: NO_REFUND },
      { day: '2026-03-02', key: b1, label: { ar: 'Counter B', en: 'Counter B' }, currency: 'LYD', currencyDecimals: 3, isoDecimals: 3, flags: [], sold: amounts(1, 6_000, 6_000, 480), open: amounts(1, 4_000, 4_000, 320), refunded: NO_REFUND },
      { day: '2026-03-02', key: c1, label: { ar: '=Counter C', en: '=Counter C' }, currency: 'EGP', currencyDecimals: 2, isoDecimals: 2, flags: [], sold: amounts(1, 1_000, 1_000, 60), open: ZERO, refunded: NO_REFUND },
    ]);
  });

  it('by tariff period: from each sale\'s quote; account payments have none, server-priced sales their server\'s tariff', async () => {
    const rows = (await get('/sales-by-day?from=2026-03-01&to=2026-03-02&by=period')).json().rows as { day: string; key: string; label: { en: string; ar: string }; currency: string; sold: unknown; open: unknown; refunded: unknown }[];
    const DAY = '1:06:00-18:00:Day';
    const PEAK = '1:18:00-23:00:Peak';
    const NIGHT = '1:23:00-06:00:Night';
    expect(rows.map((r) => [r.day, r.key, r.currency, r.sold, r.open, r.refunded])).toEqual([
      ['2026-03-01', DAY, 'LYD', amounts(1, 20_000), ZERO, NO_REFUND],
      ['2026-03-01', PEAK, 'LYD', ZERO, ZERO, { count: 2, chargedMinor: 4_500 }],
      ['2026-03-01', NIGHT, 'EGP', amounts(1, 25_050, 25_050, 1_500), ZERO, NO_REFUND],
      ['2026-03-01', NIGHT, 'LYD', amounts(1, 10_000, 9_500, 800), ZERO, NO_REFUND],
      ['2026-03-01', 'none', 'LYD', amounts(1, 15_000), ZERO, NO_REFUND],
      ['2026-03-02', DAY, 'LYD', ZERO, amounts(1, 7_000, 7_000, 560), NO_REFUND],
      ['2026-03-02', PEAK, 'LYD', ZERO, amounts(1, 4_000, 4_000, 320), NO_REFUND],
      ['2026-03-02', NIGHT, 'EGP', amounts(1, 1_000, 1_000, 60), ZERO, NO_REFUND],
      ['2026-03-02', NIGHT, 'LYD', amounts(1, 5_000, 5_000, 400), ZERO, NO_REFUND],
      ['2026-03-02', 'server:Home 2026', 'LYD', amounts(1, 6_000, 6_000, 480), ZERO, NO_REFUND],
    ]);
    expect(rows[3]!.label).toEqual({ ar: 'منزلي — الليل 23:00–06:00', en: 'Residential — Night 23:00–06:00' });
    expect(rows[4]!.label).toEqual({ ar: 'بلا فترة تعرفة (سداد حساب)', en: 'No tariff period (account payment)' });
    expect(rows[9]!.label.en).toBe('Vending server tariff: Home 2026');
  });

  it('by cashier (a cashier at a counter) and by product, filtered by counter and product', async () => {
    const q = `from=2026-03-01&to=2026-03-01&counter=${counters.A.id},${counters.C.id}&product=sts_kwh`;
    const byCashier = (await get(`/sales-by-day?${q}&by=cashier`)).json().rows as { key: string; label: { en: string }; currency: string; sold: unknown; refunded: unknown }[];
    expect(byCashier.map((r) => [r.key, r.label.en, r.currency, r.sold, r.refunded])).toEqual([
      [`${counters.A.id}:Omar`, 'Omar — Counter A', 'LYD', amounts(1, 10_000, 9_500, 800), { count: 2, chargedMinor: 4_500 }],
      [`${counters.C.id}:Omar`, 'Omar — =Counter C', 'EGP', amounts(1, 25_050, 25_050, 1_500), NO_REFUND],
    ]);
    const byProduct = (await get('/sales-by-day?from=2026-03-01&to=2026-03-01&by=product')).json().rows as { key: string; label: { ar: string }; currency: string; sold: unknown; refunded: unknown }[];
    expect(byProduct.map((r) => [r.key, r.currency, r.sold, r.refunded])).toEqual([
      ['acrel_credit', 'LYD', amounts(1, 20_000), NO_REFUND],
      ['settlement', 'LYD', amounts(1, 15_000), NO_REFUND],
      ['sts_kwh', 'EGP', amounts(1, 25_050, 25_050, 1_500), NO_REFUND],
      ['sts_kwh', 'LYD', amounts(1, 10_000, 9_500, 800), { count: 2, chargedMinor: 4_500 }],
    ]);
    expect(byProduct[0]!.label.ar).toBe('رصيد عداد سحابي');
  });

  it('cuts days in a DST zone by its real midnights: a 23-hour and a 25-hour day', async () => {
    const d = `counter=${counters.D.id}`;
    const days = async (q: string) => ((await get(`/sales-by-day?${d}&${q}`)).json().rows as { day: string; sold: { count: number; chargedMinor: number } }[])
      .map((r) => [r.day, r.sold.count, r.sold.chargedMinor]);
    expect(await days('from=2026-03-28&to=2026-03-30&timeZone=Europe/Berlin')).toEqual([['2026-03-28', 1, 100], ['2026-03-29', 2, 600], ['2026-03-30', 1, 800]]);
    expect(await days('from=2026-03-29&to=2026-03-29&timeZone=Europe/Berlin')).toEqual([['2026-03-29', 2, 600]]);
    expect(await days('from=2026-10-24&to=2026-10-25&timeZone=Europe/Berlin')).toEqual([['2026-10-24', 1, 6_400], ['2026-10-25', 2, 4_800]]);
    // The same sales in the service's own zone (Tripoli, UTC+2 all year).
    expect(await days('from=2026-03-28&to=2026-03-30')).toEqual([['2026-03-29', 3, 700], ['2026-03-30', 1, 800]]);
  });
});

describe('Z reports against the ledger', () => {
  it('flags the cash variance, the sales the ledger lacks and a sale refused after the close; a matching report is clean', async () => {
    const r = await get('/z-reports?from=2026-03-01&to=2026-03-02');
    expect(r.status).toBe(200);
    const { rows } = ZReportsAnswerSchema.parse(r.json());
    expect(rows).toEqual([
      {
        counterId: counters.A.id, counterName: 'Counter A', zNo: 12, cashier: 'Omar', openedAt: '2026-03-01T06:00:00.000Z', closedAt: '2026-03-01T22:30:00.000Z',
        currency: 'LYD', currencyDecimals: 3, floatMinor: 50_000, expectedCashMinor: 69_500, countedCashMinor: 69_000, varianceMinor: -500,
        counter: { salesCount: 5, chargedMinor: 19_500, cashSalesMinor: 19_500 },
        // A1 and A2 (issued, Omar, in the shift), A6 (open at close, refused since); A5 was refused before the close.
        ledger: { salesCount: 3, chargedMinor: 16_500, cashSalesMinor: 16_500, expectedCashMinor: 66_500, refundedSinceClose: { count: 1, chargedMinor: 1_500 }, otherCurrencyCount: 0 },
        difference: { salesCount: 2, chargedMinor: 3_000, expectedCashMinor: 3_000 },
        missingReceiptNos: [99],
        flags: ['CASH_SHORT', 'SALES_MISSING', 'CHARGED_MISMATCH', 'EXPECTED_CASH_MISMATCH', 'REFUNDED_SINCE_CLOSE'],
      },
      {
        counterId: counters.B.id, counterName: 'Counter B', zNo: 3, cashier: 'Salem', openedAt: '2026-03-01T06:00:00.000Z', closedAt: '2026-03-02T20:00:00.000Z',
        currency: 'LYD', currencyDecimals: 3, floatMinor: 0, expectedCashMinor: 21_000, countedCashMinor: 21_000, varianceMinor: 0,
        counter: { salesCount: 3, chargedMinor: 25_000, cashSalesMinor: 21_000 },
        ledger: { salesCount: 3, chargedMinor: 25_000, cashSalesMinor: 21_000, expectedCashMinor: 21_000, refundedSinceClose: { count: 0, chargedMinor: 0 }, otherCurrencyCount: 0 },
        difference: { salesCount: 0, chargedMinor: 0, expectedCashMinor: 0 },
        missingReceiptNos: [],
        flags: [],
      },
    ]);
    // Closed at 00:30 local time on 2 March: not a report of 1 March.
    expect((await get('/z-reports?from=2026-03-01&to=2026-03-01')).json().rows).toEqual([]);
    expect((await get(`/z-reports?from=2026-03-02&to=2026-03-02&counter=${counters.B.id}`)).json().rows.map((z: { zNo: number }) => z.zNo)).toEqual([3]);
  });

  it('flags a counter whose currency decimals are not ISO 4217\'s (its every amount would read wrong)', async () => {
    const [z] = (await get('/z-reports?from=2026-03-05&to=2026-03-05')).json().rows;
    expect(z).toMatchObject({ counterId: counters.C.id, zNo: 1, currency: 'EGP', currencyDecimals: 2, flags: ['DECIMALS_DIFFER'] });
  });
});

describe('outstanding sales', () => {
  it('lists the ledger\'s open sales oldest first with their age, and each counter\'s own counts', async () => {
    const a = OutstandingAnswerSchema.parse((await get('/outstanding')).json());
    expect(CountersAnswerSchema.parse((await get('/counters')).json()).counters).toEqual(a.counters);
    expect(a).toMatchObject({ report: 'outstanding', timeZone: 'Africa/Tripoli', truncated: false });
    const age = (s: Sale) => Math.floor((Date.parse(a.at) - Date.parse(s.at)) / 1000);
    expect(a.sales.map((s) => [s.counterName, s.receiptNo, s.status, s.chargedMinor, s.ageSeconds, s.errorCode])).toEqual([
      ['Counter A', 5, 'pending', 7_000, age(S.A4!), 'OFFLINE'],
      ['Counter B', 2, 'unknown', 4_000, age(S.B2!), 'OUTCOME_UNKNOWN'],
    ]);
    expect(a.counters.map((c) => [c.name, c.reported && { ...c.reported, at: 'set' }, c.ledger])).toEqual([
      ['Counter A', { pendingSales: 1, unknownSales: 0, at: 'set' }, { openCount: 1, oldestAt: S.A4!.at }],
      ['Counter B', { pendingSales: 0, unknownSales: 1, at: 'set' }, { openCount: 1, oldestAt: S.B2!.at }],
      ['=Counter C', null, { openCount: 0, oldestAt: null }],
      ['Counter D', null, { openCount: 0, oldestAt: null }],
    ]);
    expect((await get(`/outstanding?counter=${counters.B.id}`)).json().sales.map((s: { receiptNo: number }) => s.receiptNo)).toEqual([2]);
  });
});

describe('CSV export', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const lines = (b: Buffer) => b.subarray(3).toString('utf8').split('\r\n');

  it('Z reports in Arabic: BOM, Arabic header, decimals by the currency\'s exponent, local times, negative variance left a number', async () => {
    const r = await get('/z-reports.csv?from=2026-03-01&to=2026-03-02&lang=ar');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="z-reports_2026-03-01_2026-03-02.csv"');
    expect(r.body.subarray(0, 3)).toEqual(BOM);
    const [head, zA, zB, end] = lines(r.body);
    expect(head!.split(',').slice(0, 4)).toEqual(['نقطة البيع', 'رقم تقرير Z', 'الكاشير', 'فتح الوردية (Africa/Tripoli)']);
    expect(zA).toBe('Counter A,12,Omar,2026-03-01 08:00:00,2026-03-02 00:30:00,LYD,50.000,69.500,69.000,-0.500,5,19.500,19.500,3,16.500,16.500,66.500,2,3.000,3.000,1,99,' +
      'عجز في النقد; مبيعات لم تصل إلى السجل; المبلغ المحصل لا يطابق السجل; النقد المتوقع لا يطابق السجل; مبيعات رُفضت بعد الإغلاق');
    expect(zB).toBe('Counter B,3,Salem,2026-03-01 08:00:00,2026-03-02 22:00:00,LYD,0.000,21.000,21.000,0.000,3,25.000,21.000,3,25.000,21.000,21.000,0,0.000,0.000,0,,');
    expect(end).toBe('');
  });

  it('sales per day in English through ?format=csv: a formula-like name neutralised, EGP with two decimals, energy in kWh', async () => {
    const r = await get(`/sales-by-day?from=2026-03-01&to=2026-03-01&by=counter&counter=${counters.C.id},${counters.A.id}&format=csv&lang=en`);
    expect(r.body.subarray(0, 3)).toEqual(BOM);
    expect(lines(r.body)).toEqual([
      'Day,Counter,Key,Currency,Decimals,Flags,Sold: count,Sold: charged,Sold: value,Sold: energy (kWh),Open: count,Open: charged,Open: value,Open: energy (kWh),Refunded: count,Refunded: charged',
      `2026-03-01,Counter A,${counters.A.id},LYD,3,,2,30.000,29.500,80.0,0,0.000,0.000,0.0,2,4.500`,
      `2026-03-01,'=Counter C,${counters.C.id},EGP,2,,1,250.50,250.50,150.0,0,0.00,0.00,0.0,0,0.00`,
      '',
    ]);
  });

  it('the outstanding sales and the counters\' counts', async () => {
    const sales = lines((await get('/outstanding.csv?lang=en')).body);
    expect(sales[0]).toBe('Counter,Receipt No.,Status,Product,Cashier,Meter,Currency,Charged,Sold at (Africa/Tripoli),Age (hours),Last received (Africa/Tripoli),Error code,Sale id');
    expect(sales[1]).toMatch(new RegExp(`^Counter A,5,Pending,Electricity tokens \\(STS\\),Layla,04000001018,LYD,7\\.000,2026-03-02 12:00:00,\\d+,\\d{4}-.*,OFFLINE,${S.A4!.id}$`));
    expect(sales).toHaveLength(4);
    const cs = lines((await get('/counters.csv?lang=ar')).body);
    expect(cs[0]).toBe('نقطة البيع,ملغاة,آخر اتصال (Africa/Tripoli),معلقة حسب نقطة البيع,غير معروفة حسب نقطة البيع,وقت البلاغ (Africa/Tripoli),مفتوحة في السجل,أقدم مفتوحة في السجل (Africa/Tripoli)');
    // Counter C pushed a Z report (so it was seen) but never its counts.
    expect(cs[3]).toMatch(/^'=Counter C,,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,,,,0,$/);
    expect(cs[1]).toMatch(/^Counter A,,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,1,0,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,1,2026-03-02 12:00:00$/);
  });
});

describe('the HTTP boundary', () => {
  it('refuses bad parameters with a bilingual 422 naming them', async () => {
    const bad = async (q: string) => {
      const r = await get(q);
      expect(r.status, q).toBe(422);
      const e = r.json().error;
      expect(e.code).toBe('BAD_QUERY');
      expect(e.message.ar).toMatch(/^معايير التقرير غير صالحة: /);
      return e.message.en as string;
    };
    expect(await bad('/sales-by-day?from=2026-02-30&to=2026-03-01')).toBe('Invalid report parameters: from');
    expect(await bad('/sales-by-day?from=2026-03-01&to=2026-03-01&by=week')).toBe('Invalid report parameters: by');
    expect(await bad('/sales-by-day?from=2026-03-02&to=2026-03-01')).toBe('Invalid report parameters: to');
    expect(await bad('/sales-by-day?to=2026-03-01')).toBe('Invalid report parameters: from');
    expect(await bad('/z-reports?from=2026-03-01&to=2026-03-01&frm=x')).toBe('Invalid report parameters: frm');
    expect(await bad('/z-reports?from=2026-03-01&to=2026-03-01&by=counter')).toBe('Invalid report parameters: by');
    expect(await bad('/outstanding?counter=A1')).toBe('Invalid report parameters: counter');
    expect(await bad('/outstanding.csv?lang=fr')).toBe('Invalid report parameters: lang');
    expect(await bad('/sales-by-day?from=2026-03-01&to=2026-03-01&product=gas')).toBe('Invalid report parameters: product');
    expect(await bad('/sales-by-day?from=2026-03-01&to=2026-03-01&timeZone=UTC%2B3')).toBe('Invalid report parameters: timeZone');
  });

  it('are refused to a client that is not signed in, on every path (the console\'s own guard)', async () => {
    for (const path of ['/sales-by-day', '/sales-by-day.csv', '/z-reports', '/z-reports.csv', '/outstanding', '/outstanding.csv', '/counters', '/counters.csv']) {
      const r = await get(`${path}?from=2026-03-01&to=2026-03-02`, null);
      expect(r.status, path).toBe(401);
      expect(r.json().error.code).toBe('NOT_SIGNED_IN');
    }
  });
});
