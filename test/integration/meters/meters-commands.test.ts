// Commands that change a meter: recorded and audited with the request, delivered by the outbox
// with the command id as the vendor's Idempotency-Key, then followed to done or failed. Offline,
// a command waits in the outbox and completes when the cloud is back.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../main/audit/append';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.sims.clock.freeze();
  for (const m of DEMO_STS_METERS.filter((x) => x.connection !== 'none')) h.sims.sts.world.setLink(m.number, { online: true, signal: 70 });
  for (const m of DEMO_ACREL_METERS) h.sims.acrel.world.setLink(m.number, { online: true, signal: 70 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.login('supervisor', '2222');
});

const STS = DEMO_STS_METERS[0]!.number;
const WIRED = DEMO_STS_METERS[3]!.number;
const ACREL = DEMO_ACREL_METERS[0]!.number;
const status = (id: string) => h.call('meters.commandStatus', { commandId: id });
const audit = (id: string) =>
  (h.app.db.read.prepare(`SELECT action FROM audit_log WHERE details LIKE ? ORDER BY id`).all(`%${id}%`) as { action: string }[]).map((r) => r.action);

/** Advances the clouds' clock a little at a time until the command has left "sent". */
async function untilFinal(id: string) {
  await eventually(async () => {
    h.sims.clock.advance(1_000);
    const s = (await status(id)).status;
    return s === 'done' || s === 'failed';
  }, 15_000, `command ${id} final`);
  return status(id);
}

describe('meter commands', () => {
  it('disconnect: pending -> sent -> done, with the reason, the vendor id and an audit row at each step', async () => {
    const id = randomUUID();
    const c = await h.call('meters.command', { meterNumber: STS, commandId: id, command: { kind: 'disconnect', reason: 'non-payment' } });
    expect(c).toMatchObject({ id, status: 'pending', kind: 'disconnect', reason: 'non-payment', requestedBy: 'supervisor', meterKind: 'sts' });
    await eventually(async () => (await status(id)).status !== 'pending', 10_000, 'sent');
    const done = await untilFinal(id);
    expect(done).toMatchObject({ status: 'done', error: null });
    expect(done.vendorCommandId).toMatch(/^CMD-/);
    expect(h.sims.sts.meters.state(STS).relay).toBe('disconnected');
    expect(audit(id)).toEqual(['meter.command.requested', 'meter.command.sent', 'meter.command.done']);
    expect(verifyAuditChain(h.app.db.read)).toBeNull();
    // Sending the same request again is the same command, not a second one.
    expect((await h.call('meters.command', { meterNumber: STS, commandId: id, command: { kind: 'disconnect', reason: 'non-payment' } })).status).toBe('done');
    expect([...h.sims.sts.world.commands.values()].filter((x) => x.commandId === done.vendorCommandId)).toHaveLength(1);
  });

  it('a command the meter refuses ends failed with its words (turn on while disconnected)', async () => {
    const c = await h.call('meters.command', { meterNumber: STS, command: { kind: 'turn_on' } });
    const f = await untilFinal(c.id);
    expect(f).toMatchObject({ status: 'failed', error: { code: 'METER_DISCONNECTED' } });
    expect(f.error!.message.ar).toMatch(/[\u0600-\u06FF]/);
    expect(audit(c.id)).toContain('meter.command.failed');
  });

  it('amperage up and down on an STS meter, relay commands on an Acrel meter', async () => {
    const down = await h.call('meters.command', { meterNumber: WIRED, command: { kind: 'reduce_amperage', limitA: 16 } });
    expect((await untilFinal(down.id)).status).toBe('done');
    expect(h.sims.sts.meters.state(WIRED).amperageLimitA).toBe(16);
    const up = await h.call('meters.command', { meterNumber: WIRED, command: { kind: 'increase_amperage', limitA: 32 } });
    expect((await untilFinal(up.id)).status).toBe('done');
    expect(h.sims.sts.meters.state(WIRED).amperageLimitA).toBe(32);
    const off = await h.call('meters.command', { meterNumber: ACREL, command: { kind: 'turn_off' } });
    expect((await untilFinal(off.id)).status).toBe('done');
    expect(h.sims.acrel.meters.state(ACREL).relay).toBe('off');
    const list = await h.call('meters.commands', { meterNumber: WIRED, limit: 10 });
    expect(list.map((x) => x.kind)).toEqual(['increase_amperage', 'reduce_amperage']);
  });

  it('a refusal by the cloud (amperage not lower) fails the command for good', async () => {
    const c = await h.call('meters.command', { meterNumber: WIRED, command: { kind: 'reduce_amperage', limitA: 99 } });
    await eventually(async () => (await status(c.id)).status === 'failed', 10_000, 'failed');
    expect((await status(c.id)).error?.code).toBe('AMPERAGE_NOT_LOWER');
  });

  it('with the cloud offline a disconnect stays pending in the outbox, then completes when it returns', async () => {
    await h.sims.acrel.setFaults({ offline: true });
    const c = await h.call('meters.command', { meterNumber: ACREL, command: { kind: 'disconnect', reason: 'safety inspection' } });
    await eventually(() => {
      const r = h.app.db.read.prepare(`SELECT attempts, status FROM outbox WHERE key = ?`).get(c.id) as { attempts: number; status: string };
      return r.attempts >= 1 && r.status === 'pending';
    }, 15_000, 'a failed attempt');
    expect((await status(c.id)).status).toBe('pending');
    expect(h.sims.acrel.meters.state(ACREL).relay).not.toBe('disconnected');
    await h.sims.acrel.setFaults({});
    await h.call('sync.now', {});
    expect((await untilFinal(c.id)).status).toBe('done');
    expect(h.sims.acrel.meters.state(ACREL).relay).toBe('disconnected');
    const reconnect = await h.call('meters.command', { meterNumber: ACREL, command: { kind: 'reconnect' } });
    expect((await untilFinal(reconnect.id)).status).toBe('done');
  });

  it('makes an STS engineering code the meter accepts once', async () => {
    const tokensOnly = DEMO_STS_METERS[2]!.number;
    const code = await h.call('meters.maintenanceCode', { meterNumber: tokensOnly, purpose: 'repair', action: 'clear_tamper', validMinutes: 30 });
    expect(code.code).toMatch(/^\d{20}$/);
    expect(h.sims.sts.meters.enterToken(tokensOnly, code.code)).toMatchObject({ accepted: true, management: 'clear_tamper' });
    expect(h.sims.sts.meters.enterToken(tokensOnly, code.code)).toEqual({ accepted: false, reason: 'USED' });
    const row = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'meter.maintenance_code' ORDER BY id DESC`).get() as { details: string };
    expect(row.details).toContain(String(code.tid));
    expect(row.details).not.toContain(code.code);
  });
});
