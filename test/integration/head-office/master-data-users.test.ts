// Users on an enrolled counter: re-enrolment (a new counter id) puts the last enrolment's users out
// and takes them over by name when the new one sends them, never a clash; the users made at the
// counter (its setup's admin) are still managed here, the head office's only there, and the last
// active admin is never deactivated; a head-office user's own PIN is changed at the head office.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { revokeCounterById } from '../../../head-office/db/counters';
import { createEnrolmentCode } from '../../../head-office/enrolment';
import { applyMasterEdits, type MasterEdit } from '../../../head-office/master-data/edits';
import type { NewCounter } from '../../../head-office/counters';
import { RpcFailure, startHarness, type Harness } from '../../helpers/harness';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
const open: Harness[] = [];
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
}, 60_000);
afterAll(() => ho?.close());
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const edits = (...e: MasterEdit[]) => applyMasterEdits(ho.pool, e, 'test');
const user = (counterId: number, username: string, over: Partial<{ role: 'cashier' | 'supervisor' | 'admin'; active: boolean; pin: string }> = {}): MasterEdit =>
  ({ entity: 'user', data: { counterId, username, displayName: username, role: 'cashier', locale: 'ar', active: true, pin: '2580', ...over } });
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof RpcFailure) return e.error;
    throw e;
  }
  throw new Error('expected the call to fail');
};

async function enrolledCounter(c: NewCounter): Promise<Harness> {
  const h = await startHarness({
    env: { HEAD_OFFICE_URL: ho.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret, SHAHN_MASTER_DATA: 'head-office', SHAHN_MASTER_DATA_PULL_MS: '3600000' },
  });
  open.push(h);
  await h.app.masterData.syncNow();
  return h;
}

const userRow = (h: Harness, username: string) =>
  h.app.db.read.prepare('SELECT id, active, ho_key FROM users WHERE username = ?').get(username) as { id: number; active: number; ho_key: string | null };

describe('re-enrolment', () => {
  it('puts the earlier enrolment\'s users out with their sessions, and takes them over by name when the new enrolment sends them', async () => {
    const h = await startHarness({ env: { SHAHN_MASTER_DATA_PULL_MS: '3600000' } });
    open.push(h);
    await h.login('admin', '9999');
    const enrol = async () => {
      const { code } = await createEnrolmentCode(ho.pool, { counterName: 'Counter R', createdBy: 'test' });
      await h.call('vendors.enrolHeadOffice', { baseUrl: ho.url, code });
      return (await ho.pool.query<{ id: string }>('SELECT id FROM counters ORDER BY id DESC LIMIT 1')).rows[0]!.id;
    };
    const first = Number(await enrol());
    await edits(user(first, 'amal'));
    await h.app.masterData.syncNow();
    const amal = userRow(h, 'amal');
    expect(amal).toMatchObject({ active: 1, ho_key: `amal@${first}` });
    const login = await h.raw('auth.login', { username: 'amal', pin: '2580' }, null);
    const token = (login as { value: { token: string } }).value.token;

    // Revoked and enrolled again: a new counter id. amal's key names the old one.
    await revokeCounterById(ho.pool, first);
    const second = Number(await enrol());
    expect(second).not.toBe(first);
    // The enrolment itself put them out (before any pull): nothing of the old enrolment signs in.
    expect(userRow(h, 'amal')).toMatchObject({ active: 0 });
    expect((await h.raw('auth.me', {}, token)).ok).toBe(false);
    expect((await h.raw('auth.login', { username: 'amal', pin: '2580' }, null)).ok).toBe(false);
    const audit = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'master_data.enrolled' ORDER BY id DESC LIMIT 1`).get() as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ deactivatedUsers: [amal.id] });
    // The counter's own admin is untouched.
    expect((await h.raw('auth.login', { username: 'admin', pin: '9999' }, null)).ok).toBe(true);

    // The new enrolment sends amal again: the same row takes the new key; no clash, nothing held.
    await edits(user(second, 'amal', { pin: '3691' }));
    const status = await h.app.masterData.syncNow();
    expect(status).toMatchObject({ error: null, heldBack: [] });
    expect(userRow(h, 'amal')).toEqual({ id: amal.id, active: 1, ho_key: `amal@${second}` });
    expect((await h.raw('auth.login', { username: 'amal', pin: '3691' }, null)).ok).toBe(true);
  });
});

describe('users on an enrolled counter', () => {
  it('the counter\'s own users are managed here, the head office\'s only there; the last active admin stays', async () => {
    const c = await ho.addCounter();
    await edits(user(c.id, 'boss', { role: 'admin', pin: '4826' }));
    const h = await enrolledCounter(c);
    await h.login('admin', '9999');
    const local = (name: string) => userRow(h, name);
    const list = await h.call('users.list', {});
    expect(list.find((u) => u.username === 'boss')).toMatchObject({ headOffice: true });
    expect(list.find((u) => u.username === 'cashier')).toMatchObject({ headOffice: false });

    // A local cashier's PIN reset and a local supervisor deactivated: the pulls never touch them, so only here.
    await h.call('users.setPin', { id: local('cashier').id, pin: '7531' });
    expect((await h.raw('auth.login', { username: 'cashier', pin: '7531' }, null)).ok).toBe(true);
    expect((await h.call('users.update', { id: local('supervisor').id, active: false })).active).toBe(false);

    // The head office's user: refused in both languages, whatever the change.
    for (const e of [
      await fails(h.call('users.update', { id: local('boss').id, active: false })),
      await fails(h.call('users.setPin', { id: local('boss').id, pin: '1357' })),
    ]) {
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message.en).toContain('The head office manages this user');
      expect(e.message.ar).toContain('المكتب الرئيسي يدير هذا المستخدم');
    }
    // New users come from the head office only.
    expect((await fails(h.call('users.create', { username: 'newbie', displayName: 'New', role: 'cashier', locale: 'ar', pin: '4826' }))).code).toBe('FORBIDDEN');

    // boss deactivated at the head office: the local admin is the last active one and cannot go.
    await edits(user(c.id, 'boss', { role: 'admin', pin: '4826', active: false }));
    await h.app.masterData.syncNow();
    const last = await fails(h.call('users.update', { id: local('admin').id, active: false }));
    expect(last.code).toBe('CONFLICT');
    expect(last.message.en).toContain('last active administrator');
    // boss back: the departed employee's local admin can now be deactivated.
    await edits(user(c.id, 'boss', { role: 'admin', pin: '4826', active: true }));
    await h.app.masterData.syncNow();
    expect((await h.call('users.update', { id: local('admin').id, active: false })).active).toBe(false);
    expect((await h.raw('auth.login', { username: 'admin', pin: '9999' }, null)).ok).toBe(false);
  });

  it('a head-office user\'s own PIN is changed at the head office; a local user still changes theirs', async () => {
    const c = await ho.addCounter();
    await edits(user(c.id, 'amal'));
    const h = await enrolledCounter(c);
    await h.login('amal', '2580');
    const e = await fails(h.call('auth.changePin', { currentPin: '2580', newPin: '8642' }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message.en).toContain('Your PIN is set at the head office');
    expect(e.message.ar).toContain('رقمك السري يُضبط في المكتب الرئيسي');
    expect((await h.raw('auth.login', { username: 'amal', pin: '2580' }, null)).ok).toBe(true);

    await h.login('cashier', '1111');
    expect(await h.call('auth.changePin', { currentPin: '1111', newPin: '8642' })).toEqual({ ok: true });
    expect((await h.raw('auth.login', { username: 'cashier', pin: '8642' }, null)).ok).toBe(true);
  });
});
