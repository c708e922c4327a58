// The offline-first channels through the real dispatcher: the cashier's pending list, the
// supervisor's dead-letter list with retry/resolve (audited, role-checked), and backup.now.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_UNKNOWN_ACREL_METER } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(async () => h?.close());
const sell = async (m: string) => h.call('sales.sell', await h.confirmed({ meterNumber: m, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));

describe('offline-first channels', () => {
  it('the cashier sees pending money-credit sales until the cloud takes them', async () => {
    h = await startHarness({ env: { ACREL_API_RETRY_ATTEMPTS: '0' } });
    await h.login();
    await h.sims.acrel.setFaults({ offline: true });
    const a = await sell(DEMO_ACREL_METERS[0]!.number);
    const b = await sell(DEMO_ACREL_METERS[0]!.number);
    expect([a.status, b.status]).toEqual(['pending', 'pending']);
    expect((await h.call('sales.pending', {})).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    await h.sims.acrel.setFaults({});
    await eventually(async () => (await h.call('sales.pending', {})).length === 0, 15_000, 'the pending list to drain');
    // Same meter: delivered in the order sold.
    const keys = [...h.sims.acrel.rechargesByKey.keys()];
    expect(keys.indexOf(a.id)).toBeLessThan(keys.indexOf(b.id));
  });

  it('a refused recharge is a dead letter: the supervisor sees it, retries it, resolves it; a cashier cannot', async () => {
    h = await startHarness();
    await h.login();
    // The counter knows this meter, the cloud does not: it refuses the recharge for good.
    h.app.db.write.prepare(`INSERT INTO meters (number, kind, schedule_code, created_at) VALUES (?, 'acrel', 'RES-TOU', 'x')`).run(DEMO_UNKNOWN_ACREL_METER);
    const sale = await sell(DEMO_UNKNOWN_ACREL_METER);
    expect(sale.status).toBe('failed');
    const denied = await h.raw('outbox.deadLetters', {});
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
    await h.login('supervisor', '2222');
    const [dead] = await h.call('outbox.deadLetters', {});
    expect(dead).toMatchObject({ topic: 'acrel.recharge', saleId: sale.id, meterNumber: DEMO_UNKNOWN_ACREL_METER });
    // The cloud's reason is kept in both languages, with when it was refused.
    expect(dead!.reason).toMatchObject({ code: expect.any(String), message: { ar: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) } });
    expect(dead!.refusedAt).toEqual(expect.any(String));
    expect((await h.call('sync.status', {})).failed).toBe(1);
    await h.call('outbox.retry', { id: dead!.id });
    await eventually(async () => (await h.call('outbox.deadLetters', {})).length === 1 && (await h.call('sync.status', {})).failed === 1, 10_000, 'refused again');
    const after = await h.call('outbox.resolve', { id: dead!.id, note: 'Customer refunded at the counter' });
    expect(after.failed).toBe(0);
    expect(await h.call('outbox.deadLetters', {})).toEqual([]);
    expect((await h.call('outbox.deadLetters', { includeResolved: true }))[0]?.resolution).toBe('Customer refunded at the counter');
    const again = await h.raw('outbox.resolve', { id: dead!.id, note: 'twice' });
    expect(again.ok || again.error.code).toBe('NOT_FOUND');
    const audit = h.app.db.read.prepare(`SELECT action FROM audit_log WHERE entity = 'outbox' ORDER BY id`).all() as { action: string }[];
    expect(audit.map((r) => r.action)).toEqual(['outbox.retry', 'outbox.resolve']);
  });

  it('backup.now is for supervisors and writes a database file', async () => {
    h = await startHarness();
    await h.login();
    expect((await h.raw('backup.now', {})).ok).toBe(false);
    await h.login('supervisor', '2222');
    const r = await h.call('backup.now', {});
    expect(fs.existsSync(r.file)).toBe(true);
    expect(r.bytes).toBeGreaterThan(0);
  });
});
