// The console's sign-in and its guard, against the real service and PostgreSQL: signing in and
// out, one answer for an unknown user and a wrong password, the lockout, sessions ending when
// they expire, sit idle, or their user is deactivated or given a new password, the role order,
// the CSRF header, and a console session never opening the counters' /api/v1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireRole } from '../../../head-office/console/guard';
import { CONSOLE_DEFAULTS } from '../../../head-office/server';
import { addConsoleUser, consoleClient, TEST_PASSWORD } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
let clock = Date.now();
const MIN = 60_000;

beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase(), {
    now: () => clock,
    // A domain's route plugin, registered as head-office/README.md says other domains do.
    extend: (app) => void app.register(async (probe) => {
      for (const role of ['viewer', 'operator', 'admin'] as const) {
        probe.get(`/probe/${role}`, { preHandler: requireRole(role) }, async (req) => ({ who: req.consoleUser!.username }));
      }
    }, { prefix: '/console/api' }),
  });
});
afterAll(() => ho?.close());
beforeEach(() => {
  clock = Date.now();
});

describe('console sign-in', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie scoped to /console, answers who is signed in, and signs out', async () => {
    await addConsoleUser(ho.pool, 'Amal', 'admin');
    const c = consoleClient(ho.url);
    const res = await c.signIn('amal');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(Number), username: 'Amal', displayName: 'Amal', role: 'admin' });
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^shahn_console=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/console; HttpOnly; SameSite=Strict$/);
    // Only the token's hash is stored.
    const stored = await ho.pool.query<{ token_hash: Buffer }>('SELECT token_hash FROM console_sessions');
    expect(stored.rows.map((r) => r.token_hash.length)).toEqual([32]);
    expect(stored.rows[0]!.token_hash.toString('base64url')).not.toBe(c.cookie);

    expect(await c.get('/console/api/session')).toMatchObject({ status: 200, body: { username: 'Amal', role: 'admin' } });
    const out = await c.send('DELETE', '/console/api/session');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^shahn_console=; Max-Age=0; Path=\/console; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/);
    expect((await ho.pool.query('SELECT revoked_why FROM console_sessions')).rows).toEqual([{ revoked_why: 'signed_out' }]);
  });

  it('a signed-out cookie replayed is refused', async () => {
    await addConsoleUser(ho.pool, 'replay', 'viewer');
    const c = consoleClient(ho.url);
    await c.signIn('replay');
    const token = c.cookie;
    await c.send('DELETE', '/console/api/session');
    c.cookie = token;
    expect(await c.get('/console/api/session')).toMatchObject({ status: 401, body: { error: { code: 'NOT_SIGNED_IN' } } });
  });

  it('answers an unknown user and a wrong password alike, and a missing session with 401 in both languages', async () => {
    await addConsoleUser(ho.pool, 'omar', 'viewer');
    const wrong = await consoleClient(ho.url).signIn('omar', 'not the password');
    const unknown = await consoleClient(ho.url).signIn('nobody', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown).toMatchObject({ status: wrong.status, body: wrong.body });
    expect(wrong.body).toEqual({ error: { code: 'BAD_CREDENTIALS', message: { en: 'Wrong username or password', ar: 'اسم المستخدم أو كلمة المرور غير صحيحة' } } });
    expect(wrong.headers.getSetCookie()).toEqual([]);

    const none = await consoleClient(ho.url).get('/console/api/session');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: { code: 'NOT_SIGNED_IN', message: { en: expect.stringContaining('sign in'), ar: expect.stringContaining('تسجيل الدخول') } } });
    const forged = consoleClient(ho.url);
    forged.cookie = 'A'.repeat(43);
    expect((await forged.get('/console/api/session')).status).toBe(401);
  });

  it('refuses a malformed sign-in with 422 naming the field', async () => {
    const res = await consoleClient(ho.url).send('POST', '/console/api/session', { username: 'x' });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'BAD_REQUEST', message: { en: 'Invalid request: password' } } } });
  });

  it('locks an account after five wrong passwords in a row, even against the right one, until the lock ends or a reset', async () => {
    await addConsoleUser(ho.pool, 'sami', 'operator');
    const c = consoleClient(ho.url);
    for (let i = 0; i < CONSOLE_DEFAULTS.maxFailedAttempts - 1; i++) expect((await c.signIn('sami', `wrong ${i}`)).status).toBe(401);
    const fifth = await c.signIn('sami', 'wrong again');
    expect(fifth.status).toBe(429);
    expect(fifth.body).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', message: { en: expect.stringContaining('15 more minute'), ar: expect.stringContaining('15 دقيقة') } } });
    expect(fifth.headers.get('retry-after')).toBe('900');
    expect((await c.signIn('sami')).status).toBe(429);

    clock += 15 * MIN + 1000;
    expect((await c.signIn('sami')).status).toBe(200);
    expect((await ho.pool.query(`SELECT failed_attempts, locked_until FROM console_users WHERE username = 'sami'`)).rows).toEqual([{ failed_attempts: 0, locked_until: null }]);
  });

  it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
    await addConsoleUser(ho.pool, 'idle', 'viewer');
    const c = consoleClient(ho.url);
    await c.signIn('idle');
    clock += 29 * MIN;
    expect((await c.get('/console/api/session')).status).toBe(200);
    clock += 29 * MIN;
    expect((await c.get('/console/api/session')).status).toBe(200);
    clock += 31 * MIN;
    expect((await c.get('/console/api/session')).status).toBe(401);

    clock = Date.now();
    const busy = consoleClient(ho.url);
    await busy.signIn('idle');
    for (let h = 0; h < 24; h++) {
      clock += 29 * MIN;
      expect((await busy.get('/console/api/session')).status).toBe(200);
    }
    clock += 29 * MIN;
    expect((await busy.get('/console/api/session')).status).toBe(401);
  });

  it('requires the CSRF header on every state-changing console request, sign-in and sign-out included', async () => {
    await addConsoleUser(ho.pool, 'csrf', 'admin');
    const c = consoleClient(ho.url);
    const noHeader = await c.send('POST', '/console/api/session', { username: 'csrf', password: TEST_PASSWORD }, { csrf: false });
    expect(noHeader).toMatchObject({ status: 403, body: { error: { code: 'CSRF_HEADER_MISSING' } } });
    expect(c.cookie).toBeNull();
    await c.signIn('csrf');
    const create = await c.send('POST', '/console/api/users', { username: 'via-form', displayName: 'X', role: 'admin', password: 'long enough password' }, { csrf: false });
    expect(create).toMatchObject({ status: 403, body: { error: { code: 'CSRF_HEADER_MISSING' } } });
    expect((await ho.pool.query(`SELECT 1 FROM console_users WHERE username = 'via-form'`)).rowCount).toBe(0);
    expect((await c.send('DELETE', '/console/api/session', undefined, { csrf: false })).status).toBe(403);
    expect((await c.get('/console/api/session')).status).toBe(200);
  });

  it('never lets a console session authenticate the counters\' /api/v1', async () => {
    await addConsoleUser(ho.pool, 'cross', 'admin');
    const c = consoleClient(ho.url);
    await c.signIn('cross');
    for (const [method, path] of [['GET', '/api/v1/ping'], ['GET', '/api/v1/sales'], ['POST', '/api/v1/sales']] as const) {
      const res = await fetch(`${ho.url}${path}`, { method, headers: { cookie: `shahn_console=${c.cookie}`, 'x-shahn-console': '1', 'content-type': 'application/json' }, body: method === 'POST' ? '{"sales":[]}' : undefined });
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('MISSING_AUTH');
    }
  });
});

describe('console roles', () => {
  it('orders viewer < operator < admin, on a route plugin registered the way other domains register theirs', async () => {
    await addConsoleUser(ho.pool, 'vee', 'viewer');
    await addConsoleUser(ho.pool, 'opr', 'operator');
    await addConsoleUser(ho.pool, 'adm', 'admin');
    const clients = { viewer: consoleClient(ho.url), operator: consoleClient(ho.url), admin: consoleClient(ho.url) };
    await clients.viewer.signIn('vee');
    await clients.operator.signIn('opr');
    await clients.admin.signIn('adm');
    const may: Record<string, Record<keyof typeof clients, number>> = {
      '/console/api/probe/viewer': { viewer: 200, operator: 200, admin: 200 },
      '/console/api/probe/operator': { viewer: 403, operator: 200, admin: 200 },
      '/console/api/probe/admin': { viewer: 403, operator: 403, admin: 200 },
      '/console/api/users': { viewer: 403, operator: 403, admin: 200 },
    };
    for (const [path, want] of Object.entries(may)) {
      for (const role of ['viewer', 'operator', 'admin'] as const) {
        const res = await clients[role].get(path);
        expect(res.status, `${role} ${path}`).toBe(want[role]);
        if (res.status === 200 && path.includes('probe')) expect(res.body).toEqual({ who: clients[role] === clients.viewer ? 'vee' : clients[role] === clients.operator ? 'opr' : 'adm' });
      }
    }
    const low = await clients.operator.get('/console/api/probe/admin');
    expect(low.body).toEqual({ error: { code: 'ROLE_TOO_LOW', message: { en: 'This needs the administrator role or higher; ask an administrator', ar: 'يتطلب هذا دور «مدير» أو أعلى؛ راجع أحد المديرين' } } });
    expect((await consoleClient(ho.url).get('/console/api/probe/viewer')).status).toBe(401);

    // A role change counts from the next request; no new sign-in needed.
    const id = (await ho.pool.query<{ id: string }>(`SELECT id FROM console_users WHERE username = 'vee'`)).rows[0]!.id;
    expect((await clients.admin.send('PATCH', `/console/api/users/${id}`, { role: 'operator' })).status).toBe(200);
    expect((await clients.viewer.get('/console/api/probe/operator')).status).toBe(200);
  });
});
