// The console's vending-key routes as the service mounts them (/console/api, the real sign-in,
// requireRole and the CSRF check): administrators only; a key file checked without storing
// anything shows its KCV; a load needs the KCV read on the key certificate and refuses a wrong one,
// a bad file and a duplicate without replace; replacing and retiring record who did it; a retired
// key leases no meter. The key itself is in no answer.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../head-office/db/migrate';
import { buildServer } from '../../../head-office/server';
import { acquireLeases } from '../../../head-office/leases/grant';
import type { KeyFileCheck, KeyLoadAnswer, VendingKeyView } from '../../../head-office/leases/console-wire';
import { keyCheckValue } from '../../../main/keys/kcv';
import { DEMO_STS_KEYS, DEMO_STS_METERS } from '../../sim/demo-data';
import { addConsoleUser, consoleClient, type ConsoleClient } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { demoKeyFile, putMeters, stsMeter } from '../../helpers/leases';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
let viewer: ConsoleClient;
let operator: ConsoleClient;
let admin: ConsoleClient;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
  await addConsoleUser(ho.pool, 'vera', 'viewer');
  await addConsoleUser(ho.pool, 'omar', 'operator');
  await addConsoleUser(ho.pool, 'amal', 'admin');
  viewer = consoleClient(ho.url);
  operator = consoleClient(ho.url);
  admin = consoleClient(ho.url);
  for (const [c, u] of [[viewer, 'vera'], [operator, 'omar'], [admin, 'amal']] as const) expect((await c.signIn(u)).status).toBe(200);
});
afterAll(() => ho?.close());

type Refusal = { error: { code: string; message: { en: string; ar: string } } };
const DEMO_KCV = keyCheckValue(DEMO_STS_KEYS.vendingKey);
const OTHER_KEY = '0123456789abcdef';

const keys = async () => (await admin.get<{ keys: VendingKeyView[] }>('/console/api/vending-keys')).body.keys;

describe('console vending-key routes', () => {
  it('are for administrators only, and writes need the console\'s CSRF header', async () => {
    expect((await consoleClient(ho.url).get('/console/api/vending-keys')).status).toBe(401);
    for (const c of [viewer, operator]) {
      expect((await c.get('/console/api/vending-keys')).status).toBe(403);
      expect((await c.send('POST', '/console/api/vending-keys/check', { keyFile: demoKeyFile() })).status).toBe(403);
      expect((await c.send('POST', '/console/api/vending-keys', { keyFile: demoKeyFile(), certificateKcv: DEMO_KCV })).status).toBe(403);
      expect((await c.send('POST', '/console/api/vending-keys/1/retire')).status).toBe(403);
    }
    const noCsrf = await admin.send<Refusal>('POST', '/console/api/vending-keys', { keyFile: demoKeyFile(), certificateKcv: DEMO_KCV }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('CSRF_HEADER_MISSING');
    expect(await keys()).toEqual([]);
  });

  it('checks a key file without storing it; loads it only with the certificate\'s KCV; refuses a bad file and a duplicate; replaces and retires with who did it', async () => {
    // A bad file, a weak key and a file whose own KCV is wrong: refused in both languages, the key never named.
    const missing = await admin.send<Refusal>('POST', '/console/api/vending-keys/check', { keyFile: 'SGC = 123456\nKRN = 1' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('BAD_KEY_FILE');
    expect(missing.body.error.message.en).toContain('KEY_TYPE, BASE_DATE, EA, DKGA, VENDING_KEY missing');
    expect(missing.body.error.message.ar).toContain('تعذرت قراءة ملف المفتاح');
    const weak = await admin.send<Refusal>('POST', '/console/api/vending-keys/check', { keyFile: demoKeyFile({ VENDING_KEY: '0000000000000000' }) });
    expect(weak.status).toBe(422);
    expect(weak.body.error.message.en).toContain('weak key');
    const fileKcv = await admin.send<Refusal>('POST', '/console/api/vending-keys/check', { keyFile: demoKeyFile({ KCV: '000000' }) });
    expect(fileKcv.status).toBe(422);
    expect(fileKcv.body.error.message.en).toContain(`check value is ${DEMO_KCV}, not 000000`);
    expect(JSON.stringify([missing.body, weak.body, fileKcv.body])).not.toContain(DEMO_STS_KEYS.vendingKey);
    expect((await admin.send('POST', '/console/api/vending-keys/check', { keyFile: 'x'.repeat(5000) })).status).toBe(422);
    expect((await admin.send('POST', '/console/api/vending-keys/check', { keyFile: demoKeyFile(), extra: 1 })).status).toBe(422);

    const checked = await admin.send<KeyFileCheck>('POST', '/console/api/vending-keys/check', { keyFile: demoKeyFile() });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({
      attributes: { sgc: '123456', krn: 1, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresOn: null }, kcv: DEMO_KCV, fileKcv: null, inUse: null,
    });
    expect(JSON.stringify(checked.body)).not.toContain(DEMO_STS_KEYS.vendingKey);
    expect(await keys()).toEqual([]);

    // The KCV read on the certificate must be the key's.
    const wrong = await admin.send<Refusal>('POST', '/console/api/vending-keys', { keyFile: demoKeyFile(), certificateKcv: '123ABC' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('BAD_KEY_FILE');
    expect(wrong.body.error.message.en).toContain(`check value is ${DEMO_KCV}, not 123ABC`);
    expect(wrong.body.error.message.ar).toContain('لم يُحفظ شيء');
    expect((await admin.send('POST', '/console/api/vending-keys', { keyFile: demoKeyFile() })).status).toBe(422);
    expect(await keys()).toEqual([]);

    const loaded = await admin.send<KeyLoadAnswer>('POST', '/console/api/vending-keys', { keyFile: demoKeyFile(), certificateKcv: DEMO_KCV.toLowerCase() });
    expect(loaded.status).toBe(201);
    expect(loaded.body).toMatchObject({ key: { sgc: '123456', krn: 1, kcv: DEMO_KCV, loadedBy: 'console:amal', state: 'in-use', retiredAt: null }, replaced: null });
    expect(JSON.stringify(loaded.body)).not.toMatch(new RegExp(`${DEMO_STS_KEYS.vendingKey}|sealed`));
    const listed = await keys();
    expect(listed).toHaveLength(1);
    expect(Object.keys(listed[0]!).sort()).toEqual(['baseDate', 'dkga', 'ea', 'expiresOn', 'id', 'kcv', 'keyType', 'krn', 'loadedAt', 'loadedBy', 'retiredAt', 'retiredBy', 'sgc', 'state']);

    // Now the check names the key it would replace, and a load without replace is refused.
    expect((await admin.send<KeyFileCheck>('POST', '/console/api/vending-keys/check', { keyFile: demoKeyFile({ VENDING_KEY: OTHER_KEY }) })).body.inUse).toMatchObject({ kcv: DEMO_KCV });
    const dup = await admin.send<Refusal>('POST', '/console/api/vending-keys', { keyFile: demoKeyFile({ VENDING_KEY: OTHER_KEY }), certificateKcv: keyCheckValue(OTHER_KEY) });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('KEY_IN_USE');
    expect(dup.body.error.message.en).toContain(`already in use (KCV ${DEMO_KCV})`);
    expect(await keys()).toHaveLength(1);

    const replaced = await admin.send<KeyLoadAnswer>('POST', '/console/api/vending-keys', { keyFile: demoKeyFile({ VENDING_KEY: OTHER_KEY }), certificateKcv: keyCheckValue(OTHER_KEY), replace: true });
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ key: { kcv: keyCheckValue(OTHER_KEY), state: 'in-use' }, replaced: { kcv: DEMO_KCV, state: 'retired', retiredBy: 'console:amal' } });
    expect((await keys()).map((k) => [k.kcv, k.state])).toEqual([[keyCheckValue(OTHER_KEY), 'in-use'], [DEMO_KCV, 'retired']]);

    // Retired: the key leases no meter any more.
    const counter = await ho.addCounter('Till 9');
    const meter = DEMO_STS_METERS[0]!.number;
    await putMeters(ho.pool, [stsMeter(meter)]);
    const deps = { pool: ho.pool, sealingKey: ho.sealingKey, leaseMs: 3_600_000, now: Date.now };
    expect((await acquireLeases(deps, counter, [meter])).granted).toHaveLength(1);
    const id = replaced.body.key.id;
    const retired = await admin.send<{ key: VendingKeyView }>('POST', `/console/api/vending-keys/${id}/retire`);
    expect(retired.status).toBe(200);
    expect(retired.body.key).toMatchObject({ id, state: 'retired', retiredBy: 'console:amal' });
    expect((await admin.send<Refusal>('POST', `/console/api/vending-keys/${id}/retire`)).body.error.code).toBe('KEY_ALREADY_RETIRED');
    expect((await admin.send('POST', '/console/api/vending-keys/999999/retire')).status).toBe(404);
    expect((await admin.send('POST', '/console/api/vending-keys/abc/retire')).status).toBe(422);
    const another = DEMO_STS_METERS[1]!.number;
    await putMeters(ho.pool, [stsMeter(another)]);
    expect((await acquireLeases(deps, counter, [another])).refused).toMatchObject([{ code: 'NO_VENDING_KEY' }]);
  });

  it('never logs the key file: at trace level, a refused and a loaded key leave only attributes and check values in the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString('utf8')); done(); } });
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 4 });
    await migrate(pool);
    const app = buildServer({ pool, sealingKey: randomBytes(32), logger: pino({ level: 'trace' }, sink), console: { signInLimit: { max: 100, windowMs: 60_000 } } });
    try {
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      await addConsoleUser(pool, 'amal', 'admin');
      const c = consoleClient(url);
      expect((await c.signIn('amal')).status).toBe(200);
      const secret = '89abcdef01234567';
      const file = demoKeyFile({ VENDING_KEY: secret });
      expect((await c.send('POST', '/console/api/vending-keys/check', { keyFile: file })).status).toBe(200);
      expect((await c.send('POST', '/console/api/vending-keys', { keyFile: file, certificateKcv: '000000' })).status).toBe(422);
      expect((await c.send('POST', '/console/api/vending-keys', { keyFile: 'not a key file' })).status).toBe(422);
      expect((await c.send('POST', '/console/api/vending-keys', { keyFile: file, certificateKcv: keyCheckValue(secret) })).status).toBe(201);
      const log = lines.join('');
      expect(log).toContain('vending key loaded from the console');
      expect(log).toContain(keyCheckValue(secret));
      expect(log).not.toMatch(new RegExp(`${secret}|VENDING_KEY|not a key file`, 'i'));
    } finally {
      await app.close();
      await pool.end();
    }
  });
});
