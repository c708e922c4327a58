// The meter's account as its cloud holds it, for both kinds of meter against the simulated clouds:
// the payment mode (getPaymentMode) and the prepaid balance (getPrepaidBalance) are direct reads,
// each with its value in the cloud's unit (STS 0.1 kWh, Acrel money), the vendor's refusal, or a
// plain "cannot reach" — in both languages. Setting prepaid mode on an STS meter is a recorded,
// audited command that leaves through the outbox exactly once, even when the cloud is down first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_STS_KEYS, DEMO_STS_METERS, DEMO_UNKNOWN_ACREL_METER, DEMO_UNKNOWN_STS_METER } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { waitDone } from '../tariffs/commands';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.sims.clock.freeze();
  await h.login('supervisor', '2222');
});
afterEach(async () => h.close());

const STS = DEMO_STS_METERS[0]!.number;
const TOKENS_ONLY = DEMO_STS_METERS.find((m) => m.connection === 'none')!.number;
const ACREL = DEMO_ACREL_METERS[0]!.number;
const POSTPAID = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'postpaid')!.number;
const arabic = /[\u0600-\u06FF]/;
const { sgc, ti, krn, keyType, baseDate } = DEMO_STS_KEYS;

/** A meter registered at the counter that its cloud has never heard of. */
async function registerUnknown(kind: 'sts' | 'acrel'): Promise<string> {
  const number = kind === 'sts' ? DEMO_UNKNOWN_STS_METER : DEMO_UNKNOWN_ACREL_METER;
  await h.call('meters.create', { number, kind, customerId: null, scheduleCode: 'RES-TOU', ...(kind === 'sts' ? { sts: { sgc, ti, krn, keyType, baseDate } } : {}) });
  return number;
}

async function offline(sim: 'sts' | 'acrel', f: () => Promise<void>): Promise<void> {
  await h.sims[sim].setFaults({ offline: true });
  try {
    await f();
  } finally {
    await h.sims[sim].setFaults({});
  }
}

const count = (sql: string, ...args: unknown[]) => (h.app.db.read.prepare(sql).get(...args) as { n: number }).n;

describe.each(['meters.cloudPaymentMode', 'meters.prepaidBalance'] as const)('%s', (channel) => {
  it('reads the cloud in its unit: kWh tenths for STS, money for Acrel', async () => {
    const s = await h.call(channel, { meterNumber: STS });
    const a = await h.call(channel, { meterNumber: ACREL });
    expect(s).toMatchObject({ meterNumber: STS, kind: 'sts' });
    expect(a).toMatchObject({ meterNumber: ACREL, kind: 'acrel' });
    if (channel === 'meters.cloudPaymentMode') {
      expect(s).toMatchObject({ mode: 'prepaid', creditLimitTenths: 0, creditLimitMinor: null });
      expect(a).toMatchObject({ mode: 'prepaid', creditLimitMinor: 0, creditLimitTenths: null });
      expect(await h.call(channel, { meterNumber: POSTPAID })).toMatchObject({ mode: 'postpaid' });
    } else {
      expect(s).toMatchObject({ balanceTenths: h.sims.sts.meters.balanceTenths(STS), balanceMinor: null });
      expect(a).toMatchObject({ balanceMinor: h.sims.acrel.meters.balanceMinor(ACREL), balanceTenths: null });
    }
  });

  it('passes on the vendor refusal in both languages', async () => {
    const notConnected = await h.raw(channel, { meterNumber: TOKENS_ONLY });
    expect(notConnected).toMatchObject({ ok: false, error: { code: 'VENDOR_REFUSED', message: { en: expect.stringContaining('METER_NOT_CONNECTED') } } });
    if (!notConnected.ok) expect(notConnected.error.message.ar).toMatch(arabic);
    for (const kind of ['sts', 'acrel'] as const) {
      const r = await h.raw(channel, { meterNumber: await registerUnknown(kind) });
      expect(r, kind).toMatchObject({ ok: false, error: { code: 'METER_NOT_FOUND' } });
      if (!r.ok) expect(r.error.message.ar).toMatch(arabic);
    }
  });

  it('says plainly, in both languages, when the cloud cannot be reached', async () => {
    for (const [sim, meterNumber] of [['sts', STS], ['acrel', ACREL]] as const) {
      await offline(sim, async () => {
        const r = await h.raw(channel, { meterNumber });
        expect(r, sim).toMatchObject({ ok: false, error: { code: 'VENDOR_UNREACHABLE', message: { en: expect.stringContaining('cannot be reached') } } });
        if (!r.ok) expect(r.error.message.ar).toContain('تعذر الوصول');
      });
    }
  });
});

describe('set prepaid mode on an STS meter', () => {
  const prepaidPosts = () => h.sims.sts.requestLog().filter((r) => r.method === 'POST' && r.path.endsWith(`/${STS}/payment-mode/prepaid`) && r.outcome === 200).length;

  it('a mode change on the counter reaches the STS cloud: recorded, audited, through the outbox once', async () => {
    await h.call('meters.setPaymentMode', { meterNumber: STS, mode: 'postpaid' });
    await waitDone(h, STS, 'set_postpaid_mode');
    expect(await h.call('meters.cloudPaymentMode', { meterNumber: STS })).toMatchObject({ mode: 'postpaid' });

    const info = await h.call('meters.setPaymentMode', { meterNumber: STS, mode: 'prepaid' });
    expect(info.pendingCommands).toEqual(['set_prepaid_mode']);
    await waitDone(h, STS, 'set_prepaid_mode');
    expect(await h.call('meters.cloudPaymentMode', { meterNumber: STS })).toMatchObject({ mode: 'prepaid', creditLimitTenths: 0 });
    expect(count(`SELECT COUNT(*) AS n FROM outbox WHERE topic = 'metercmd.set_prepaid_mode'`)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'meter.command.requested' AND entity_id = ? AND details LIKE '%set_prepaid_mode%'`, STS)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'meter.command.done' AND entity_id = ? AND details LIKE '%set_prepaid_mode%'`, STS)).toBe(1);
    expect(prepaidPosts()).toBe(1);
  });

  it('sends the counter\'s mode again when the cloud holds another, once however often it is asked', async () => {
    h.sims.sts.meters.state(STS).mode = 'postpaid'; // changed at the vendor, behind the counter's back
    expect(await h.call('meters.cloudPaymentMode', { meterNumber: STS })).toMatchObject({ mode: 'postpaid' });
    // The same mode without asking for the cloud: nothing is sent (the counter already records it).
    expect((await h.call('meters.setPaymentMode', { meterNumber: STS, mode: 'prepaid' })).pendingCommands).toEqual([]);

    await offline('sts', async () => {
      const first = await h.call('meters.setPaymentMode', { meterNumber: STS, mode: 'prepaid', syncCloud: true });
      const again = await h.call('meters.setPaymentMode', { meterNumber: STS, mode: 'prepaid', syncCloud: true });
      expect(first.pendingCommands).toEqual(['set_prepaid_mode']);
      expect(again.pendingCommands).toEqual(['set_prepaid_mode']);
      h.app.worker.kick();
      await eventually(() => count(`SELECT COUNT(*) AS n FROM outbox WHERE topic = 'metercmd.set_prepaid_mode' AND attempts > 0`) === 1, 10_000, 'a first failed attempt');
      expect((await h.call('meters.commands', { meterNumber: STS, limit: 5 }))[0]).toMatchObject({ kind: 'set_prepaid_mode', status: 'pending' });
    });
    await waitDone(h, STS, 'set_prepaid_mode');
    expect(await h.call('meters.cloudPaymentMode', { meterNumber: STS })).toMatchObject({ mode: 'prepaid' });
    expect(count(`SELECT COUNT(*) AS n FROM outbox WHERE topic = 'metercmd.set_prepaid_mode'`)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'meter.command.requested' AND entity_id = ? AND details LIKE '%set_prepaid_mode%'`, STS)).toBe(1);
    const modes = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'meter.payment_mode' AND entity_id = ? ORDER BY id`).all(STS) as { details: string }[];
    expect(modes.map((m) => JSON.parse(m.details) as { syncCloud?: boolean }).filter((d) => d.syncCloud).length).toBe(2);
    expect(prepaidPosts()).toBe(1);
  });

  it('a refusal by the STS cloud fails the command with the vendor\'s reason, audited', async () => {
    await h.call('meters.setPaymentMode', { meterNumber: TOKENS_ONLY, mode: 'postpaid' });
    await eventually(async () => (await h.call('meters.commands', { meterNumber: TOKENS_ONLY, limit: 5 }))[0]?.status === 'failed', 10_000, 'the refusal');
    const [cmd] = await h.call('meters.commands', { meterNumber: TOKENS_ONLY, limit: 5 });
    expect(cmd).toMatchObject({ kind: 'set_postpaid_mode', status: 'failed', error: { code: 'METER_NOT_CONNECTED', message: { ar: expect.stringMatching(arabic) } } });
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'meter.command.failed' AND entity_id = ?`, TOKENS_ONLY)).toBe(1);
  });

  it('the input is checked and the channels are the supervisor\'s', async () => {
    expect(await h.raw('meters.setPaymentMode', { meterNumber: STS, mode: 'prepaid', syncCloud: 'yes' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await h.login('cashier', '1111');
    for (const channel of ['meters.cloudPaymentMode', 'meters.prepaidBalance', 'meters.setPaymentMode']) {
      expect(await h.raw(channel, { meterNumber: STS, mode: 'prepaid' }), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
