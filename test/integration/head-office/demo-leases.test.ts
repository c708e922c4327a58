// `npm run demo -- --head-office` shows offline sales under meter leases: its head office loads
// the demo supply group's key at start, so a whole counter configured as the demo configures it
// (its environment, its master data from the head office) takes a meter's lease after selling it
// online, and with the STS vendor unreachable makes that meter's token itself under the lease.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHeadOffice, type DemoHeadOffice } from '../../../scripts/demo-head-office';
import { seedDemo } from '../../../scripts/seed-demo';
import { decodeToken } from '../../../main/sts';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';

let ho: DemoHeadOffice;
let h: Harness;
beforeAll(async () => {
  ho = await startDemoHeadOffice();
  h = await startHarness({
    seed: false,
    env: { ...ho.env, HEAD_OFFICE_RETRY_ATTEMPTS: '0', STS_API_RETRY_ATTEMPTS: '0' },
    settings: { vending: { mode: 'vendor', offlineLimitMinor: 1_000_000, saleDeadlineMs: 5_000 } },
  });
  // As scripts/demo-folder.ts seeds the demo counter: users here, the rest from the head office.
  seedDemo(h.app.db.write, undefined, { masterData: false });
  await h.app.masterData.syncNow();
}, 120_000);
afterAll(async () => {
  await h?.close();
  await ho?.close();
});

describe('the demo with --head-office', () => {
  it('holds the demo vending key, leases a meter sold online, and the counter vends it offline under the lease', async () => {
    expect(ho.vendingKey).toEqual({ sgc: '123456', krn: 1, kcv: 'C33F45' });
    expect(h.app.leases.enrolled()).toBe(true);
    await h.login();
    const meter = DEMO_STS_METERS[0]!.number;
    const sell = async () => h.call('sales.sell', await h.confirmed({ meterNumber: meter, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));
    expect(await sell()).toMatchObject({ status: 'issued', tokenSource: 'vendor' });
    await eventually(() => h.app.leases.lease(meter)?.state === 'held', 15_000, 'the lease taken after the online sale');

    await h.sims.sts.setFaults({ offline: true });
    const offline = await sell();
    expect(offline).toMatchObject({ status: 'issued', tokenSource: 'local' });
    expect(decodeToken(h.sims.sts.meters.decoderKey(meter), offline.token!)).toMatchObject({ class: 0, crcOk: true });
    expect(h.sims.sts.meters.enterToken(meter, offline.token!).accepted).toBe(true);
  }, 60_000);
});
