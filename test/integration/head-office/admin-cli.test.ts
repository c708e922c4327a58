// The administration commands as an admin runs them (`npm run -s head-office -- …`, spawned):
// a code printed once and usable to enrol, the counters listed, a counter revoked, and every bad
// argument refused with one line on stderr and exit status 2.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolWithHeadOffice } from '../../../main/vendors/head-office/enrol';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const MAIN = path.join(__dirname, '..', '..', '..', 'head-office', 'main.ts');
const postgres = usePostgres();
let databaseUrl: string;
let ho: TestHeadOffice;
beforeAll(async () => {
  databaseUrl = await postgres.freshDatabase();
  ho = await startTestHeadOffice(databaseUrl);
});
afterAll(() => ho?.close());

function run(args: string[], env: Record<string, string | undefined> = { DATABASE_URL: databaseUrl }): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, DATABASE_URL: undefined, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

describe('npm run head-office -- <command>', () => {
  it('prints an enrolment code, lists the enrolled counter, and revokes it', async () => {
    const made = await run(['enrolment-code', '--counter', 'Counter 7', '--valid-hours', '2', '--by', 'amal']);
    expect(made).toMatchObject({ code: 0, err: '' });
    const code = /\n {2}([A-Z0-9]{4}(?:-[A-Z0-9]{4}){3})\n/.exec(made.out)?.[1];
    expect(code, made.out).toBeDefined();
    expect(made.out).toContain('"Counter 7"');
    expect((await ho.pool.query('SELECT created_by, expires_at - created_at AS valid FROM enrolment_codes')).rows).toEqual([{ created_by: 'amal', valid: expect.objectContaining({ hours: 2 }) }]);

    const o = await enrolWithHeadOffice(ho.url, { code: code!, counterName: 'Till 1', appVersion: '0.1.0' }, { userAgent: 'Shahn-POS/0.1.0' });
    if (o.kind !== 'ok') throw new Error(`enrolment failed: ${JSON.stringify(o)}`);

    const listed = await run(['counters']);
    expect(listed.code).toBe(0);
    const lines = listed.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KEY\s+ENROLLED\s+LAST SEEN\s+VERSION\s+PENDING\s+UNKNOWN\s+REVOKED$/);
    expect(lines[1]).toMatch(new RegExp(`^Counter 7\\s+${o.value.counterKey}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ\\s+\\S+ \\S+\\s+0\\.1\\.0\\s+-\\s+-\\s+-$`));

    const revoked = await run(['revoke', '--counter-key', o.value.counterKey]);
    expect(revoked).toMatchObject({ code: 0, err: '' });
    expect(revoked.out).toContain('Revoked "Counter 7"');
    expect((await run(['counters'])).out.split('\n')[1]).toMatch(/\d\dZ$/);
    expect(await run(['revoke', '--counter-key', 'ctr-nobody-here'])).toMatchObject({ code: 1, out: '', err: 'no counter has the key ctr-nobody-here\n' });
  });

  it('refuses bad arguments with one line on stderr and exit status 2', async () => {
    const cases: [string[], RegExp, Record<string, string | undefined>?][] = [
      [['enrolment-code'], /needs --counter/],
      [['enrolment-code', '--counter', 'X', '--valid-hours', '0'], /--valid-hours must be a whole number of hours from 1 to 168/],
      [['enrolment-code', '--counter', 'X', '--valid-hours', 'soon'], /--valid-hours/],
      [['enrolment-code', '--counter', 'X', '--counter-key', 'ctr-12345678'], /--counter-key does not apply to enrolment-code/],
      [['revoke'], /revoke needs --counter-key/],
      [['counters', '--verbose'], /Unknown option '--verbose'/],
      [['counters', 'now'], /unexpected argument "now"/],
      [['enrol-me'], /unknown command "enrol-me"/],
      [['counters'], /^DATABASE_URL is required/, {}],
      [['counters'], /^DATABASE_URL must be a postgres/, { DATABASE_URL: 'mysql://x/y' }],
    ];
    for (const [args, message, env] of cases) {
      const r = await run(args, env);
      expect({ args, code: r.code, out: r.out }).toEqual({ args, code: 2, out: '' });
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
