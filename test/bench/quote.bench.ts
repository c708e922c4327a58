/**
 * Quote latency: the pure price computation and a full `sales.quote` through the core (meter
 * lookup, schedule, active period, price) on a real SQLite file. Target: p99 under 1 ms.
 * Run alone: npx tsx test/bench/quote.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { priceSale } from '../../main/tariffs/pricing/quote';
import { keyStoreFor } from '../../main/keys';
import { openDb } from '../../db/open';
import { quoteSale } from '../../main/sales/quote';
import { seedDemo } from '../../scripts/seed-demo';
import { DEMO_STS_METERS } from '../sim/demo-data';

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.99)]!;
}

function time(n: number, body: (i: number) => void): number[] {
  for (let i = 0; i < 1000; i++) body(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    body(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchQuote(): Promise<void> {
  const pure = time(20_000, (i) => {
    priceSale({ product: 'sts_kwh', amountMinor: 100 + i, pricePerKwh: '300.5', vatPercent: '5', feeMinor: 0, minPurchaseMinor: 1, maxPurchaseMinor: 1e9 });
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-bench-'));
  const db = openDb(path.join(dir, 'bench.sqlite'));
  seedDemo(db.write);
  const deps = { db, config: { counterName: 'Counter 1', currency: 'YER', currencyDecimals: 0, timeZone: 'Asia/Aden', vendorAcceptWindowMs: 0 }, now: () => new Date(),
    keys: keyStoreFor(db.write), vending: { mode: 'vendor' as const, offlineLimitMinor: 1e12, saleDeadlineMs: 5_000 } };
  const meter = DEMO_STS_METERS[0]!.number;
  const full = time(5_000, (i) => void quoteSale(deps, { meterNumber: meter, amountMinor: 1000 + i }));
  const units = time(5_000, (i) => void quoteSale(deps, { meterNumber: meter, energyTenths: 10 + i }));
  db.close();
  console.log(`quote (pure price):            p99 ${p99(pure).toFixed(3)} ms   (target < 1 ms)`);
  console.log(`quote (sales.quote with SQLite): p99 ${p99(full).toFixed(3)} ms   (target < 1 ms)`);
  console.log(`quote (by units, with SQLite):  p99 ${p99(units).toFixed(3)} ms   (target < 1 ms)`);
}

if (require.main === module) void benchQuote();
