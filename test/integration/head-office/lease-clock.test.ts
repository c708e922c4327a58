// A counter's clock going backwards must not re-open a lease: the expiry is judged by the
// counter's own clock, so a dead RTC battery or a date set back by hand would otherwise make an
// expired lease usable again while the head office has given the meter to another counter. The
// counter keeps a floor (the head office's time in its answers, the newest sale, its own clock as
// seen) and refuses leased local vending while its clock is behind it by more than a few minutes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_SKEW_MARGIN_MS } from '../../../main/vendors/head-office/lease-wire';
import { CLOCK_TOLERANCE_MS } from '../../../main/leases/service';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import type { CuttableLink } from '../../helpers/cuttable-link';
import { startHarness, type Harness, type RpcFailure } from '../../helpers/harness';
import type { TestHeadOffice } from '../../helpers/head-office';
import { startLeasingHeadOffice } from '../../helpers/leases';
import { usePostgres } from '../../helpers/postgres';
import type { NewCounter } from '../../../head-office/counters';

const postgres = usePostgres();
let ho: TestHeadOffice;
let link: CuttableLink;
const open: Harness[] = [];
beforeAll(async () => {
  ({ ho, link } = await startLeasingHeadOffice(await postgres.freshDatabase()));
});
afterAll(async () => {
  await link?.close();
  await ho?.close();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
  await link.restore().catch(() => undefined);
});

const meter = DEMO_STS_METERS[2]!.number;
const DAY = 86_400_000;

async function counter(c: NewCounter, clock: { skew: number }, dataDir?: string): Promise<Harness> {
  const h = await startHarness({
    dataDir, seed: dataDir === undefined,
    env: { HEAD_OFFICE_URL: link.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret, HEAD_OFFICE_RETRY_ATTEMPTS: '0', STS_API_RETRY_ATTEMPTS: '0' },
    settings: { vending: { mode: 'vendor', offlineLimitMinor: 1_000_000, saleDeadlineMs: 5_000 } },
    app: { now: () => new Date(Date.now() + clock.skew) },
  });
  open.push(h);
  await h.login();
  return h;
}

const sell = async (h: Harness) =>
  h.call('sales.sell', await h.confirmed({ meterNumber: meter, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));

/**
 * The clock's refusal, in both languages, with no token: at the sale (money handed back), or at
 * the quote when the sale could only be made here (a local token's TID ahead of the clock).
 */
async function refusedForClock(h: Harness): Promise<void> {
  const r = await sell(h).then((s) => ({ sale: s }), (e: unknown) => ({ quote: (e as RpcFailure).error }));
  const message = 'sale' in r ? r.sale.errorMessage : r.quote.message;
  if ('sale' in r) expect(r.sale).toMatchObject({ status: 'failed', token: null, tokenSource: null, errorCode: 'CLOCK_BEHIND' });
  else expect(r.quote.code).toBe('NO_VENDING_KEY');
  expect(message!.en).toContain('This counter\'s clock is behind the last time it saw');
  expect(message!.en).toContain('set the correct date and time');
  expect(message!.ar).toContain('ساعة هذه النقطة متأخرة');
  expect(message!.ar).toContain('اضبط التاريخ والوقت الصحيحين');
}

describe('a counter\'s clock set back under a lease', () => {
  it('an expired lease stays expired when the clock is set back; a clock a day behind vends nothing under a lease, a slightly slow one still does', async () => {
    const clock = { skew: 0 };
    const h = await counter(await ho.addCounter('Clock till'), clock);
    expect(await h.app.leases.ask([meter])).toMatchObject({ kind: 'answered', granted: [meter] });
    await link.cut();
    await h.sims.sts.setFaults({ offline: true });
    expect(await sell(h)).toMatchObject({ status: 'issued', tokenSource: 'local' });

    // A clock a little slow (within the tolerance) still vends.
    clock.skew = -CLOCK_TOLERANCE_MS + 30_000;
    expect(await sell(h)).toMatchObject({ status: 'issued', tokenSource: 'local' });

    // Set back a day (the date changed by hand): its tokens' TIDs are now ahead of its clock, so
    // the sale could only be made here — refused at the quote, before any money, saying why.
    clock.skew = -DAY;
    await refusedForClock(h);

    // Days later the lease runs out (its expiry less the margin); the upkeep sees the clock.
    const lease = h.app.leases.lease(meter)!;
    clock.skew = Date.parse(lease.expiresAt) - LEASE_SKEW_MARGIN_MS - Date.now() + 60_000;
    await h.app.leases.maintain();
    expect(await sell(h)).toMatchObject({ status: 'failed', errorCode: 'LEASE_EXPIRED' });
    // Then the clock goes back to when the lease was live (a dead RTC battery after a restart):
    // the lease is NOT usable again.
    const dataDir = h.dataDir;
    await h.close();
    open.splice(open.indexOf(h), 1);
    clock.skew = 0;
    const again = await counter(await ho.addCounter('unused'), clock, dataDir);
    await again.sims.sts.setFaults({ offline: true });
    await refusedForClock(again);
    expect((again.app.db.read.prepare(`SELECT COUNT(*) AS n FROM issued_tokens`).get() as { n: number }).n).toBe(2);
  }, 60_000);
});
