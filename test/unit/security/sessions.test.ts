// Sessions expire after the idle TTL (sliding), logout ends them, and the dispatcher turns a dead
// session into UNAUTHENTICATED. Driven with an injected clock: no waiting.
import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../../main/auth/sessions';
import { lockMinutes, LOCK_MINUTES, MAX_FAILURES, MAX_LOCK_MINUTES } from '../../../main/auth/throttle';
import { createDispatcher } from '../../../main/ipc/dispatch';
import type { Handlers } from '../../../main/ipc/handlers';
import { CHANNELS, type User } from '../../../preload/contract';

const user: User = { id: 1, username: 'cashier', displayName: 'C', role: 'cashier', locale: 'ar' };
const TTL = 15 * 60_000;

function clockedStore() {
  let t = 1_700_000_000_000;
  const store = createSessionStore(TTL, () => t);
  return { store, advance: (ms: number) => { t += ms; } };
}

describe('sessions', () => {
  it('a token works until it has been idle for the TTL, and each use slides the expiry', () => {
    const { store, advance } = clockedStore();
    const token = store.open(user);
    advance(TTL - 1);
    expect(store.get(token)?.user).toEqual(user); // used: expiry slides to now + TTL
    advance(TTL - 1);
    expect(store.get(token)).not.toBeNull();
    advance(TTL);
    expect(store.get(token)).toBeNull();
    advance(-TTL); // even if the clock goes back, an expired session stays gone
    expect(store.get(token)).toBeNull();
  });

  it('logout ends the session at once; other sessions stay', () => {
    const { store } = clockedStore();
    const a = store.open(user);
    const b = store.open(user);
    store.close(a);
    expect(store.get(a)).toBeNull();
    expect(store.get(b)).not.toBeNull();
  });

  it('tokens are random, long, and unknown or empty tokens get nothing', () => {
    const { store } = clockedStore();
    const tokens = new Set(Array.from({ length: 100 }, () => store.open(user)));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t.length).toBeGreaterThanOrEqual(43); // 32 random bytes
    expect(store.get(undefined)).toBeNull();
    expect(store.get('')).toBeNull();
    expect(store.get('x'.repeat(43))).toBeNull();
  });

  it('the dispatcher answers UNAUTHENTICATED once the session has expired or logged out', async () => {
    const { store, advance } = clockedStore();
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, () => ({ ok: true })])) as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { validateOutputs: false, log: { error: () => {} } });
    const call = (token: string) => dispatch('sync.status', {}, { token, session: store.get(token) });
    const token = store.open(user);
    expect((await call(token)).ok).toBe(true);
    advance(TTL + 1);
    expect(await call(token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: { ar: expect.any(String), en: expect.any(String) } } });
    const t2 = store.open(user);
    store.close(t2);
    expect(await call(t2)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('per-user lock length', () => {
  it(`doubles from ${LOCK_MINUTES} minutes with each lock in a row, up to ${MAX_LOCK_MINUTES}`, () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((k) => lockMinutes(k * MAX_FAILURES))).toEqual([5, 10, 20, 40, 60, 60, 60, 60]);
  });
});

describe('background polling', () => {
  it('does not keep an unattended session alive', () => {
    let t = 0;
    const store = createSessionStore(1_000, () => t);
    const token = store.open({ id: 1, username: 'c', displayName: 'C', role: 'cashier', locale: 'ar' });
    for (t = 100; t < 1_000; t += 100) expect(store.get(token, false)).not.toBeNull();
    t = 1_000;
    expect(store.get(token, false)).toBeNull();
  });
});
