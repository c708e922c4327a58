/**
 * Time to drain 10,000 pending sales to the head-office simulator through the outbox worker,
 * next to a bare HTTP POST loop sending the same sales in the same batches (the head-office
 * handler's batch size) with the same signed client against the same server, as a ratio.
 * Both paths first run once on a few batches against a throwaway server, so that neither is
 * timed while the JIT is still compiling the client, the server and zod.
 * Run alone: npx tsx test/bench/drain.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { keyStoreFor } from '../../main/keys';
import { openDb } from '../../db/open';
import { counts, dueRows, enqueue } from '../../db/repos/outbox';
import { getSale, insertPaidSale, nextReceiptNo, setOutcome } from '../../db/repos/sales';
import { createOutboxWorker } from '../../main/outbox/worker';
import { headOfficeHandler } from '../../main/sales/deliveries';
import { quoteSale } from '../../main/sales/quote';
import { vendorConfigFromEnv } from '../../main/vendors/config';
import { createHeadOfficeClient, type HeadOfficeClient } from '../../main/vendors/head-office/client';
import type { Sale } from '../../preload/contract';
import { seedDemo } from '../../scripts/seed-demo';
import { DEMO_CREDENTIALS, DEMO_STS_METERS } from '../sim/demo-data';
import { startHeadOfficeSim } from '../sim/head-office';

export async function benchDrain(n = Number(process.env.BENCH_DRAIN_SALES ?? 10_000)): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-bench-drain-'));
  const db = openDb(path.join(dir, 'shahn.sqlite'));
  seedDemo(db.write);
  const now = () => new Date();
  const deps = { db, config: { counterName: 'Counter 1', currency: 'YER', currencyDecimals: 0, timeZone: 'Asia/Aden', vendorAcceptWindowMs: 0 }, now,
    keys: keyStoreFor(db.write), vending: { mode: 'vendor' as const, offlineLimitMinor: 1e12, saleDeadlineMs: 5_000 } };
  const { quote, meter } = quoteSale(deps, { meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1500, tenderedMinor: 1500 });
  const w = db.write;
  const ids: string[] = [];
  w.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const at = now().toISOString();
      insertPaidSale(w, { id, receiptNo: nextReceiptNo(w), userId: 1, meterId: meter.id, quote, paymentMethod: 'cash', at });
      setOutcome(w, id, { status: 'issued', token: '12345678901234567890', tokenSource: 'local', tid: null }, at);
      enqueue(w, { topic: 'headoffice.sale', key: id, saleId: id, payload: { saleId: id }, at });
      ids.push(id);
    }
  })();
  const sales: Sale[] = ids.map((id) => getSale(db.read, id)!);

  const c = DEMO_CREDENTIALS.headOffice;
  const cfg = (url: string) => vendorConfigFromEnv({ HEAD_OFFICE_URL: url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret }).headOffice!;
  const batch = headOfficeHandler({ db, config: { currencyDecimals: 0 } }, createHeadOfficeClient(cfg('http://127.0.0.1:1'))).batch;
  const bareLoop = async (client: HeadOfficeClient, list: Sale[]) => {
    for (let i = 0; i < list.length; i += batch) {
      const r = await client.pushSales(list.slice(i, i + batch));
      if (r.kind !== 'ok') throw new Error(`bare POST failed: ${JSON.stringify(r)}`);
    }
  };

  // Warm-up, not timed: the POST loop, and the handler reading and sending the first sales.
  const warm = await startHeadOfficeSim({ credentials: c });
  const warmClient = createHeadOfficeClient(cfg(warm.url));
  await bareLoop(warmClient, sales.slice(0, 2 * batch));
  const warmRows = dueRows(db.read, now().toISOString(), 2 * batch);
  await headOfficeHandler({ db, config: { currencyDecimals: 0 } }, warmClient).deliver(warmRows);
  await warm.close();

  // Bare loop: the same sales, in the worker's batches, one after the other.
  const ho1 = await startHeadOfficeSim({ credentials: c });
  const client1 = createHeadOfficeClient(cfg(ho1.url));
  const t0 = performance.now();
  await bareLoop(client1, sales);
  const bareMs = performance.now() - t0;
  await ho1.close();

  // The outbox worker against a fresh server (nothing already received).
  const ho2 = await startHeadOfficeSim({ credentials: c });
  const client2 = createHeadOfficeClient(cfg(ho2.url));
  const worker = createOutboxWorker({
    db, now, probe: async () => true, baseDelayMs: 50, maxDelayMs: 500, idleProbeMs: 60_000,
    handlers: { 'headoffice.sale': headOfficeHandler({ db, config: { currencyDecimals: 0 } }, client2) },
  });
  const t1 = performance.now();
  await worker.syncNow(10 * 60_000);
  const drainMs = performance.now() - t1;
  const left = counts(db.read).pending;
  await worker.stop();
  await ho2.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (left !== 0 || ho2.sales().length !== n) throw new Error(`drain incomplete: ${left} pending, ${ho2.sales().length} received`);
  console.log(`bare HTTP POST loop, ${n} sales in batches of ${batch}: ${(bareMs / 1000).toFixed(2)} s`);
  console.log(`outbox drain of ${n} pending sales:               ${(drainMs / 1000).toFixed(2)} s   ratio ${(drainMs / bareMs).toFixed(2)}x`);
}

if (require.main === module) void benchDrain();
