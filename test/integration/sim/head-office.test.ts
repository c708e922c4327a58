// The head-office client against the head-office simulator: upsert by sale id, receipts counted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sale } from '../../../preload/contract';
import { startSimulators, type Simulators } from '../../sim';
import { headOfficeClient } from './clients';
import { sale } from '../head-office/sales-fixture';

let sim: Simulators;
beforeAll(async () => {
  sim = await startSimulators();
});
afterAll(() => sim.close());


describe('head-office client', () => {
  it('pings', async () => {
    expect((await headOfficeClient(sim).ping()).kind).toBe('ok');
  });

  it('upserts sales by id and counts every receipt', async () => {
    const c = headOfficeClient(sim);
    const a = sale();
    const b = sale({ receiptNo: 2 });
    expect(await c.pushSales([a, b])).toEqual({ kind: 'ok', value: { accepted: [a.id, b.id], rejected: [] } });
    expect(await c.pushSales([a])).toEqual({ kind: 'ok', value: { accepted: [a.id], rejected: [] } });
    expect(sim.headOffice.receivedCount(a.id)).toBe(2);
    expect(sim.headOffice.receivedCount(b.id)).toBe(1);
    expect(sim.headOffice.receivedCount(randomUUID())).toBe(0);
  });

  it('keeps the newest version when an older one arrives late', async () => {
    const c = headOfficeClient(sim);
    const pending = sale({ status: 'pending', token: null, vendorRef: null });
    const issued = { ...pending, status: 'issued' as const, token: '11112222333344445555', updatedAt: '2026-03-01T10:05:00.000Z' };
    await c.pushSales([issued]);
    await c.pushSales([pending]);
    expect(sim.headOffice.sale(pending.id)?.sale.status).toBe('issued');
    expect(sim.headOffice.receivedCount(pending.id)).toBe(2);
  });

  it('rejects an invalid record but accepts the rest of the batch', async () => {
    const good = sale();
    const bad = { ...sale(), amountMinor: 10.5 } as Sale;
    const o = await headOfficeClient(sim).pushSales([good, bad]);
    expect(o.kind).toBe('ok');
    if (o.kind !== 'ok') return;
    expect(o.value.accepted).toEqual([good.id]);
    expect(o.value.rejected).toMatchObject([{ id: bad.id, error: { code: 'INVALID_SALE' } }]);
    expect(sim.headOffice.receivedCount(bad.id)).toBe(0);
  });

  it('is retried on a 503 because sales are upserted by id', async () => {
    await sim.headOffice.setFaults({ failNext: { status: 503 } });
    const s = sale();
    expect((await headOfficeClient(sim, { retryAttempts: 1 }).pushSales([s])).kind).toBe('ok');
    expect(sim.headOffice.receivedCount(s.id)).toBe(1);
  });

  it('refuses a bad signature', async () => {
    expect(await headOfficeClient(sim, { apiSecret: 'nope' }).pushSales([sale()])).toMatchObject({ kind: 'refused', code: 'BAD_SIGNATURE' });
  });
});
