// Issue 12 item 5: every token issued for a meter takes a TID the meter has not seen, whoever made
// it. An engineering code the vendor makes is recorded in the meter's TIDs like a credit token, so a
// local credit token in the same minute takes a greater TID; and a vendor code whose TID a local
// token already holds is refused in words instead of handed to a technician the meter will refuse.
// Both clocks are pinned to one minute so "the same minute" is not left to chance.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { decodeToken, tidFromDate } from '../../../main/sts';

let h: Harness;
afterEach(async () => h?.close());

const METER = DEMO_STS_METERS[2]!.number; // tokens only: no DCU
// Five seconds into a minute, so a test that takes a few seconds stays in it.
const MINUTE = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5_000);
const started = Date.now();
const lastTid = () => (h.app.db.read.prepare('SELECT sts_last_tid AS t FROM meters WHERE number = ?').get(METER) as { t: number | null }).t;

async function start(mode: 'vendor' | 'local') {
  h = await startHarness({
    app: { now: () => new Date(MINUTE.getTime() + (Date.now() - started)) },
    settings: { vending: { mode, offlineLimitMinor: 1_000_000, saleDeadlineMs: 5_000 } },
    env: { STS_API_RETRY_ATTEMPTS: '0' },
  });
  h.sims.clock.freeze(MINUTE);
  await h.login('supervisor', '2222');
}

const engineering = (requestId = randomUUID()) =>
  h.raw('meters.maintenanceCode', { meterNumber: METER, requestId, purpose: 'maintenance', action: 'clear_tamper', validMinutes: 60 });
const sell = async () => h.call('sales.sell', await h.confirmed({ meterNumber: METER, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));

describe('engineering codes and the meter TID', () => {
  it('an engineering code raises the meter TID: a local credit token in the same minute takes a greater one, and the meter accepts both', async () => {
    await start('local');
    const r = await engineering();
    expect(r.ok).toBe(true);
    const code = (r as { ok: true; value: { tid: number; code: string } }).value;
    expect(code.tid).toBe(tidFromDate(MINUTE, 2014));
    expect(lastTid()).toBe(code.tid); // recorded with the audit row, in its transaction

    const sale = await sell();
    expect(sale.tokenSource).toBe('local');
    const tid = decodeToken(h.sims.sts.meters.decoderKey(METER), sale.token!).tid!;
    expect(tid).toBeGreaterThan(code.tid);
    expect(h.sims.sts.meters.enterToken(METER, code.code).accepted).toBe(true);
    expect(h.sims.sts.meters.enterToken(METER, sale.token!).accepted).toBe(true);
    // One ledger row per token, both on this meter.
    expect(h.app.db.read.prepare(`SELECT t.kind, t.source, t.tid FROM issued_tokens t JOIN meters m ON m.id = t.meter_id WHERE m.number = ? ORDER BY t.tid`).all(METER))
      .toEqual([{ kind: 'engineering', source: 'vendor', tid: code.tid }, { kind: 'credit', source: 'local', tid }]);
  });

  it('the same request asked again returns the same code and records it once', async () => {
    await start('vendor');
    const id = randomUUID();
    const a = await engineering(id);
    const b = await engineering(id);
    expect(a).toEqual(b);
    expect(h.app.db.read.prepare('SELECT COUNT(*) AS n FROM issued_tokens').get()).toEqual({ n: 1 });
  });

  it('a vendor code whose TID a local token already holds is refused in both languages; asking again gets a usable code', async () => {
    await start('local');
    const sale = await sell(); // local, TID = this minute
    const localTid = decodeToken(h.sims.sts.meters.decoderKey(METER), sale.token!).tid!;
    const clash = await engineering(); // the vendor knows nothing of local tokens: it picks this minute too
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!clash.ok) {
      expect(clash.error.message.en).toContain(String(localTid));
      expect(clash.error.message.ar).toMatch(/[\u0600-\u06FF]/);
    }
    expect(lastTid()).toBe(localTid);
    // A refused code is audited as refused (TID only), never as issued, so it cannot be printed either.
    const actions = (h.app.db.read.prepare(`SELECT action FROM audit_log WHERE entity_id = ? AND action LIKE 'meter.maintenance%' ORDER BY id`).all(METER) as { action: string }[]).map((x) => x.action);
    expect(actions).toEqual(['meter.maintenance_code_refused']);

    const again = await engineering();
    expect(again.ok).toBe(true);
    const code = (again as { ok: true; value: { tid: number; code: string } }).value;
    expect(code.tid).toBeGreaterThan(localTid);
    expect(h.sims.sts.meters.enterToken(METER, sale.token!).accepted).toBe(true);
    expect(h.sims.sts.meters.enterToken(METER, code.code).accepted).toBe(true);
  });
});
