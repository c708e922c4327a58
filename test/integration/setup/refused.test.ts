// Once a user exists the first run is over: every setup channel (the list comes from the
// contract, so a setup channel added later is covered the day it is added) refuses every call
// with SETUP_DONE, before reading its input, with or without a session; setup.status only says
// setup is not needed. Two first admins asked at the same moment make exactly one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';
import { ADMIN, refused, startEmpty } from './kit';

const SETUP = CHANNELS.filter((c) => c.startsWith('setup.') && c !== 'setup.status');

describe('two first admins at once', () => {
  it('make exactly one admin; the other request is refused', async () => {
    const h = await startEmpty();
    try {
      const [a, b] = await Promise.all([
        h.raw('setup.createAdmin', { ...ADMIN, username: 'first' }, null),
        h.raw('setup.createAdmin', { ...ADMIN, username: 'second' }, null),
      ]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      expect((a.ok ? b : a).ok === false && (a.ok ? b : a)).toMatchObject({ error: { code: 'SETUP_DONE' } });
      expect(h.app.db.read.prepare('SELECT username, role FROM users').all()).toEqual([{ username: a.ok ? 'first' : 'second', role: 'admin' }]);
    } finally {
      await h.close();
    }
  });
});

describe.each([
  ['after the first admin', async () => {
    const h = await startEmpty();
    await h.call('setup.createAdmin', ADMIN);
    await h.login(ADMIN.username, ADMIN.pin);
    return h;
  }],
  ['on a counter in service (the demo)', () => startHarness().then(async (h) => { await h.login('admin', '9999'); return h; })],
] as const)('%s', (_name, start) => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.close());

  it('covers every setup channel', () => {
    expect(SETUP.length).toBeGreaterThanOrEqual(11);
    expect(SETUP).toContain('setup.createAdmin');
  });

  it.each(SETUP)('%s refuses every call with SETUP_DONE, with or without a session', async (channel) => {
    const users = h.app.db.read.prepare('SELECT COUNT(*) AS n FROM users').get();
    const good: Record<string, unknown> = {
      'setup.createAdmin': { ...ADMIN, username: 'intruder' }, 'setup.saveLanguage': { language: 'en' }, 'setup.saveCurrency': { code: 'USD', decimals: 2 },
      'setup.saveCounter': { name: 'x', number: '9' }, 'setup.finishVendors': { offlineOnly: true }, 'setup.saveTimeZone': { timeZone: 'UTC' },
    };
    for (const input of [good[channel] ?? {}, {}, 'probe', null]) {
      await refused(h, channel, input, 'SETUP_DONE', null);
      await refused(h, channel, input, 'SETUP_DONE');
    }
    expect(h.app.db.read.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual(users);
  });

  it('setup.status says only that setup is not needed', async () => {
    expect(await h.call('setup.status', {})).toEqual({ needed: false });
    expect((await h.raw('setup.status', {}, null))).toEqual({ ok: true, value: { needed: false } });
  });

  it('nothing setup would change was changed', async () => {
    expect(h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM settings WHERE key = 'counter.settings'`).get()).toEqual({ n: 0 });
    expect(h.app.sales.vending.mode).toBe('vendor');
  });
});
