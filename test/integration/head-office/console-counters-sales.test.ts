// The console's counters and sales search against the real service: an operator's enrolment code
// enrols a counter through the counters' own HTTP API, everyone signed in sees it, only an
// administrator revokes it (and then the counter is refused); sales pushed by two counters are
// found by counter, meter, receipt, status and time, page after page through the cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterView, IssuedEnrolmentCode, SalesPage } from '../../../head-office/console/wire';
import type { NewCounter } from '../../../head-office/counters';
import { enrolWithHeadOffice } from '../../../main/vendors/head-office/enrol';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { addConsoleUser, consoleClient, type ConsoleClient } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';
import { sale } from './sales-fixture';

const postgres = usePostgres();
let ho: TestHeadOffice;
const as: Record<'viewer' | 'operator' | 'admin', ConsoleClient> = {} as never;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
  for (const role of ['viewer', 'operator', 'admin'] as const) {
    await addConsoleUser(ho.pool, `the-${role}`, role);
    as[role] = consoleClient(ho.url);
    expect((await as[role].signIn(`the-${role}`)).status).toBe(200);
  }
});
afterAll(() => ho?.close());

describe('console counters', () => {
  it('an operator makes a code, a counter enrols with it over HTTP, all roles see it, only an admin revokes it', async () => {
    expect((await as.viewer.send('POST', '/console/api/enrolment-codes', { counterName: 'Till 9' })).status).toBe(403);
    const made = await as.operator.send<IssuedEnrolmentCode>('POST', '/console/api/enrolment-codes', { counterName: 'Aden Branch 2', validHours: 2 });
    expect(made.status).toBe(201);
    expect(made.headers.get('cache-control')).toBe('no-store');
    expect(made.body.code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(Date.parse(made.body.expiresAt) - Date.now()).toBeGreaterThan(119 * 60_000);
    expect((await ho.pool.query('SELECT created_by FROM enrolment_codes')).rows).toEqual([{ created_by: 'console:the-operator' }]);
    expect((await as.operator.send('POST', '/console/api/enrolment-codes', { counterName: '', validHours: 500 })).body).toMatchObject({ error: { message: { en: 'Invalid request: counterName, validHours' } } });

    const o = await enrolWithHeadOffice(ho.url, { code: made.body.code, counterName: 'Till 1', appVersion: '0.1.0' }, { userAgent: 'Shahn-POS/0.1.0' });
    if (o.kind !== 'ok') throw new Error(`enrolment failed: ${JSON.stringify(o)}`);

    const listed = await as.viewer.get<{ counters: CounterView[] }>('/console/api/counters');
    const c = listed.body.counters.find((x) => x.name === 'Aden Branch 2')!;
    expect(c).toMatchObject({ apiKey: o.value.counterKey, appVersion: '0.1.0', revokedAt: null, enrolledAt: expect.any(String), lastSeenAt: expect.any(String) });
    expect(JSON.stringify(listed.body)).not.toContain('secret');

    expect((await as.operator.send('POST', `/console/api/counters/${c.id}/revoke`)).status).toBe(403);
    const revoked = await as.admin.send<CounterView>('POST', `/console/api/counters/${c.id}/revoke`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await as.admin.send('POST', '/console/api/counters/999999/revoke')).status).toBe(404);
    const ping = await createHeadOfficeClient({ baseUrl: ho.url, apiKey: o.value.counterKey, apiSecret: o.value.counterSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 }).ping();
    expect(ping).toMatchObject({ kind: 'refused', code: 'COUNTER_REVOKED' });
  });
});

describe('console sales search', () => {
  let a: NewCounter;
  let b: NewCounter;
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();
  beforeAll(async () => {
    a = await ho.addCounter('Sana\'a 1');
    b = await ho.addCounter('Taiz 3');
    const aSales = Array.from({ length: 7 }, (_, i) => sale({ receiptNo: i + 1, meterNumber: i % 2 ? '04000001018' : '04000002222', at: at(1 + i, 9), status: i === 3 ? 'unknown' : 'issued', chargedMinor: 1000 * (i + 1) }));
    const bSales = Array.from({ length: 5 }, (_, i) => sale({ receiptNo: i + 1, meterNumber: '04000003333', at: at(1 + i, 10) }));
    for (const [c, list] of [[a, aSales], [b, bSales]] as const) {
      const o = await createHeadOfficeClient(ho.endpoint(c)).pushSales(list);
      expect(o.kind).toBe('ok');
    }
  });

  const search = async (q: string) => {
    const r = await as.viewer.get<SalesPage>(`/console/api/sales${q}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  it('finds sales by counter, meter, receipt number, status and time range, newest first', async () => {
    const all = await search('');
    expect(all.sales).toHaveLength(12);
    expect(all.sales.map((s) => s.soldAt)).toEqual([...all.sales.map((s) => s.soldAt)].sort().reverse());
    expect(all.next).toBeNull();
    expect(all.sales[0]).toMatchObject({ counterName: 'Sana\'a 1', receiptNo: 7, chargedMinor: 7000, currency: 'YER', energyTenths: 80, status: 'issued', product: 'sts_kwh' });

    expect((await search(`?counterId=${b.id}`)).sales.map((s) => s.receiptNo)).toEqual([5, 4, 3, 2, 1]);
    expect((await search('?meter=04000001018')).sales.map((s) => s.receiptNo)).toEqual([6, 4, 2]);
    expect((await search('?receiptNo=2')).sales.map((s) => s.counterName).sort()).toEqual(['Sana\'a 1', 'Taiz 3']);
    expect((await search(`?receiptNo=2&counterId=${a.id}`)).sales).toHaveLength(1);
    expect((await search('?status=unknown')).sales.map((s) => s.receiptNo)).toEqual([4]);
    const range = await search(`?from=${encodeURIComponent(at(3, 0))}&to=${encodeURIComponent(at(5, 0))}`);
    expect(range.sales.map((s) => `${s.counterName}#${s.receiptNo}`)).toEqual(['Taiz 3#4', 'Sana\'a 1#4', 'Taiz 3#3', 'Sana\'a 1#3']);
  });

  it('pages through the cursor: every sale once, none skipped, however the pages fall', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: SalesPage = await search(`?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.sales.map((s) => s.saleId));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);
    expect(seen).toEqual((await search('')).sales.map((s) => s.saleId));

    // Three sales sold in the same instant still page apart, one per page, by sale id.
    const c = await ho.addCounter('Hodeidah 1');
    const twins = [1, 2, 3].map((n) => sale({ receiptNo: n, at: at(20, 12) }));
    expect((await createHeadOfficeClient(ho.endpoint(c)).pushSales(twins)).kind).toBe('ok');
    const got: string[] = [];
    cursor = null;
    do {
      const page: SalesPage = await search(`?counterId=${c.id}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      got.push(...page.sales.map((x) => x.saleId));
      cursor = page.next;
    } while (cursor);
    expect(got).toEqual(twins.map((t) => t.id).sort().reverse());
  });

  it('refuses a bad search with 422 naming the fields, and requires a session', async () => {
    const bad = await as.viewer.get('/console/api/sales?status=lost&from=yesterday&limit=1000&cursor=x');
    expect(bad).toMatchObject({ status: 422, body: { error: { code: 'BAD_REQUEST', message: { en: 'Invalid search: status, from, cursor, limit' } } } });
    expect((await as.viewer.get('/console/api/sales?nonsense=1')).status).toBe(422);
    expect((await consoleClient(ho.url).get('/console/api/sales')).status).toBe(401);
  });
});
