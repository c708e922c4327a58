// A supervisor's engineering token at a counter whose STS vendor is an XMLVend server: the server
// issues it (its own engineering request), the counter reads its TID with the supply group's key,
// records it in the meter's token ledger and audit like any code; without that key it refuses
// before the server issues anything.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(async () => h.close());

const METER = '04000001018';

describe('engineering tokens over XMLVend', () => {
  it('issues the server\'s token with the TID read on the counter; the meter takes it', async () => {
    h = await startHarness({ xmlvend: { style: 'conlog' } });
    await h.login('supervisor', '2222');
    const code = await h.call('meters.maintenanceCode', { meterNumber: METER, purpose: 'maintenance', action: 'clear_tamper', validMinutes: 60 });
    expect(code.code).toMatch(/^\d{20}$/);
    expect(h.sims.xmlvend!.ledger.engineering()).toHaveLength(1);
    const row = h.app.db.read.prepare(`SELECT t.tid, t.kind FROM issued_tokens t JOIN meters m ON m.id = t.meter_id WHERE m.number = ?`).get(METER) as { tid: number; kind: string };
    expect(row).toEqual({ tid: code.tid, kind: 'engineering' });
    expect(h.sims.xmlvend!.meters.enterToken(METER, code.code).accepted).toBe(true);
  });

  it('refuses before asking the server when this counter cannot read the TID (no key for the supply group)', async () => {
    h = await startHarness({ xmlvend: { style: 'hexing' } });
    h.app.db.write.prepare(`UPDATE vending_keys SET retired_at = ?, retired_by = 1 WHERE retired_at IS NULL`).run(new Date().toISOString());
    await h.login('supervisor', '2222');
    const r = await h.raw('meters.maintenanceCode', { meterNumber: METER, purpose: 'maintenance', action: 'clear_credit', validMinutes: 60 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NO_VENDING_KEY');
    expect(r.error.message.ar).toMatch(/حمّل هذا المفتاح/);
    expect(h.sims.xmlvend!.ledger.engineering()).toHaveLength(0);
  });

  it('on a counter the head office leases, says the head office holds the keys (loading one there is refused), not "load that key"', async () => {
    // SHAHN_MASTER_DATA=head-office: leases govern from the start; the harness seeds the demo key
    // after start, so it is retired here as the enrolment would have.
    h = await startHarness({ xmlvend: { style: 'hexing' }, env: { SHAHN_MASTER_DATA: 'head-office' } });
    h.app.db.write.prepare(`UPDATE vending_keys SET retired_at = ?, retired_by = 1 WHERE retired_at IS NULL`).run(new Date().toISOString());
    await h.login('supervisor', '2222');
    const r = await h.raw('meters.maintenanceCode', { meterNumber: METER, purpose: 'maintenance', action: 'clear_credit', validMinutes: 60 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NO_VENDING_KEY');
    expect(r.error.message.en).toMatch(/the head office holds the keys/);
    expect(r.error.message.ar).toMatch(/لدى المكتب الرئيسي/);
    expect(r.error.message.en).not.toMatch(/Load that key/);
    expect(h.sims.xmlvend!.ledger.engineering()).toHaveLength(0);
  });
});
