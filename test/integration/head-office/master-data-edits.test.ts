// Editing master data at the head office, through the console's routes on a real PostgreSQL: the
// references a counter relies on are checked, a schedule version never changes, nothing still used
// is deleted, a user's PIN is kept only as the counter's own hash, a batch is all or nothing, and
// the console's guard (here a stand-in: the real one is head-office/console/guard.ts) stops every
// route before anything is read or written.
import Fastify, { type FastifyInstance, type preHandlerAsyncHookHandler } from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPin } from '../../../main/auth/pin';
import { registerCounter } from '../../../head-office/counters';
import { revokeCounter } from '../../../head-office/db/counters';
import { latestMasterVersion, masterRecord } from '../../../head-office/db/master-data';
import { migrate } from '../../../head-office/db/migrate';
import { applyMasterEdits, MasterDataRefusal } from '../../../head-office/master-data/edits';
import { editsOfImport, MasterImportSchema } from '../../../head-office/master-data/import-doc';
import type { ConsoleRole as ConsoleRoleName } from '../../../head-office/console/guard';
import { ENTITY_PATHS, masterDataRoutes } from '../../../head-office/master-data/routes';
import { cloudMeter, customer, group, schedule, stsMeter } from '../../helpers/master-data-fixtures';
import { usePostgres } from '../../helpers/postgres';
import { addConsoleUser, consoleClient } from '../../helpers/console';
import { startTestHeadOffice } from '../../helpers/head-office';

const postgres = usePostgres();
const open: { pool?: pg.Pool; app?: FastifyInstance }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.app?.close();
    await o.pool?.end();
  }
});

const RANK: Record<ConsoleRoleName, number> = { viewer: 1, operator: 2, admin: 3 };
/** A stand-in for the console's requireRole: the role comes from a test header. */
const testGuard = (min: ConsoleRoleName): preHandlerAsyncHookHandler => async (req, reply) => {
  const role = req.headers['x-test-role'] as ConsoleRoleName | undefined;
  if (!role || RANK[role] < RANK[min]) return reply.code(403).send({ error: { code: 'FORBIDDEN', message: { en: 'no', ar: 'لا' } } });
  (req as unknown as { consoleUser: { username: string } }).consoleUser = { username: `test-${role}` };
};

async function setup(guard: (r: ConsoleRoleName) => preHandlerAsyncHookHandler = testGuard) {
  const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 4 });
  await migrate(pool);
  // As the head office's server reads bodies: bytes, parsed by readBody.
  const app = Fastify();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  await app.register(masterDataRoutes({ pool, guard }), { prefix: '/console/api' });
  await app.ready();
  open.push({ pool, app });
  const send = (method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, body?: unknown, role: ConsoleRoleName = 'admin') =>
    app.inject({ method, url: `/console/api${url}`, headers: { 'x-test-role': role, 'content-type': 'application/json' }, payload: body === undefined ? undefined : JSON.stringify(body) });
  return { pool, app, send };
}

describe('master data at the head office', () => {
  it('writes a register whose references hold, and refuses one whose do not, naming them in both languages', async () => {
    const { pool, send } = await setup();
    // A meter before its schedule exists.
    const early = await send('PUT', '/master-data/meters', stsMeter(), 'operator');
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ code: 'NO_SUCH_SCHEDULE' });
    expect(early.json().error.message.ar).toContain('HO-RES');
    for (const [path, body] of [['tariff-schedules', schedule()], ['tariff-groups', group()], ['customers', customer()], ['meters', stsMeter()], ['meters', cloudMeter()]] as const) {
      const r = await send('PUT', `/master-data/${path}`, body, 'operator');
      expect(r.statusCode, `${path}: ${r.body}`).toBe(200);
    }
    expect((await masterRecord(pool, 'meter', stsMeter().number))?.data).toEqual(stsMeter());
    // A meter naming a group or a customer that does not exist.
    expect((await send('PUT', '/master-data/meters', stsMeter({ groupCode: 'NOPE' }), 'operator')).json().error.code).toBe('NO_SUCH_GROUP');
    expect((await send('PUT', '/master-data/meters', stsMeter({ customerKey: 'C-404' }), 'operator')).json().error.code).toBe('NO_SUCH_CUSTOMER');
    // A check digit the counters would refuse.
    expect((await send('PUT', '/master-data/meters', stsMeter({ number: '04000001019' }), 'operator')).json().error.code).toBe('BAD_METER_NUMBER');
    // A wire-shape error names the field.
    const bad = await send('PUT', '/master-data/customers', { ...customer(), phone: 'call me' }, 'operator');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message.en).toContain('phone');
  });

  it('never changes a schedule version: the same data again is a no-op, new prices need a new version', async () => {
    const { pool, send } = await setup();
    expect((await send('PUT', '/master-data/tariff-schedules', schedule(), 'operator')).statusCode).toBe(200);
    const v = await latestMasterVersion(pool);
    expect((await send('PUT', '/master-data/tariff-schedules', schedule(), 'operator')).statusCode).toBe(200);
    expect(await latestMasterVersion(pool)).toBe(v);
    const changed = await send('PUT', '/master-data/tariff-schedules', schedule({ feeMinor: 5 }), 'operator');
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error).toMatchObject({ code: 'SCHEDULE_IMMUTABLE' });
    expect(changed.json().error.message.en).toContain('version 2');
    expect((await send('PUT', '/master-data/tariff-schedules', schedule({ version: 2, feeMinor: 5 }), 'operator')).statusCode).toBe(200);
    // Periods that leave hours unpriced are refused with the counter's own words.
    const gap = await send('PUT', '/master-data/tariff-schedules', schedule({ version: 3, periods: [{ name: { ar: 'ليل', en: 'Night' }, start: '00:00', end: '06:00', pricePerKwh: '40', active: true }] }), 'operator');
    expect(gap.json().error.code).toBe('BAD_SCHEDULE');
  });

  it('refuses to delete what is still used; deletes it once nothing is', async () => {
    const { pool, send } = await setup();
    await applyMasterEdits(pool, [
      { entity: 'tariff_schedule', data: schedule() }, { entity: 'tariff_group', data: group() }, { entity: 'customer', data: customer() },
      { entity: 'meter', data: stsMeter() }, { entity: 'meter', data: cloudMeter() },
    ], 'test');
    const customerUsed = await send('DELETE', '/master-data/customers/C-1001', undefined, 'operator');
    expect(customerUsed.statusCode).toBe(409);
    expect(customerUsed.json().error.message.en).toContain(stsMeter().number);
    expect((await send('DELETE', '/master-data/tariff-groups/FEEDER3', undefined, 'operator')).statusCode).toBe(409);
    expect((await send('DELETE', '/master-data/tariff-schedules/HO-RES@1', undefined, 'operator')).statusCode).toBe(409);
    // Moving the meters off in the same batch as the deletion frees them.
    await applyMasterEdits(pool, [{ entity: 'meter', data: cloudMeter({ groupCode: null }) }, { entity: 'tariff_group', key: 'FEEDER3', delete: true }], 'test');
    expect((await masterRecord(pool, 'tariff_group', 'FEEDER3'))?.data).toBeNull();
    expect((await send('DELETE', `/master-data/meters/${stsMeter().number}`, undefined, 'operator')).statusCode).toBe(200);
    expect((await send('DELETE', '/master-data/customers/C-1001', undefined, 'operator')).statusCode).toBe(200);
    expect((await send('DELETE', '/master-data/customers/C-1001', undefined, 'operator')).statusCode).toBe(404);
    const list = await send('GET', '/master-data/customers?includeDeleted=true', undefined, 'viewer');
    expect(list.json().records).toEqual([expect.objectContaining({ key: 'C-1001', deleted: true, updatedBy: 'console:test-operator' })]);
  });

  it("keeps a user's PIN only as the counter's hash, for a counter that is not revoked, and shows admins no hash", async () => {
    const { pool, send } = await setup();
    const c = await registerCounter(pool, Buffer.alloc(32, 1), 'Counter 1');
    const user = { counterId: c.id, username: 'amal', displayName: 'أمل', role: 'cashier', locale: 'ar', active: true };
    expect((await send('PUT', '/master-data/users', user)).json().error.code).toBe('PIN_REQUIRED');
    expect((await send('PUT', '/master-data/users', { ...user, pin: '1234' })).json().error.code).toBe('WEAK_PIN');
    expect((await send('PUT', '/master-data/users', { ...user, pin: '2580' })).statusCode).toBe(200);
    const stored = (await masterRecord(pool, 'user', `amal@${c.id}`))!;
    expect(stored.counterId).toBe(c.id);
    const hash = (stored.data as { pinHash: string }).pinHash;
    expect(hash).not.toContain('2580');
    expect(verifyPin('2580', hash)).toBe(true);
    // A change without a PIN keeps the hash.
    expect((await send('PUT', '/master-data/users', { ...user, displayName: 'Amal' })).statusCode).toBe(200);
    expect(((await masterRecord(pool, 'user', `amal@${c.id}`))!.data as { pinHash: string }).pinHash).toBe(hash);
    const listed = (await send('GET', '/master-data/users')).json().records;
    expect(listed).toEqual([expect.objectContaining({ key: `amal@${c.id}`, data: expect.objectContaining({ displayName: 'Amal', hasPin: true }) })]);
    expect(JSON.stringify(listed)).not.toContain('scrypt');
    expect((await send('PUT', '/master-data/users', { ...user, counterId: 999, pin: '2580' })).json().error.code).toBe('NO_SUCH_COUNTER');
    await revokeCounter(pool, c.id);
    expect((await send('PUT', '/master-data/users', { ...user, username: 'omar', pin: '2580' })).json().error.code).toBe('COUNTER_REVOKED');
    // Users are an admin's: an operator is refused by the guard.
    expect((await send('GET', '/master-data/users', undefined, 'operator')).statusCode).toBe(403);
  });

  it('imports a whole register in one transaction, or nothing of it', async () => {
    const { pool, send } = await setup();
    const doc = MasterImportSchema.parse({ tariffSchedules: [schedule()], tariffGroups: [group()], customers: [customer()], meters: [stsMeter(), cloudMeter()] });
    const bad = { ...doc, meters: [...doc.meters, stsMeter({ number: DEMO_SECOND, customerKey: 'C-404' })] };
    const refused = await send('POST', '/master-data/import', bad, 'operator');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message.en).toContain('C-404');
    expect(await latestMasterVersion(pool)).toBe(0);
    const ok = await send('POST', '/master-data/import', doc, 'operator');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().written.map((w: { key: string }) => w.key)).toEqual(['HO-RES@1', 'FEEDER3', 'C-1001', stsMeter().number, cloudMeter().number]);
    await expect(applyMasterEdits(pool, editsOfImport({ ...doc, tariffSchedules: [schedule({ vatPercent: '5' })] }), 'again')).rejects.toBeInstanceOf(MasterDataRefusal);
  });

  it('a refusing guard stops every route before anything is read or written', async () => {
    const calls: ConsoleRoleName[] = [];
    const refuseAll = (min: ConsoleRoleName): preHandlerAsyncHookHandler => async (_req, reply) => {
      calls.push(min);
      return reply.code(401).send({ error: { code: 'SIGNED_OUT', message: { en: 'Sign in', ar: 'سجّل الدخول' } } });
    };
    const { pool, app, send } = await setup(refuseAll);
    const routes = app.printRoutes({ commonPrefix: false });
    let tried = 0;
    for (const path of Object.values(ENTITY_PATHS)) {
      for (const [method, url, body] of [['GET', `/master-data/${path}`], ['PUT', `/master-data/${path}`, {}], ['DELETE', `/master-data/${path}/x`]] as const) {
        const r = await send(method, url, body);
        expect(r.statusCode, `${method} ${url}`).toBe(401);
        tried++;
      }
    }
    expect((await send('POST', '/master-data/import', { customers: [customer()] })).statusCode).toBe(401);
    tried++;
    expect(routes).toContain('master-data');
    expect(tried).toBe(16);
    expect(await latestMasterVersion(pool)).toBe(0);
    // Readers of users and every writer ask for more than a viewer.
    expect(new Set(calls)).toEqual(new Set(['viewer', 'operator', 'admin']));
  });
});

const DEMO_SECOND = '04000001026';

describe("master data through the head office's own server and the console's guard", () => {
  it('an operator edits meters, customers and tariffs, an admin users; a viewer only reads; no session or no CSRF header: nothing', async () => {
    const ho = await startTestHeadOffice(await postgres.freshDatabase());
    try {
      for (const [name, role] of [['olga', 'operator'], ['vera', 'viewer'], ['adam', 'admin']] as const) await addConsoleUser(ho.pool, name, role);
      const anon = consoleClient(ho.url);
      expect((await anon.send('PUT', '/console/api/master-data/tariff-schedules', schedule())).status).toBe(401);
      const operator = consoleClient(ho.url);
      expect((await operator.signIn('olga')).status).toBe(200);
      expect((await operator.send('PUT', '/console/api/master-data/tariff-schedules', schedule(), { csrf: false })).status).toBe(403);
      expect((await operator.send('PUT', '/console/api/master-data/tariff-schedules', schedule())).status).toBe(200);
      expect((await operator.send('PUT', '/console/api/master-data/customers', customer())).status).toBe(200);
      const written = await operator.send<{ written: { key: string; version: number }[] }>('PUT', '/console/api/master-data/meters', stsMeter());
      expect(written.status).toBe(200);
      expect(written.body.written[0]!.key).toBe(stsMeter().number);
      expect((await masterRecord(ho.pool, 'meter', stsMeter().number))?.updatedBy).toBe('console:olga');
      const c = await ho.addCounter();
      const user = { counterId: c.id, username: 'amal', displayName: 'أمل', role: 'cashier', locale: 'ar', active: true, pin: '2580' };
      expect((await operator.send('PUT', '/console/api/master-data/users', user)).status).toBe(403);
      const viewer = consoleClient(ho.url);
      await viewer.signIn('vera');
      expect((await viewer.get<{ records: unknown[] }>('/console/api/master-data/meters')).body.records).toHaveLength(1);
      expect((await viewer.send('DELETE', `/console/api/master-data/meters/${stsMeter().number}`)).status).toBe(403);
      const admin = consoleClient(ho.url);
      await admin.signIn('adam');
      expect((await admin.send('PUT', '/console/api/master-data/users', user)).status).toBe(200);
    } finally {
      await ho.close();
    }
  });
});
