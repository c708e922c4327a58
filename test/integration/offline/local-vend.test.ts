// Local STS vending: when the vendor is unreachable the token is made on the counter, loads on
// the (simulated) meter, carries strictly increasing TIDs across restarts, is capped by the
// offline credit limit and is reported to the head office as a local token.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { decodeToken } from '../../../main/sts';

let h: Harness;
afterEach(async () => h?.close());
const meter = DEMO_STS_METERS[2]!.number; // tokens only: no DCU
const vending = (o: Partial<{ mode: 'vendor' | 'local'; offlineLimitMinor: number; saleDeadlineMs: number }> = {}) => ({
  vending: { mode: 'vendor' as const, offlineLimitMinor: 1_000_000, saleDeadlineMs: 5_000, ...o },
});
const sell = async (amountMinor = 1500, m = meter) => h.call('sales.sell', await h.confirmed({ meterNumber: m, amountMinor, tenderedMinor: amountMinor, paymentMethod: 'cash' }));

describe('local STS vending', () => {
  it('vendor offline: the sale is issued with a local token the meter accepts, and reported as local', async () => {
    h = await startHarness({ settings: vending(), env: { STS_API_RETRY_ATTEMPTS: '1' } });
    await h.login();
    await h.sims.sts.setFaults({ offline: true });
    const sale = await sell();
    expect(sale.status).toBe('issued');
    expect(sale.tokenSource).toBe('local');
    expect(sale.token).toMatch(/^\d{20}$/);
    expect(h.sims.sts.chargesByKey.size).toBe(0);
    const d = decodeToken(h.sims.sts.meters.decoderKey(meter), sale.token!);
    expect(d.crcOk).toBe(true);
    expect(d.amountTenths).toBeGreaterThanOrEqual(sale.energyTenths!);
    const entry = h.sims.sts.meters.enterToken(meter, sale.token!);
    expect(entry.accepted).toBe(true);
    // The TID is recorded on the sale and on the meter, in the same transaction.
    const row = h.app.db.read.prepare('SELECT s.sts_tid AS tid, m.sts_last_tid AS last FROM sales s JOIN meters m ON m.id = s.meter_id WHERE s.id = ?').get(sale.id) as { tid: number; last: number };
    expect(row.tid).toBe(d.tid);
    expect(row.last).toBe(d.tid);
    await eventually(() => h.sims.headOffice.receivedCount(sale.id) === 1, 10_000, 'the local sale to be synced');
    expect(h.sims.headOffice.sale(sale.id)?.sale.tokenSource).toBe('local');
    expect(h.sims.headOffice.sale(sale.id)?.sale.token).toBe(sale.token);
  });

  it('TIDs strictly increase per meter across restarts, and every token loads on the meter', async () => {
    h = await startHarness({ settings: vending({ mode: 'local' }) });
    await h.login();
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) tokens.push((await sell(1000 + i * 100)).token!);
    const dataDir = h.dataDir;
    const meters = h.sims.sts.meters;
    await h.close();
    h = await startHarness({ dataDir, seed: false, settings: vending({ mode: 'local' }) });
    await h.login();
    for (let i = 0; i < 3; i++) tokens.push((await sell(1000 + i * 100)).token!);
    const tids = tokens.map((t) => decodeToken(meters.decoderKey(meter), t).tid!);
    for (let i = 1; i < tids.length; i++) expect(tids[i]).toBeGreaterThan(tids[i - 1]!);
    for (const t of tokens) expect(meters.enterToken(meter, t).accepted).toBe(true);
  });

  it('right after a local token, the vendor is not asked for that meter until the clock passes its TID', async () => {
    h = await startHarness({ settings: vending(), env: { STS_API_RETRY_ATTEMPTS: '0' } });
    await h.login();
    await h.sims.sts.setFaults({ offline: true });
    const first = await sell();
    await h.sims.sts.setFaults({});
    const second = await sell();
    expect(first.tokenSource).toBe('local');
    expect(second.tokenSource).toBe('local'); // the vendor would pick a TID from the clock: a collision
    for (const s of [first, second]) expect(h.sims.sts.meters.enterToken(meter, s.token!).accepted).toBe(true);
  });

  it('the offline credit limit refuses beyond the cap with a bilingual message, and frees up after sync', async () => {
    h = await startHarness({ settings: { ...vending({ mode: 'local', offlineLimitMinor: 2_500 }), outbox: { baseDelayMs: 50, maxDelayMs: 200, idleProbeMs: 100 } } });
    await h.login();
    await h.sims.headOffice.setFaults({ offline: true });
    await h.app.worker.syncNow(500);
    const ok = await sell(1500);
    expect(ok.status).toBe('issued');
    const refused = await sell(1500);
    expect(refused.status).toBe('failed');
    expect(refused.token).toBeNull();
    expect(refused.errorCode).toBe('OFFLINE_LIMIT');
    expect(refused.errorMessage?.en).toMatch(/offline sales limit/);
    expect(refused.errorMessage?.ar).toMatch(/حد البيع/);
    // Back online: the local sale is reported, the credit in use drops, selling works again.
    await h.sims.headOffice.setFaults({});
    await eventually(() => h.sims.headOffice.receivedCount(ok.id) === 1, 10_000, 'the local sale to be reported');
    // The head office counts the sale when it arrives; the counter frees the credit when the
    // answer comes back, a moment later.
    const acknowledged = () => (h.app.db.read.prepare(`SELECT status FROM outbox WHERE topic = 'headoffice.sale' AND sale_id = ?`).get(ok.id) as { status: string } | undefined)?.status === 'done';
    await eventually(acknowledged, 10_000, 'the counter to record the head office\'s answer');
    expect((await sell(1500)).status).toBe('issued');
  });

  it('a meter whose vending key this counter does not hold fails clearly when the vendor is unreachable', async () => {
    h = await startHarness({ settings: vending(), env: { STS_API_RETRY_ATTEMPTS: '0' } });
    await h.login();
    // The meters move to a supply group whose key was never loaded here (keys are never deleted).
    h.app.db.write.prepare(`UPDATE meters SET sts_sgc = '654321' WHERE kind = 'sts'`).run();
    await h.sims.sts.setFaults({ offline: true });
    const sale = await sell();
    expect(sale.status).toBe('failed');
    expect(sale.errorCode).toBe('NO_VENDING_KEY');
    expect(sale.errorMessage?.ar).toBeTruthy();
  });

  it('the vending key is sealed at rest: not in the database in plain text, master key file owner-only', async () => {
    h = await startHarness({ settings: vending() });
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = fs.readFileSync(path.join(h.dataDir, 'shahn.sqlite'));
    expect(file.includes(Buffer.from('abababababababab'))).toBe(false);
    const row = h.app.db.read.prepare('SELECT sealed FROM vending_keys').get() as { sealed: string };
    expect(row.sealed).not.toMatch(/abab/);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(h.dataDir, 'keys', 'master.key')).mode & 0o777).toBe(0o600);
    }
    expect((await h.raw('vending.key', {})).ok).toBe(false);
  });
});

