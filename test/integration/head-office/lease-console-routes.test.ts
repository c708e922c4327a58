// The console's lease routes as the service mounts them (/console/api, the real sign-in and
// requireRole): viewers list leases (in keyset pages, by counter or meter) and their history,
// operators release a lease only once it has expired (before that its counter may be offline and
// selling with it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantLease } from '../../../head-office/db/leases';
import type { LeasePage } from '../../../head-office/leases/console-wire';
import { addConsoleUser, consoleClient, type ConsoleClient } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
let viewer: ConsoleClient;
let operator: ConsoleClient;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
  await addConsoleUser(ho.pool, 'vera', 'viewer');
  await addConsoleUser(ho.pool, 'omar', 'operator');
  viewer = consoleClient(ho.url);
  operator = consoleClient(ho.url);
  expect((await viewer.signIn('vera')).status).toBe(200);
  expect((await operator.signIn('omar')).status).toBe(200);
});
afterAll(() => ho?.close());

interface LeaseListed { meter: string; state: string; counterName: string }

describe('console lease routes', () => {
  it('lists leases for viewers and lets operators release only expired ones', async () => {
    const c = await ho.addCounter('Till 4');
    const now = Date.now();
    await grantLease(ho.pool, { meter: '04000001018', counterId: c.id, at: new Date(now), leaseMs: 3_600_000, marginMs: 0 });
    await grantLease(ho.pool, { meter: '04000001026', counterId: c.id, at: new Date(now - 7_200_000), leaseMs: 3_600_000, marginMs: 0 });

    expect((await consoleClient(ho.url).get('/console/api/leases')).status).toBe(401);
    const list = await viewer.get<{ leases: LeaseListed[] }>('/console/api/leases');
    expect(list.status).toBe(200);
    expect(Object.fromEntries(list.body.leases.map((l) => [l.meter, [l.state, l.counterName]]))).toEqual({ '04000001018': ['held', 'Till 4'], '04000001026': ['expired', 'Till 4'] });
    expect((await viewer.get<{ leases: LeaseListed[] }>('/console/api/leases?meter=04000001018')).body.leases).toHaveLength(1);
    expect((await viewer.get('/console/api/leases?limit=0')).status).toBe(422);

    expect((await viewer.send('POST', '/console/api/leases/04000001026/release')).status).toBe(403);
    expect((await operator.send('POST', '/console/api/leases/04000001026/release', undefined, { csrf: false })).status).toBe(403);
    const early = await operator.send<{ error: { code: string; message: { en: string; ar: string } } }>('POST', '/console/api/leases/04000001018/release');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('LEASE_NOT_EXPIRED');
    expect(early.body.error.message.en).toContain('may be offline and selling with it');
    expect(early.body.error.message.ar).toContain('Till 4');
    const ok = await operator.send('POST', '/console/api/leases/04000001026/release');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ released: true, lease: { state: 'released', releasedBy: 'operator:omar' } });
    expect((await operator.send('POST', '/console/api/leases/09999999999/release')).status).toBe(404);

    const events = await viewer.get<{ events: { event: string; by: string }[] }>('/console/api/leases/04000001026/events');
    expect(events.body.events.map((e) => [e.event, e.by])).toEqual([['released', 'operator:omar'], ['granted', 'counter']]);
  });

  it('pages every lease newest renewal first with a keyset cursor, never skipping or repeating one, and filters by counter', async () => {
    const a = await ho.addCounter('Till 5');
    const b = await ho.addCounter('Till 6');
    const base = Date.now() - 60_000;
    // Pairs of leases renewed at the same millisecond: the meter breaks the tie.
    const meters = Array.from({ length: 23 }, (_, i) => `0500000${String(i).padStart(4, '0')}`);
    for (const [i, meter] of meters.entries()) {
      await grantLease(ho.pool, { meter, counterId: i % 2 === 0 ? a.id : b.id, at: new Date(base + Math.floor(i / 2)), leaseMs: 3_600_000, marginMs: 0 });
    }
    const pages = async (q: string) => {
      const seen: LeasePage['leases'] = [];
      let cursor: string | null = null;
      let n = 0;
      do {
        const r: { status: number; body: LeasePage } = await viewer.get<LeasePage>(`/console/api/leases?limit=5${q}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(r.status).toBe(200);
        expect(r.body.leases.length).toBeLessThanOrEqual(5);
        seen.push(...r.body.leases);
        cursor = r.body.next;
        n++;
      } while (cursor !== null);
      return { seen, n };
    };
    const all = await pages('');
    const ours = all.seen.filter((l) => l.meter.startsWith('0500000'));
    expect(ours.map((l) => l.meter)).toEqual([...meters].reverse());
    expect(new Set(all.seen.map((l) => l.meter)).size).toBe(all.seen.length);
    const tillB = await pages(`&counterId=${b.id}`);
    expect(tillB.seen.map((l) => l.meter)).toEqual(meters.filter((_, i) => i % 2 === 1).reverse());
    expect(tillB.seen.every((l) => l.counterName === 'Till 6' && l.counterId === b.id && l.state === 'held')).toBe(true);
    expect(tillB.n).toBe(3);
    const one = await viewer.get<LeasePage>(`/console/api/leases?meter=${meters[4]}&counterId=${a.id}`);
    expect(one.body).toMatchObject({ leases: [{ meter: meters[4], counterName: 'Till 5' }], next: null });
    expect(Date.parse(one.body.serverTime)).toBeGreaterThan(base);
    expect((await viewer.get(`/console/api/leases?meter=${meters[4]}&counterId=${b.id}`)).body).toMatchObject({ leases: [] });
    for (const bad of ['cursor=abc', 'counterId=-1', 'limit=501', 'colour=red']) expect((await viewer.get(`/console/api/leases?${bad}`)).status).toBe(422);
  });
});
