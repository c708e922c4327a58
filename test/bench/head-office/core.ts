// The bench's core, shared by `npm run bench:head-office` (run.ts) and its smoke test: the
// parameters, every counter's sales and delivery plan, and one pass of all counters pushing their
// plans at the service (through the connection-cutting proxy, or straight), checked against the
// ledger.
import { performance } from 'node:perf_hooks';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy';
import { checkLedger, type LedgerVerdict } from './ledger-check';
import { planDeliveries, type CounterPlan } from './plan';
import { pushPlans, type PushReport } from './push';
import { counterSales, prng } from './sales';
import type { ServiceUnderTest } from './service';

export interface BenchParams {
  counters: number;
  salesPerCounter: number;
  maxBatch: number;
  resendShare: number;
  twiceShare: number;
  /** Share of connections the proxy cuts (half mid-request, half before the answer). */
  cutShare: number;
  poolSize: number;
  seed: number;
}

export const DEFAULT_PARAMS: BenchParams = {
  counters: 50, salesPerCounter: 2_000, maxBatch: 500, resendShare: 0.1, twiceShare: 0.05, cutShare: 0.1, poolSize: 20, seed: 1,
};

const ENV: Record<keyof BenchParams, string> = {
  counters: 'HO_BENCH_COUNTERS', salesPerCounter: 'HO_BENCH_SALES', maxBatch: 'HO_BENCH_BATCH', resendShare: 'HO_BENCH_RESEND',
  twiceShare: 'HO_BENCH_TWICE', cutShare: 'HO_BENCH_CUT', poolSize: 'HO_BENCH_POOL', seed: 'HO_BENCH_SEED',
};
const LIMITS: Record<keyof BenchParams, [min: number, max: number, whole: boolean]> = {
  counters: [1, 500, true], salesPerCounter: [1, 1_000_000, true], maxBatch: [1, 500, true], resendShare: [0, 1, false],
  twiceShare: [0, 1, false], cutShare: [0, 0.9, false], poolSize: [1, 190, true], seed: [0, 2 ** 31, true],
};

/** The defaults, with any HO_BENCH_* variable given; throws naming a bad one. */
export function paramsFromEnv(env: NodeJS.ProcessEnv): BenchParams {
  const p = { ...DEFAULT_PARAMS };
  for (const key of Object.keys(ENV) as (keyof BenchParams)[]) {
    const raw = env[ENV[key]]?.trim();
    if (!raw) continue;
    const [min, max, whole] = LIMITS[key];
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
      throw new Error(`${ENV[key]} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
    p[key] = n;
  }
  return p;
}

export const describeParams = (p: BenchParams) =>
  `${p.counters} counters x ${p.salesPerCounter} sales, batches of up to ${p.maxBatch}, ${p.resendShare * 100}% of batches sent twice, ` +
  `${p.twiceShare * 100}% of sales in two batches, ${p.cutShare * 100}% of connections cut, service pool ${p.poolSize}, seed ${p.seed}`;

export function buildPlans(p: BenchParams): CounterPlan[] {
  const rnd = prng(p.seed);
  return Array.from({ length: p.counters }, (_, i) =>
    planDeliveries(counterSales(i + 1, p.salesPerCounter, p.seed), { maxBatch: p.maxBatch, resendShare: p.resendShare, twiceShare: p.twiceShare }, rnd));
}

export interface PassResult {
  ms: number;
  push: PushReport;
  verdict: LedgerVerdict;
  proxy: ReturnType<CuttingProxy['stats']> | null;
}

/** Every counter pushes its plan at once (through the cutting proxy when `cutShare` is given); then the ledger is checked. */
export async function runPass(service: ServiceUnderTest, plans: readonly CounterPlan[], o: { cutShare: number | null; seed: number }): Promise<PassResult> {
  const proxy = o.cutShare === null ? null : await startCuttingProxy(service.url, o.cutShare, prng(o.seed + 1));
  try {
    const t0 = performance.now();
    const push = await pushPlans(proxy?.url ?? service.url, service.counters, plans);
    const ms = performance.now() - t0;
    const verdict = await checkLedger(service.pool, service.counters, plans, push.mayHaveArrived);
    if (push.failures.length > 0) verdict.problems.unshift(...push.failures.slice(0, 5).map((f) => `push: ${f}`));
    verdict.exact &&= push.failures.length === 0;
    return { ms, push, verdict, proxy: proxy?.stats() ?? null };
  } finally {
    await proxy?.close();
  }
}

/** Sale records (every delivery, duplicates included) and requests of the plans. */
export const planSize = (plans: readonly CounterPlan[]) => ({
  records: plans.reduce((n, p) => n + p.batches.reduce((m, b) => m + b.length, 0), 0),
  batches: plans.reduce((n, p) => n + p.batches.length, 0),
});
