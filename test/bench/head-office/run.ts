/**
 * `npm run bench:head-office`: many counters pushing into one head office on PostgreSQL.
 *
 * A throwaway PostgreSQL (head-office/db/local-postgres.ts) and the real service in its own
 * process (service.ts says why); 50 registered counters, each with its own counter-side client,
 * push 2,000 sales each at once in the protocol's batches, with duplicate deliveries (plan.ts)
 * through a proxy that cuts a share of the connections mid-request or before the answer
 * (cutting-proxy.ts), retrying as the outbox does (push.ts). Then the ledger is checked against
 * what the counters sent (ledger-check.ts), and only an exact ledger prints "ledger exact".
 *
 * Ingest is measured on a second, clean pass without the proxy (the same plans into the emptied
 * ledger), against the bare multi-row INSERT ... ON CONFLICT loop of bare-upsert.ts on the same
 * database at the same concurrency, in the same run. Target: ratio ≥ 0.5.
 *
 * HO_BENCH_COUNTERS, HO_BENCH_SALES (per counter), HO_BENCH_BATCH (largest batch), HO_BENCH_RESEND,
 * HO_BENCH_TWICE, HO_BENCH_CUT (shares, 0-1), HO_BENCH_POOL (service's connections), HO_BENCH_SEED,
 * HO_BENCH_RUNS (timed runs of the clean pass and the bare loop, in turns; the median is printed).
 * Quick look: HO_BENCH_COUNTERS=5 HO_BENCH_SALES=200 npm run bench:head-office
 */
import { performance } from 'node:perf_hooks';
import { startLocalPostgres, type LocalPostgres } from '../../../head-office/db/local-postgres';
import { bareUpsertLoop, createBareTable } from './bare-upsert';
import { buildPlans, describeParams, paramsFromEnv, planSize, runPass, type BenchParams, type PassResult } from './core';
import { startService, type ServiceUnderTest } from './service';

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

function printProblems(what: string, r: PassResult): void {
  console.log(`head-office: ledger NOT exact after the ${what}: ${r.verdict.sales} sales in the ledger`);
  for (const p of r.verdict.problems) console.log(`  ${p}`);
}

async function main(): Promise<number> {
  const started = performance.now();
  let p: BenchParams;
  try {
    p = paramsFromEnv(process.env);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const runs = Number(process.env.HO_BENCH_RUNS ?? 1);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
    console.error('HO_BENCH_RUNS must be a whole number from 1 to 20');
    return 2;
  }
  console.log(`head-office bench: ${describeParams(p)}, ${runs} timed run${runs > 1 ? 's' : ''}`);
  const t0 = performance.now();
  const plans = buildPlans(p);
  const size = planSize(plans);
  const distinct = p.counters * p.salesPerCounter;
  console.log(`  plans: ${distinct} sales, ${size.records} sale records in ${size.batches} requests (${size.records - distinct} duplicate deliveries planned), made in ${s(performance.now() - t0)}`);

  let pg: LocalPostgres | null = null;
  let service: ServiceUnderTest | null = null;
  try {
    pg = await startLocalPostgres({ database: 'head_office_bench' });
    service = await startService(pg.url, { counters: p.counters, poolSize: p.poolSize });
    console.log('  service: head-office/main.ts in a child process, on a throwaway PostgreSQL');

    // 1. With duplicates and dropped connections: the ledger must come out exact.
    const cut = await runPass(service, plans, { cutShare: p.cutShare, seed: p.seed });
    const px = cut.proxy!;
    console.log(`  pass with dropped connections: ${cut.push.requests} requests, ${px.cutMidRequest} cut mid-request and ${px.cutBeforeAnswer} before the answer, ${cut.push.unanswered} retried, ${s(cut.ms)}`);
    if (!cut.verdict.exact) {
      printProblems('pass with dropped connections', cut);
      return 1;
    }
    console.log(`head-office: ledger exact: ${cut.verdict.sales} sales from ${p.counters} counters, ${cut.verdict.duplicatesAbsorbed} duplicate deliveries absorbed`);

    // 2 and 3, HO_BENCH_RUNS times, in turns (odd runs measure the bare loop first, so neither
    // side always runs on the warmer or the busier database):
    //  - the clean pass: the same plans again into the emptied ledger, straight to the service;
    //  - the bare loop: the same batches, same database, same concurrency and pool size.
    const ids = service.counters.map((c) => c.id);
    await createBareTable(service.pool);
    await bareUpsertLoop(service.pool, ids, plans.map((x) => ({ ...x, batches: x.batches.slice(0, 2) }))); // warm-up, not timed
    const ratios: { serviceMs: number; bareMs: number }[] = [];
    for (let run = 0; run < runs; run++) {
      let serviceMs = 0;
      let bareMs = 0;
      for (const side of run % 2 === 0 ? ['service', 'bare'] : ['bare', 'service']) {
        await service.pool.query(side === 'service' ? 'TRUNCATE sales' : 'TRUNCATE bare_sales');
        await service.pool.query('CHECKPOINT');
        if (side === 'service') {
          const clean = await runPass(service, plans, { cutShare: null, seed: p.seed });
          if (!clean.verdict.exact || clean.push.unanswered > 0) {
            printProblems(`clean pass (${clean.push.unanswered} requests unanswered)`, clean);
            return 1;
          }
          serviceMs = clean.ms;
        } else {
          bareMs = await bareUpsertLoop(service.pool, ids, plans);
          const bareRows = Number((await service.pool.query<{ n: string }>('SELECT count(*) AS n FROM bare_sales')).rows[0]!.n);
          if (bareRows !== distinct) {
            console.log(`head-office: the bare loop left ${bareRows} rows, expected ${distinct}`);
            return 1;
          }
        }
      }
      ratios.push({ serviceMs, bareMs });
      console.log(`  run ${run + 1}: clean pass (no proxy) ${size.records} sale records in ${size.batches} signed POSTs from ${p.counters} counters at once, ${s(serviceMs)}, ledger exact again; ` +
        `bare loop, the same batches as ${size.batches} multi-row INSERT ... ON CONFLICT statements ${p.counters} at once over ${p.poolSize} connections, ${s(bareMs)}; ratio ${(bareMs / serviceMs).toFixed(2)}`);
    }
    const median = [...ratios].sort((a, b) => a.bareMs / a.serviceMs - b.bareMs / b.serviceMs)[Math.floor((ratios.length - 1) / 2)]!;
    console.log(`head-office: ingest ${rate(size.records, median.serviceMs)} sales/s, ratio ${(median.bareMs / median.serviceMs).toFixed(2)} to a bare multi-row INSERT ... ON CONFLICT loop`);
    console.log(`  (measured on the clean pass, without the dropped-connection proxy${runs > 1 ? `; the median run of ${runs}` : ''}; bare loop ${rate(size.records, median.bareMs)} sale records/s; target ratio ≥ 0.5)`);
    console.log(`  run time ${s(performance.now() - started)}`);
    return 0;
  } finally {
    await service?.stop().catch((err: unknown) => console.error(`stopping the service: ${(err as Error).message}`));
    await pg?.stop();
  }
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
