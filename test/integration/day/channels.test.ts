// Every channel of the cashier's day (users, approvals, shifts, history, customers, meters, keys): each lower role is FORBIDDEN, and
// a malformed input is a bilingual BAD_INPUT that changes nothing. (security/roles.test.ts walks
// the whole contract too; this names the day's channels and uses inputs shaped like real ones.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayChannels, ROLES, type Channel, type Role } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';
import { snapshot } from '../security/db-snapshot';
import { users, type Users } from './helpers';

let h: Harness;
let u: Users;
beforeAll(async () => {
  h = await startHarness();
  u = await users(h);
});
afterAll(() => h.close());

/** A nearly-right input for each channel, with one field wrong. */
const BAD: Record<keyof typeof dayChannels, unknown> = {
  'users.list': { includeInactive: 'yes' }, 'users.create': { username: 'ab', displayName: 'x', role: 'cashier', pin: '1234' },
  'users.update': { id: 1 }, 'users.setPin': { id: 1, pin: '12a4' }, 'users.unlock': { id: 0 }, 'auth.changePin': { currentPin: '1111', newPin: '' },
  'approvals.grant': { username: 'supervisor', pin: '2222', action: 'void' }, 'shifts.settings': { x: 1 }, 'shifts.saveSettings': { requireShift: 1 },
  'shifts.current': { all: true }, 'shifts.open': { floatMinor: 10.5 }, 'shifts.xReport': { shiftId: -1 }, 'shifts.close': { countedCashMinor: -5 },
  'shifts.list': { status: 'pending' }, 'shifts.zReport': { zNo: '1' }, 'shifts.zReports': { limit: 1000 }, 'shifts.printZ': {}, 'shifts.zCsv': { zNo: 0 },
  'history.search': { receiptNo: 0 }, 'history.lastTokens': { meterNumber: '' }, 'customers.search': { query: '' }, 'customers.get': { id: 'a' },
  'customers.create': { nameAr: 'x', phone: 'call me' }, 'customers.update': { id: 1 }, 'customers.import': { csv: '', dryRun: false },
  'meters.detail': { meterNumber: 1 }, 'meters.create': { number: '04000001018', kind: 'acrel', customerId: null, scheduleCode: 'RES-TOU', sts: { sgc: '1', ti: '1', krn: 1, keyType: 2, baseDate: 2014 } },
  'meters.update': { number: '04000001018' }, 'keys.list': { sgc: '1' }, 'keys.put': { sgc: '600727', krn: 1, vendingKeyHex: 'xyz' }, 'keys.retire': { id: 'first' },
};
const rank = (r: Role) => ROLES.indexOf(r);
const cases = (Object.keys(dayChannels) as (keyof typeof dayChannels)[]).map((c) => [c, dayChannels[c].role as Role] as const);

describe.each(cases)('%s (lowest role %s)', (channel, role) => {
  it('lower roles: FORBIDDEN; its role: bilingual BAD_INPUT for a malformed input, nothing written', async () => {
    for (const r of ROLES.filter((x) => rank(x) < rank(role))) expect((await u.fail(r, channel as Channel, BAD[channel])).code).toBe('FORBIDDEN');
    const before = snapshot(h.app.db.read);
    const e = await u.fail(role, channel as Channel, BAD[channel]);
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message.ar).toContain('الطلب غير صالح');
    expect(snapshot(h.app.db.read)).toEqual(before);
  });
});
