// The console's users, administered through the API and the admin command: creating (names unique
// ignoring case, passwords hashed with scrypt and a salt each), changing a role, deactivating (which
// ends that user's sessions at once), resetting a password (ends sessions, lifts a lockout), and
// an administrator unable to lock themselves out. The first admin comes from the shell, with the
// password on stdin.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addConsoleUser, consoleClient, TEST_PASSWORD, type ConsoleClient } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const MAIN = path.join(__dirname, '..', '..', '..', 'head-office', 'main.ts');
const postgres = usePostgres();
let databaseUrl: string;
let ho: TestHeadOffice;
let admin: ConsoleClient;
let adminId: number;
beforeAll(async () => {
  databaseUrl = await postgres.freshDatabase();
  ho = await startTestHeadOffice(databaseUrl);
  adminId = await addConsoleUser(ho.pool, 'boss', 'admin');
  admin = consoleClient(ho.url);
  expect((await admin.signIn('boss')).status).toBe(200);
});
afterAll(() => ho?.close());

function run(args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

const idOf = async (username: string) => Number((await ho.pool.query<{ id: string }>('SELECT id FROM console_users WHERE username = $1', [username])).rows[0]!.id);

describe('console users (admin)', () => {
  it('creates a user who can sign in; the password is stored only as a salted scrypt hash', async () => {
    const res = await admin.send('POST', '/console/api/users', { username: 'Huda', displayName: 'هدى', role: 'operator', password: 'a long first password' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'Huda', displayName: 'هدى', role: 'operator', active: true, lockedUntil: null });
    const row = (await ho.pool.query('SELECT password_salt, password_hash, scrypt_n, scrypt_r, scrypt_p FROM console_users WHERE username = $1', ['Huda'])).rows[0];
    expect(row).toMatchObject({ scrypt_n: 32768, scrypt_r: 8, scrypt_p: 1 });
    expect(row.password_salt).toHaveLength(16);
    expect(row.password_hash.toString('utf8')).not.toContain('a long first password');
    expect((await consoleClient(ho.url).signIn('huda', 'a long first password')).status).toBe(200);

    const again = await admin.send('POST', '/console/api/users', { username: 'HUDA', displayName: 'X', role: 'viewer', password: 'another long one' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'USERNAME_TAKEN' } } });
    const short = await admin.send('POST', '/console/api/users', { username: 'kamal', displayName: 'Kamal', role: 'viewer', password: 'short' });
    expect(short).toMatchObject({ status: 422, body: { error: { message: { en: 'Invalid request: password' } } } });
    const role = await admin.send('POST', '/console/api/users', { username: 'kamal', displayName: 'Kamal', role: 'root', password: 'long enough password' });
    expect(role).toMatchObject({ status: 422, body: { error: { message: { en: 'Invalid request: role' } } } });

    const list = await admin.get<{ users: { username: string }[] }>('/console/api/users');
    expect(list.body.users.map((u) => u.username)).toEqual(['boss', 'Huda']);
  });

  it('deactivating a user ends their sessions at once; re-activating lets them sign in again', async () => {
    await addConsoleUser(ho.pool, 'leaver', 'operator');
    const c = consoleClient(ho.url);
    await c.signIn('leaver');
    const id = await idOf('leaver');
    expect((await admin.send('PATCH', `/console/api/users/${id}`, { active: false })).body).toMatchObject({ active: false });
    expect((await c.get('/console/api/session')).status).toBe(401);
    expect((await ho.pool.query('SELECT revoked_why FROM console_sessions WHERE user_id = $1', [id])).rows).toEqual([{ revoked_why: 'deactivated' }]);
    const refused = await consoleClient(ho.url).signIn('leaver');
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'ACCOUNT_INACTIVE' } } });
    // A wrong password for a deactivated account says only "wrong".
    expect((await consoleClient(ho.url).signIn('leaver', 'not it at all')).body).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });

    await admin.send('PATCH', `/console/api/users/${id}`, { active: true });
    expect((await consoleClient(ho.url).signIn('leaver')).status).toBe(200);
  });

  it('resetting a password ends the user\'s sessions, lifts a lockout, and the old password stops working', async () => {
    await addConsoleUser(ho.pool, 'forgetful', 'viewer');
    const c = consoleClient(ho.url);
    await c.signIn('forgetful');
    for (let i = 0; i < 5; i++) await consoleClient(ho.url).signIn('forgetful', `guess number ${i}`);
    const id = await idOf('forgetful');
    expect((await admin.get<{ users: { username: string; lockedUntil: string | null }[] }>('/console/api/users')).body.users.find((u) => u.username === 'forgetful')!.lockedUntil).not.toBeNull();

    const reset = await admin.send('POST', `/console/api/users/${id}/password`, { password: 'a brand new password' });
    expect(reset).toMatchObject({ status: 200, body: { lockedUntil: null } });
    expect((await c.get('/console/api/session')).status).toBe(401);
    expect((await consoleClient(ho.url).signIn('forgetful', TEST_PASSWORD)).status).toBe(401);
    expect((await consoleClient(ho.url).signIn('forgetful', 'a brand new password')).status).toBe(200);
  });

  it('an administrator cannot deactivate or demote themselves; unknown ids and bad bodies are refused', async () => {
    for (const change of [{ active: false }, { role: 'operator' }]) {
      expect(await admin.send('PATCH', `/console/api/users/${adminId}`, change)).toMatchObject({ status: 409, body: { error: { code: 'CANNOT_CHANGE_OWN_ACCESS' } } });
    }
    expect((await admin.send('PATCH', `/console/api/users/${adminId}`, { displayName: 'The boss' })).body).toMatchObject({ displayName: 'The boss', role: 'admin' });
    expect((await admin.send('PATCH', '/console/api/users/999999', { role: 'viewer' })).status).toBe(404);
    expect((await admin.send('POST', '/console/api/users/999999/password', { password: 'long enough password' })).status).toBe(404);
    expect((await admin.send('PATCH', '/console/api/users/abc', { role: 'viewer' })).status).toBe(422);
    expect((await admin.send('PATCH', `/console/api/users/${adminId}`, {})).status).toBe(422);
    expect((await admin.send('PATCH', `/console/api/users/${adminId}`, { role: 'admin', extra: 1 })).status).toBe(422);
  });
});

describe('npm run head-office -- console-user', () => {
  it('creates the first admin with the password read from stdin, and resets it later', async () => {
    const made = await run(['console-user', '--username', 'first', '--role', 'admin', '--display-name', 'First Admin'], 'the first admin password\n');
    expect(made).toMatchObject({ code: 0 });
    expect(made.out).toBe('Console user "first" created with the role admin. Sign in at /console/ on the head office.\n');
    expect(made.out + made.err).not.toContain('the first admin password');
    const c = consoleClient(ho.url);
    expect((await c.signIn('first', 'the first admin password')).body).toMatchObject({ displayName: 'First Admin', role: 'admin' });

    const reset = await run(['console-user', '--username', 'FIRST', '--role', 'admin'], 'a second admin password\n');
    expect(reset).toMatchObject({ code: 0, out: expect.stringContaining('now has a new password') });
    expect((await c.get('/console/api/session')).status).toBe(401);
    expect((await consoleClient(ho.url).signIn('first', 'a second admin password')).status).toBe(200);
  });

  it('refuses a short password, a bad role and a missing username with exit status 2', async () => {
    expect(await run(['console-user', '--username', 'x2x', '--role', 'admin'], 'short\n')).toMatchObject({ code: 2, err: expect.stringContaining('the password must be 10 to 200 characters') });
    expect(await run(['console-user', '--username', 'x2x', '--role', 'root'], 'long enough password\n')).toMatchObject({ code: 2, err: expect.stringContaining('--role viewer, operator or admin') });
    expect(await run(['console-user', '--role', 'admin'], 'long enough password\n')).toMatchObject({ code: 2, err: expect.stringContaining('needs --username') });
    expect(await run(['console-user', '--username', 'x2x', '--role', 'admin', '--counter', 'X'], '')).toMatchObject({ code: 2, err: expect.stringContaining('--counter does not apply to console-user') });
    expect((await ho.pool.query(`SELECT 1 FROM console_users WHERE username = 'x2x'`)).rowCount).toBe(0);
  });
});
