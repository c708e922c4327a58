// The console's lease routes (head-office/leases/routes.ts) behind a guard: the real one
// (head-office/console/guard.ts) is another branch's; this file's guard reads the role from a
// header, which is all the routes rely on: viewers list, operators release, and only expired leases.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantLease } from '../../../head-office/db/leases';
import { refuse } from '../../../head-office/errors';
import { leaseRoutes, type ConsoleRole } from '../../../head-office/leases/routes';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
let app: FastifyInstance;
const RANK: Record<ConsoleRole, number> = { viewer: 1, operator: 2, admin: 3 };
const testGuard = (least: ConsoleRole) => async (req: FastifyRequest, reply: FastifyReply) => {
  const role = req.headers['x-test-role'] as ConsoleRole | undefined;
  if (!role) return refuse(reply, 401, 'SIGN_IN', 'Sign in', 'سجّل الدخول');
  if (RANK[role] < RANK[least]) return refuse(reply, 403, 'FORBIDDEN', 'Not allowed', 'غير مسموح');
};
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
  app = Fastify();
  await app.register(leaseRoutes({ pool: ho.pool, guard: testGuard, userOf: (req) => String(req.headers['x-test-user'] ?? 'someone') }), { prefix: '/console/api' });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ho?.close();
});

describe('console lease routes', () => {
  it('lists leases for viewers and lets operators release only expired ones', async () => {
    const c = await ho.addCounter('Till 4');
    const now = Date.now();
    await grantLease(ho.pool, { meter: '04000001018', counterId: c.id, at: new Date(now), leaseMs: 3_600_000, marginMs: 0 });
    await grantLease(ho.pool, { meter: '04000001026', counterId: c.id, at: new Date(now - 7_200_000), leaseMs: 3_600_000, marginMs: 0 });

    expect((await app.inject({ url: '/console/api/leases' })).statusCode).toBe(401);
    const list = await app.inject({ url: '/console/api/leases', headers: { 'x-test-role': 'viewer' } });
    expect(list.statusCode).toBe(200);
    const states = Object.fromEntries(list.json().leases.map((l: { meter: string; state: string; counterName: string }) => [l.meter, [l.state, l.counterName]]));
    expect(states).toEqual({ '04000001018': ['held', 'Till 4'], '04000001026': ['expired', 'Till 4'] });
    expect((await app.inject({ url: '/console/api/leases?meter=04000001018', headers: { 'x-test-role': 'viewer' } })).json().leases).toHaveLength(1);
    expect((await app.inject({ url: '/console/api/leases?limit=0', headers: { 'x-test-role': 'viewer' } })).statusCode).toBe(422);

    expect((await app.inject({ method: 'POST', url: '/console/api/leases/04000001026/release', headers: { 'x-test-role': 'viewer' } })).statusCode).toBe(403);
    const early = await app.inject({ method: 'POST', url: '/console/api/leases/04000001018/release', headers: { 'x-test-role': 'operator' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('LEASE_NOT_EXPIRED');
    expect(early.json().error.message.en).toContain('may be offline and selling with it');
    expect(early.json().error.message.ar).toContain('Till 4');
    const ok = await app.inject({ method: 'POST', url: '/console/api/leases/04000001026/release', headers: { 'x-test-role': 'operator', 'x-test-user': 'amal' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ released: true, lease: { state: 'released', releasedBy: 'operator:amal' } });
    expect((await app.inject({ method: 'POST', url: '/console/api/leases/09999999999/release', headers: { 'x-test-role': 'operator' } })).statusCode).toBe(404);

    const events = await app.inject({ url: '/console/api/leases/04000001026/events', headers: { 'x-test-role': 'viewer' } });
    expect(events.json().events.map((e: { event: string; by: string }) => [e.event, e.by])).toEqual([['released', 'operator:amal'], ['granted', 'counter']]);
  });
});
