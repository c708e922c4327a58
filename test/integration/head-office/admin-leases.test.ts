// The key and lease administration commands as an admin runs them (spawned): a key file loaded
// and listed by its KCV, never echoed; a wrong KCV or a second key refused; leases listed; an
// unexpired lease never released by hand, an expired one released.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantLease } from '../../../head-office/db/leases';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { demoKeyFile } from '../../helpers/leases';
import { usePostgres } from '../../helpers/postgres';
import { DEMO_STS_KEYS } from '../../sim/demo-data';

const MAIN = path.join(__dirname, '..', '..', '..', 'head-office', 'main.ts');
const postgres = usePostgres();
let databaseUrl: string;
let ho: TestHeadOffice;
let dir: string;
const sealingKey = randomBytes(32).toString('base64');
beforeAll(async () => {
  databaseUrl = await postgres.freshDatabase();
  ho = await startTestHeadOffice(databaseUrl);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-keyfile-'));
});
afterAll(async () => {
  await ho?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HEAD_OFFICE_SEALING_KEY: sealingKey, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text, { mode: 0o600 });
  return p;
};

describe('npm run head-office -- load-key | keys | leases | release-lease', () => {
  it('loads a key file, shows only its KCV, refuses a mistyped or second key', async () => {
    const wrongKcv = await run(['load-key', '--file', file('wrong.key', demoKeyFile({ KCV: '000000' }))]);
    expect(wrongKcv.code).toBe(1);
    expect(wrongKcv.err).toMatch(/check value is C33F45, not 000000/);
    expect(await run(['load-key', '--file', file('ok.key', demoKeyFile())], { HEAD_OFFICE_SEALING_KEY: undefined })).toMatchObject({ code: 2, err: expect.stringMatching(/HEAD_OFFICE_SEALING_KEY/) });

    const loaded = await run(['load-key', '--file', file('ok.key', demoKeyFile({ KCV: 'C33F45' })), '--by', 'amal']);
    expect(loaded).toMatchObject({ code: 0, err: '' });
    expect(loaded.out).toContain('SGC 123456 KRN 1: KCV C33F45');
    const again = await run(['load-key', '--file', file('ok.key', demoKeyFile())]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already in use (KCV C33F45)');
    expect(await run(['load-key', '--file', file('ok.key', demoKeyFile()), '--replace'])).toMatchObject({ code: 0, out: expect.stringContaining('replaces the key with KCV C33F45') });

    const listed = await run(['keys']);
    expect(listed.code).toBe(0);
    const lines = listed.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SGC\s+KRN\s+KEY TYPE\s+BASE DATE\s+EA\s+DKGA\s+EXPIRES\s+KCV\s+LOADED BY\s+LOADED\s+RETIRED$/);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^123456\s+1\s+2\s+2014\s+07\s+02\s+-\s+C33F45\s+amal\s+\S+ \S+\s+\S+ \S+Z$/);
    // The key itself appears nowhere: not in any output, not in the database.
    for (const r of [wrongKcv, loaded, again, listed]) expect(r.out + r.err).not.toContain(DEMO_STS_KEYS.vendingKey);
    const dump = JSON.stringify((await ho.pool.query('SELECT * FROM vending_keys')).rows);
    expect(dump).not.toContain(DEMO_STS_KEYS.vendingKey);
    expect(await run(['load-key', '--file', path.join(dir, 'missing.key')])).toMatchObject({ code: 2, err: expect.stringContaining('cannot read the key file') });
  });

  it('lists leases and releases by hand only an expired one', async () => {
    const c = await ho.addCounter('Till 9');
    const now = Date.now();
    await grantLease(ho.pool, { meter: '04000001018', counterId: c.id, at: new Date(now), leaseMs: 3_600_000, marginMs: 0 });
    await grantLease(ho.pool, { meter: '04000001026', counterId: c.id, at: new Date(now - 7_200_000), leaseMs: 3_600_000, marginMs: 0 });
    const listed = await run(['leases']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^METER\s+COUNTER\s+STATE\s+GRANTED\s+RENEWED\s+EXPIRES\s+RELEASED\s+BY\n/);
    expect(listed.out).toMatch(/04000001018\s+Till 9\s+held\s/);
    expect(listed.out).toMatch(/04000001026\s+Till 9\s+expired\s/);
    expect((await run(['leases', '--meter', '04000001026'])).out.trimEnd().split('\n')).toHaveLength(2);

    const early = await run(['release-lease', '--meter', '04000001018']);
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/"Till 9" holds meter 04000001018 until .*: it may be offline and selling with it/);
    const ok = await run(['release-lease', '--meter', '04000001026', '--by', 'amal']);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain('Released meter 04000001026');
    expect((await ho.pool.query(`SELECT released_by FROM meter_leases WHERE meter = '04000001026'`)).rows).toEqual([{ released_by: 'operator:amal' }]);
    expect(await run(['release-lease', '--meter', '09999999999'])).toMatchObject({ code: 1, err: 'meter 09999999999 has never been leased\n' });
    expect(await run(['release-lease'])).toMatchObject({ code: 2, err: expect.stringContaining('needs --meter') });
    expect(await run(['leases', '--meter', 'no way'])).toMatchObject({ code: 2 });
  });
});
