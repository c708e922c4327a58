// Walks EVERY channel of the contract (the list comes from the contract itself, so a new channel
// is covered the day it is added): public channels answer without a session; every other one
// refuses no session with UNAUTHENTICATED and each lower role with FORBIDDEN, before it even
// looks at the input; the channel's own role and higher get past the gate.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract, ERROR_CODES, ROLES, type Channel, type Role } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';

const PINS: Record<Role, [string, string]> = { cashier: ['cashier', '1111'], supervisor: ['supervisor', '2222'], admin: ['admin', '9999'] };
/** A working input for each public channel. A new public channel without one fails the test. */
const PUBLIC_SAMPLES: Partial<Record<Channel, unknown>> = { 'app.info': {}, 'auth.login': { username: 'cashier', pin: '1111' }, 'setup.status': {} };

const rank = (r: Role) => ROLES.indexOf(r);
// The first-run channels but setup.status refuse every call once a user exists, as here: that is
// checked channel by channel in test/integration/setup/.
const publicChannels = CHANNELS.filter((c) => contract[c].role === 'public' && !(c.startsWith('setup.') && c !== 'setup.status'));
const guarded = CHANNELS.filter((c) => contract[c].role !== 'public').map((c) => [c, contract[c].role as Role] as const);

let h: Harness;
const tokens = {} as Record<Role, string>;
beforeAll(async () => {
  h = await startHarness({ settings: { sessionTtlMinutes: 1 } });
  for (const r of ROLES) tokens[r] = await h.login(...PINS[r]);
});
afterAll(() => h.close());

const code = async (channel: string, input: unknown, token: string | null) => {
  const r = await h.raw(channel, input, token);
  if (r.ok) return 'OK';
  expect(ERROR_CODES).toContain(r.error.code);
  expect(r.error.message.ar).toMatch(/[\u0600-\u06FF]/);
  return r.error.code;
};

describe('the contract', () => {
  it('names a role for every channel, and has both kinds', () => {
    for (const c of CHANNELS) expect(['public', ...ROLES], c).toContain(contract[c].role);
    expect(publicChannels.length).toBeGreaterThan(0);
    expect(guarded.length).toBeGreaterThan(30);
  });
});

describe('public channels work without a session', () => {
  it.each(publicChannels)('%s', async (c) => {
    expect(PUBLIC_SAMPLES, `add a sample input for the public channel ${c}`).toHaveProperty(c);
    expect(await code(c, PUBLIC_SAMPLES[c], null)).toBe('OK');
  });
});

describe.each(guarded)('%s (lowest role: %s)', (channel, role) => {
  it('refuses a caller without a session (or with a forged token) with UNAUTHENTICATED, whatever the input', async () => {
    for (const input of [{}, 'probe', null, { id: 1 }]) expect(await code(channel, input, null)).toBe('UNAUTHENTICATED');
    expect(await code(channel, {}, 'forged-token')).toBe('UNAUTHENTICATED');
    expect(await code(channel, {}, '')).toBe('UNAUTHENTICATED');
  });
  it('refuses every lower role with FORBIDDEN and lets its own role and higher past the gate', async () => {
    for (const r of ROLES) {
      // A string is never a valid input, so nothing runs: BAD_INPUT proves the role gate was passed.
      expect(await code(channel, 'probe', tokens[r]), `${r} -> ${channel}`).toBe(rank(r) < rank(role) ? 'FORBIDDEN' : 'BAD_INPUT');
    }
  });
});

describe('sessions through the app', () => {
  it('logout ends the session', async () => {
    const t = await h.login('cashier', '1111');
    expect(await code('auth.me', {}, t)).toBe('OK');
    expect(await code('auth.logout', {}, t)).toBe('OK');
    expect(await code('auth.me', {}, t)).toBe('UNAUTHENTICATED');
    expect(await code('auth.me', {}, tokens.cashier)).toBe('OK'); // other sessions unaffected
  });
  it('a session idle for longer than its TTL expires', async () => {
    const t = await h.login('cashier', '1111');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 59_000);
      expect(await code('auth.me', {}, t)).toBe('OK'); // use slides the expiry
      vi.setSystemTime(Date.now() + 59_000);
      expect(await code('auth.me', {}, t)).toBe('OK');
      vi.setSystemTime(Date.now() + 61_000);
      expect(await code('auth.me', {}, t)).toBe('UNAUTHENTICATED');
    } finally {
      vi.useRealTimers();
    }
  });
});
