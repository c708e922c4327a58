// Time to turn a stored sale into printer bytes: build the receipt, lay it out, draw the Arabic,
// encode ESC/POS — for the heaviest common case, an 80 mm bilingual STS receipt. The cashier waits
// on this after every sale, so the target is p99 < 100 ms. Run alone:
//   npx tsx test/bench/receipt.bench.ts
import { buildReceipt, renderEscPos } from '../../main/printing';
import { context, stsSale } from '../helpers/escpos-fixtures';

export interface BenchResult {
  name: string;
  iterations: number;
  p50Ms: number;
  p99Ms: number;
  targetMs: number;
}

export async function benchReceipt(iterations = 200): Promise<BenchResult> {
  const ctx = context('both');
  const once = async (i: number): Promise<void> => {
    // A different receipt number each time so no cache can flatter the figure.
    const sale = { ...stsSale, receiptNo: stsSale.receiptNo + i };
    await renderEscPos(buildReceipt(sale, ctx, { copy: false }), { widthMm: 80, profile: 'epson' });
  };
  for (let i = 0; i < 10; i++) await once(i); // warm-up: font loading, JIT
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await once(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pick = (q: number): number => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  const result = { name: 'receipt 80mm bilingual build+encode', iterations, p50Ms: pick(0.5), p99Ms: pick(0.99), targetMs: 100 };
  console.log(`${result.name}: p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms (target < ${result.targetMs} ms, n=${iterations})`);
  return result;
}

if (require.main === module) {
  benchReceipt().then(
    (r) => {
      process.exitCode = r.p99Ms < r.targetMs ? 0 : 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
