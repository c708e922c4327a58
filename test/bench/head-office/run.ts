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
 * HO_BENCH_TWICE, HO_BENCH_CUT (shares, 0-1), HO_BENCH_POOL (service's connections), HO_BENCH_SEED.
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
  console.log(`head-office bench: ${describeParams(p)}`);
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

    // 2. The same plans again into the emptied ledger, straight to the service: the ingest figure.
    await service.pool.query('TRUNCATE sales');
    await service.pool.query('CHECKPOINT');
    const clean = await runPass(service, plans, { cutShare: null, seed: p.seed });
    if (!clean.verdict.exact || clean.push.unanswered > 0) {
      printProblems(`clean pass (${clean.push.unanswered} requests unanswered)`, clean);
      return 1;
    }

    // 3. The bare loop: the same batches, same database, same concurrency and pool size.
    await createBareTable(service.pool);
    await bareUpsertLoop(service.pool, service.counters.map((c) => c.id), plans.map((x) => ({ ...x, batches: x.batches.slice(0, 2) })));
    await service.pool.query('TRUNCATE bare_sales');
    await service.pool.query('CHECKPOINT');
    const bareMs = await bareUpsertLoop(service.pool, service.counters.map((c) => c.id), plans);
    const bareRows = Number((await service.pool.query<{ n: string }>('SELECT count(*) AS n FROM bare_sales')).rows[0]!.n);
    if (bareRows !== distinct) {
      console.log(`head-office: the bare loop left ${bareRows} rows, expected ${distinct}`);
      return 1;
    }

    const serviceRate = rate(size.records, clean.ms);
    const bareRate = rate(size.records, bareMs);
    console.log(`  clean pass (no proxy): ${size.records} sale records in ${size.batches} signed POSTs from ${p.counters} counters at once, ${s(clean.ms)}, ledger exact again`);
    console.log(`  bare loop: the same batches as ${size.batches} multi-row INSERT ... ON CONFLICT statements, ${p.counters} at once over ${p.poolSize} connections, ${s(bareMs)}, ${bareRate} sale records/s`);
    console.log(`head-office: ingest ${serviceRate} sales/s, ratio ${(bareMs / clean.ms).toFixed(2)} to a bare multi-row INSERT ... ON CONFLICT loop`);
    console.log('  (ingest measured on the clean pass, without the dropped-connection proxy; target ratio ≥ 0.5)');
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
