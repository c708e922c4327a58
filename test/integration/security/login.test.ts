// Login rate limits, per user and per counter, with an injected clock: every lock and every
// failure is in the audit log, refusals during a lock are not, and a restart resets nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import { verifyAuditChain } from '../../../main/audit/append';
import { login } from '../../../main/auth/login';
import { hashPin } from '../../../main/auth/pin';
import { COUNTER_MAX_FAILURES, COUNTER_WINDOW_MINUTES, MAX_FAILURES } from '../../../main/auth/throttle';
import { AppError } from '../../../main/common/errors';
import { startHarness } from '../../helpers/harness';

let db: Db;
let dir: string;
const T0 = new Date('2026-03-01T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-login-'));
  db = openDb(path.join(dir, 'shahn.sqlite'));
  const ins = db.write.prepare(`INSERT INTO users (username, display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)`);
  for (const [u, pin, role] of [['amal', '1111', 'cashier'], ['badr', '2222', 'cashier'], ['sami', '3333', 'supervisor']]) ins.run(u, u, role, hashPin(pin!), T0.toISOString());
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The error code of a login attempt, or 'OK'. */
function attempt(username: string, pin: string, when: Date): string {
  try {
    login(db.write, username, pin, when);
    return 'OK';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    expect(e.bilingual.ar).toMatch(/[\u0600-\u06FF]/);
    expect(e.bilingual.en.length).toBeGreaterThan(5);
    return e.code;
  }
}
const actions = () => (db.read.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);
const user = (u: string) => db.read.prepare('SELECT failed_attempts, locked_until, pin_hash FROM users WHERE username = ?').get(u) as { failed_attempts: number; locked_until: string | null; pin_hash: string };

describe('per-user lockout', () => {
  it(`locks after ${MAX_FAILURES} wrong PINs in a row, refuses even the right PIN while locked, then lets it in`, () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect(attempt('amal', '0000', at(0))).toBe('UNAUTHENTICATED');
    expect(actions()).toEqual(['login.failed', 'login.failed', 'login.failed', 'login.failed', 'login.locked']);
    expect(attempt('amal', '1111', at(1))).toBe('LOCKED_OUT');
    expect(attempt('amal', '0000', at(2))).toBe('LOCKED_OUT');
    expect(actions()).toHaveLength(MAX_FAILURES); // refusals during the lock add no rows
    expect(attempt('badr', '2222', at(1))).toBe('OK'); // other users are not affected
    expect(attempt('amal', '1111', at(5.01))).toBe('OK');
    expect(user('amal')).toMatchObject({ failed_attempts: 0, locked_until: null });
    expect(verifyAuditChain(db.read)).toBeNull();
  });

  it('each further lock in a row lasts twice as long', () => {
    for (let i = 0; i < MAX_FAILURES; i++) attempt('amal', '0000', at(0));
    expect(user('amal').locked_until).toBe(at(5).toISOString());
    for (let i = 0; i < MAX_FAILURES; i++) attempt('amal', '0000', at(6));
    expect(user('amal').locked_until).toBe(at(16).toISOString());
    expect(actions().filter((a) => a === 'login.locked')).toHaveLength(2);
  });

  it('stores only scrypt hashes and never the PIN or a digits-only username', () => {
    expect(user('amal').pin_hash).toMatch(/^scrypt\$16384\$/);
    attempt('amal', '9876', at(0));
    attempt('nobody', '5432', at(0));
    attempt('123456', '1111', at(0)); // a PIN typed into the username box
    const rows = db.read.prepare('SELECT user_id, details FROM audit_log').all() as { user_id: number | null; details: string }[];
    expect(rows.map((r) => r.details).join()).not.toMatch(/9876|5432|123456/);
    expect(rows[1]).toMatchObject({ user_id: null, details: expect.stringContaining('nobody') });
  });
});

describe('per-counter limit', () => {
  it(`pauses every login after ${COUNTER_MAX_FAILURES} failures across users within ${COUNTER_WINDOW_MINUTES} minutes`, () => {
    const names = ['amal', 'badr', 'sami', 'ghost', 'root', 'admin'];
    // Under each user's own limit, but too many for the till as a whole.
    for (let i = 0; i < COUNTER_MAX_FAILURES; i++) expect(attempt(names[i % names.length]!, '0000', at(i * 0.5))).toBe('UNAUTHENTICATED');
    expect(actions().at(-1)).toBe('login.counter_locked');
    const rows = actions().length;
    expect(attempt('sami', '3333', at(5))).toBe('LOCKED_OUT'); // the right PIN too: no oracle while paused
    expect(() => login(db.write, 'sami', '3333', at(5))).toThrow(/this counter/);
    expect(actions()).toHaveLength(rows);
    // The window slides: it opens once the oldest failure is more than the window old.
    expect(attempt('sami', '3333', at(COUNTER_WINDOW_MINUTES - 0.01))).toBe('LOCKED_OUT');
    expect(attempt('sami', '3333', at(COUNTER_WINDOW_MINUTES + 0.01))).toBe('OK');
    expect(verifyAuditChain(db.read)).toBeNull();
  });

  it('failures spread out over time do not pause the counter', () => {
    for (let i = 0; i < COUNTER_MAX_FAILURES * 2; i++) expect(attempt(i % 2 ? 'ghost' : 'nobody', '0000', at(i * 2))).toBe('UNAUTHENTICATED');
    expect(actions()).not.toContain('login.counter_locked');
  });
});

describe('through the app', () => {
  it('a restart does not lift a counter pause (it is counted from the audit log)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-login-app-'));
    let h = await startHarness({ dataDir });
    for (let i = 0; i < COUNTER_MAX_FAILURES; i++) await h.raw('auth.login', { username: `user${i}`, pin: '0000' }, null);
    const paused = await h.raw('auth.login', { username: 'cashier', pin: '1111' }, null);
    expect(paused).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', message: { ar: expect.stringContaining('الصندوق') } } });
    await h.close();
    h = await startHarness({ dataDir });
    expect(await h.raw('auth.login', { username: 'cashier', pin: '1111' }, null)).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    await h.close();
  });
});
