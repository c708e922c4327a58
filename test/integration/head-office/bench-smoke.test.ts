// `npm run bench:head-office` in small (3 counters x 50 sales, small batches, a third of the
// connections cut): the bench's own core against the service process on a real PostgreSQL, so
// the bench keeps working as the service changes, and its ledger check keeps passing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../bench/head-office/ledger-check';
import { buildPlans, DEFAULT_PARAMS, planSize, runPass, type BenchParams } from '../../bench/head-office/core';
import { startService, type ServiceUnderTest } from '../../bench/head-office/service';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
const params: BenchParams = { ...DEFAULT_PARAMS, counters: 3, salesPerCounter: 50, maxBatch: 10, resendShare: 0.3, twiceShare: 0.1, cutShare: 0.4, poolSize: 4 };
let service: ServiceUnderTest;
beforeAll(async () => {
  service = await startService(await postgres.freshDatabase(), { counters: params.counters, poolSize: params.poolSize });
}, 30_000);
afterAll(() => service?.stop());

describe('the head-office bench, in small', () => {
  it('finds the ledger exact after duplicate deliveries through a proxy that drops connections', async () => {
    const plans = buildPlans(params);
    const { records } = planSize(plans);
    const r = await runPass(service, plans, { cutShare: params.cutShare, seed: params.seed });
    expect(r.verdict.problems).toEqual([]);
    expect(r.verdict).toMatchObject({ exact: true, sales: 150 });
    // The proxy did cut, and every delivery it let through was counted, the lost answers' too.
    expect(r.proxy!.cutMidRequest + r.proxy!.cutBeforeAnswer).toBeGreaterThan(0);
    expect(r.push.unanswered).toBe(r.proxy!.cutMidRequest + r.proxy!.cutBeforeAnswer);
    expect(r.verdict.duplicatesAbsorbed).toBeGreaterThanOrEqual(records - 150);
  }, 30_000);

  it('tells a ledger that lost a sale or kept an older version from an exact one', async () => {
    await service.pool.query('TRUNCATE sales');
    const plans = buildPlans({ ...params, seed: 2 });
    expect((await runPass(service, plans, { cutShare: null, seed: 2 })).verdict.exact).toBe(true);
    const [lost, changed] = [plans[0]!.newest[0]!, plans[1]!.newest[0]!];
    await service.pool.query('DELETE FROM sales WHERE sale_id = $1', [lost.id]);
    await service.pool.query(`UPDATE sales SET record = jsonb_set(record, '{status}', '"paid"') WHERE sale_id = $1`, [changed.id]);
    const v = await checkLedger(service.pool, service.counters, plans, new Map());
    expect(v.exact).toBe(false);
    expect(v.problems).toEqual(expect.arrayContaining([
      expect.stringContaining(`missing: Bench counter 1 ${lost.id}`),
      expect.stringContaining(`not the newest version: ${changed.id}`),
      expect.stringContaining('totals: Bench counter 1'),
    ]));
  }, 30_000);
});
