// A purchase above the maximum: refused to a cashier without a supervisor's approval, sold with
// one (used up: it does not allow a second sale), and a supervisor approves their own.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS } from '../../sim/demo-data';
import { startHarness, type Harness } from '../../helpers/harness';
import { users, type Users, type Who } from './helpers';

let h: Harness;
let u: Users;
beforeEach(async () => {
  h = await startHarness();
  u = await users(h);
});
afterEach(async () => h.close());

const meter = DEMO_ACREL_METERS[1]!.number; // RES-TOU: the most one purchase can be is 500 000
/** Confirmed as the cashier saw it: the refused quote carries the price with a supervisor's approval. */
const big = (who: Who = 'cashier', saleId = randomUUID()) => u.confirmed(who, { saleId, meterNumber: meter, amountMinor: 600_000, tenderedMinor: 600_000, paymentMethod: 'cash' });

describe('a sale above the purchase maximum', () => {
  it('asks a cashier for a supervisor, and says so in both languages', async () => {
    const quote = await u.fail('cashier', 'sales.quote', { meterNumber: meter, amountMinor: 600_000 });
    expect(quote).toMatchObject({ code: 'AMOUNT_TOO_LARGE', issues: ['approval:sale-above-max'], quote: { amountMinor: 600_000, chargedMinor: 600_000 } });
    const e = await u.fail('cashier', 'sales.sell', await big());
    expect(e).toMatchObject({ code: 'APPROVAL_REQUIRED', issues: ['approval:sale-above-max'] });
    expect((h.app.db.read.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n).toBe(0);
  });

  it('sells with an approval, which is used up and audited', async () => {
    const g = await u.call('cashier', 'approvals.grant', { username: 'supervisor', pin: '2222', action: 'sale-above-max' });
    const sale = await u.call('cashier', 'sales.sell', { ...(await big()), approvalToken: g.approvalToken });
    expect(sale.status).toBe('issued');
    expect(sale.amountMinor).toBe(600_000);
    const again = await u.fail('cashier', 'sales.sell', { ...(await big()), approvalToken: g.approvalToken });
    expect(again.code).toBe('APPROVAL_REQUIRED');
    const used = h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'approval.used' AND entity_id = 'sale-above-max'`).get() as { n: number };
    expect(used.n).toBe(1);
  });

  it('a supervisor sells above the maximum without asking anyone', async () => {
    expect((await u.call('supervisor', 'sales.sell', await big('supervisor'))).status).toBe('issued');
  });
});
