// Users and roles, PIN changes and lockout, supervisor approvals and the reprint rule (issue 8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../main/audit/append';
import { startHarness, type Harness } from '../../helpers/harness';
import { users, type Users } from './helpers';

let h: Harness;
let u: Users;
beforeAll(async () => {
  h = await startHarness();
  u = await users(h);
});
afterAll(() => h.close());

const audit = (action: string) => h.app.db.read.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY id').all(action) as { user_id: number | null; details: string }[];

describe('users', () => {
  it('an admin creates, edits and re-PINs users; lower roles are refused; every change is audited', async () => {
    const nadia = await u.call('admin', 'users.create', { username: 'nadia', displayName: 'نادية', role: 'cashier', pin: '4321' });
    expect(nadia).toMatchObject({ username: 'nadia', role: 'cashier', locale: 'ar', active: true, lockedUntil: null });
    expect((await u.fail('admin', 'users.create', { username: 'NADIA', displayName: 'x', role: 'cashier', pin: '4321' })).code).toBe('CONFLICT');
    expect((await u.fail('supervisor', 'users.create', { username: 'x1y', displayName: 'x', role: 'cashier', pin: '4321' })).code).toBe('FORBIDDEN');
    expect((await u.fail('admin', 'users.create', { username: 'نادية', displayName: 'x', role: 'cashier', pin: '12' })).code).toBe('BAD_INPUT');
    const t = (await h.call('auth.login', { username: 'nadia', pin: '4321' })).token;
    expect((await u.call(t, 'auth.me', {})).displayName).toBe('نادية');

    expect(await u.call('admin', 'users.update', { id: nadia.id, locale: 'en', displayName: 'Nadia' })).toMatchObject({ locale: 'en', displayName: 'Nadia' });
    await u.call('admin', 'users.setPin', { id: nadia.id, pin: '5555' });
    expect((await h.raw('auth.login', { username: 'nadia', pin: '4321' })).ok).toBe(false);
    expect((await h.raw('auth.login', { username: 'nadia', pin: '5555' })).ok).toBe(true);
    // Deactivated: the open session ends at once and the PIN no longer works.
    await u.call('admin', 'users.update', { id: nadia.id, active: false });
    expect((await u.fail(t, 'auth.me', {})).code).toBe('UNAUTHENTICATED');
    expect((await h.raw('auth.login', { username: 'nadia', pin: '5555' })).ok).toBe(false);
    const list = await u.call('supervisor', 'users.list', {});
    expect(list.find((x) => x.username === 'nadia')?.active).toBe(false);
    expect((await u.call('supervisor', 'users.list', { includeInactive: false })).some((x) => x.username === 'nadia')).toBe(false);
    expect(audit('user.create')).toHaveLength(1);
    expect(audit('user.update')).toHaveLength(2);
    expect(audit('user.set_pin')).toHaveLength(1);
  });

  it('the last active administrator cannot be demoted or deactivated', async () => {
    const admin = (await u.call('admin', 'users.list', {})).find((x) => x.role === 'admin')!;
    expect((await u.fail('admin', 'users.update', { id: admin.id, role: 'supervisor' })).code).toBe('CONFLICT');
    expect((await u.fail('admin', 'users.update', { id: admin.id, active: false })).code).toBe('CONFLICT');
  });

  it('a supervisor unlocks a locked-out cashier (not an admin); anyone changes their own PIN', async () => {
    const made = await u.call('admin', 'users.create', { username: 'karim', displayName: 'كريم', role: 'cashier', pin: '2468' });
    for (let i = 0; i < 5; i++) await h.raw('auth.login', { username: 'karim', pin: '0000' });
    const locked = await h.raw('auth.login', { username: 'karim', pin: '2468' });
    expect(!locked.ok && locked.error.code).toBe('LOCKED_OUT');
    expect((await u.call('supervisor', 'users.list', {})).find((x) => x.id === made.id)?.lockedUntil).not.toBeNull();
    expect((await u.fail('cashier', 'users.unlock', { id: made.id })).code).toBe('FORBIDDEN');
    expect(await u.call('supervisor', 'users.unlock', { id: made.id })).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    const admin = (await u.call('admin', 'users.list', {})).find((x) => x.role === 'admin')!;
    expect((await u.fail('supervisor', 'users.unlock', { id: admin.id })).code).toBe('FORBIDDEN');
    const t = (await h.call('auth.login', { username: 'karim', pin: '2468' })).token;
    expect((await u.fail(t, 'auth.changePin', { currentPin: '1111', newPin: '1357' })).code).toBe('WRONG_PIN');
    expect(await u.call(t, 'auth.changePin', { currentPin: '2468', newPin: '1357' })).toEqual({ ok: true });
    expect((await h.raw('auth.login', { username: 'karim', pin: '1357' })).ok).toBe(true);
  });
});

describe('supervisor approval at the till', () => {
  it('grants a short-lived single-use token to a supervisor PIN only; wrong PINs count towards the lockout', async () => {
    const g = await u.call('cashier', 'approvals.grant', { username: 'supervisor', pin: '2222', action: 'reprint' });
    expect(g.approvalToken).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    expect(new Date(g.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(120_000);
    expect(g.approver.displayName).toBe('Omar (supervisor)');
    expect((await u.fail('cashier', 'approvals.grant', { username: 'cashier', pin: '1111', action: 'reprint' })).code).toBe('FORBIDDEN');
    expect((await u.fail('cashier', 'approvals.grant', { username: 'supervisor', pin: '0000', action: 'reprint' })).code).toBe('WRONG_PIN');
    expect((await u.fail('cashier', 'approvals.grant', { username: 'supervisor', pin: '2222', action: 'refund' })).code).toBe('BAD_INPUT');
    const failed = audit('login.failed').at(-1)!;
    expect(JSON.parse(failed.details)).toMatchObject({ via: 'approval' });
    expect((await u.call('supervisor', 'users.list', {})).find((x) => x.username === 'supervisor')?.failedAttempts).toBe(1);
    await u.call('cashier', 'approvals.grant', { username: 'supervisor', pin: '2222', action: 'engineering-token' }); // a success clears the count
    expect((await u.call('supervisor', 'users.list', {})).find((x) => x.username === 'supervisor')?.failedAttempts).toBe(0);
  });

  it('the first copy of a receipt is the cashier\'s; the second needs an approval for that sale, used once', async () => {
    const sale = await u.call('cashier', 'sales.sell', await u.confirmed('cashier', { meterNumber: '04000001018', amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    await h.sims.printer.waitForJobs(1, 5_000);
    expect((await u.call('cashier', 'sales.print', { id: sale.id })).copy).toBe(true); // first copy: free
    const refused = await u.fail('cashier', 'sales.print', { id: sale.id });
    expect(refused.code).toBe('APPROVAL_REQUIRED');
    expect(refused.issues).toEqual(['approval:reprint']);
    const other = await u.call('cashier', 'approvals.grant', { username: 'supervisor', pin: '2222', action: 'reprint', subject: '00000000-0000-4000-8000-000000000000' });
    expect((await u.fail('cashier', 'sales.print', { id: sale.id, approvalToken: other.approvalToken })).code).toBe('APPROVAL_REQUIRED');
    const wrongAction = await u.call('cashier', 'approvals.grant', { username: 'supervisor', pin: '2222', action: 'sale-above-max' });
    expect((await u.fail('cashier', 'sales.print', { id: sale.id, approvalToken: wrongAction.approvalToken })).code).toBe('APPROVAL_REQUIRED');
    const ok = await u.call('cashier', 'approvals.grant', { username: 'supervisor', pin: '2222', action: 'reprint', subject: sale.id });
    expect(await u.call('cashier', 'sales.print', { id: sale.id, approvalToken: ok.approvalToken })).toMatchObject({ printed: true, copy: true });
    expect((await u.fail('cashier', 'sales.print', { id: sale.id, approvalToken: ok.approvalToken })).code).toBe('APPROVAL_REQUIRED'); // used up
    // A supervisor reprints without asking anyone; every copy is audited.
    expect((await u.call('supervisor', 'sales.print', { id: sale.id })).copy).toBe(true);
    expect(audit('approval.used')).toHaveLength(1);
    expect(audit('receipt.reprint').length).toBeGreaterThanOrEqual(3);
    expect(verifyAuditChain(h.app.db.read)).toBeNull();
  });
});
