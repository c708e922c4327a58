// The web console's API as a browser uses it, for tests: console users made straight in the
// database (as the admin command does), and a client that keeps the session cookie and sends the
// CSRF header on state-changing requests, the way head-office/console/web does.
import type pg from 'pg';
import { upsertConsoleUser } from '../../head-office/db/console-users';
import { hashPassword } from '../../head-office/console/passwords';
import { CSRF_HEADER } from '../../head-office/console/wire';
import type { ConsoleRole } from '../../head-office/console/guard';

export const TEST_PASSWORD = 'correct horse battery';

export async function addConsoleUser(pool: pg.Pool, username: string, role: ConsoleRole, password = TEST_PASSWORD): Promise<number> {
  const { user } = await upsertConsoleUser(pool, { username, displayName: username, role, password: await hashPassword(password) }, new Date());
  return user.id;
}

export interface ConsoleAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ConsoleClient {
  /** The session cookie's value, or null. */
  cookie: string | null;
  signIn(username: string, password?: string): Promise<ConsoleAnswer>;
  get<T = Record<string, unknown>>(path: string): Promise<ConsoleAnswer<T>>;
  send<T = Record<string, unknown>>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, opts?: { csrf?: boolean }): Promise<ConsoleAnswer<T>>;
}

export function consoleClient(baseUrl: string): ConsoleClient {
  const c: ConsoleClient = {
    cookie: null,
    signIn: (username, password = TEST_PASSWORD) => c.send('POST', '/console/api/session', { username, password }),
    get: (path) => call('GET', path, undefined, false),
    send: (method, path, body, opts) => call(method, path, body, opts?.csrf ?? true),
  };
  async function call<T>(method: string, path: string, body: unknown, csrf: boolean): Promise<ConsoleAnswer<T>> {
    const headers: Record<string, string> = {};
    if (c.cookie) headers.cookie = `shahn_console=${c.cookie}`;
    if (csrf) headers[CSRF_HEADER] = '1';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = res.headers.getSetCookie().find((s) => s.startsWith('shahn_console='));
    if (set) {
      const v = /^shahn_console=([^;]*)/.exec(set)![1]!;
      c.cookie = v === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(set) ? null : v;
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
  }
  return c;
}
