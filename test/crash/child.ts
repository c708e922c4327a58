// The core in a child process, for the crash test: opens the app on CRASH_DATA_DIR (seeding it
// the first time), reports READY with the count of sales left in `paid` after start-up
// reconciliation, then sells CRASH_SALES sales. With CRASH_STEP/CRASH_AT it SIGKILLs itself at
// the CRASH_AT-th crossing of that step boundary. CRASH_PHASE=settle sells nothing and exits once
// every sale is final and the outbox is empty. Protocol on stdout (pipes are synchronous on Linux).
import { createApp } from '../../main/app/create-app';
import { configFromEnv } from '../../main/app/config';
import type { SaleStep } from '../../main/sales/ports';
import { seedDemo } from '../../scripts/seed-demo';
import { FLEET_ACREL, FLEET_STS, FLEET_STS_MIXED, rng, seedFleet } from './fleet';
import { quoteWith, withConfirmation } from '../helpers/confirm';

const env = process.env;
const say = (line: string) => process.stdout.write(`${line}\n`);
const step = env.CRASH_STEP as SaleStep | undefined;
let crossings = Number(env.CRASH_AT ?? 0);

const config = configFromEnv(env, {
  vendorTimestampToleranceMs: 2_000,
  vendorAcceptWindowMs: 2_500,
  printer: { iface: env.CRASH_PRINTER ?? null, widthMm: 80, profile: 'epson', language: 'en', timeoutMs: 2_000 },
  outbox: { baseDelayMs: 50, maxDelayMs: 400, idleProbeMs: 150 },
  vending: { mode: 'vendor', offlineLimitMinor: 1_000_000_000, saleDeadlineMs: 1_500 },
  backup: { dir: null, intervalMinutes: 0, keep: 1 },
});
const app = createApp(config, {
  onSaleStep: (s: SaleStep, saleId: string) => {
    if (s === 'paid') say(`PAID ${saleId}`);
    if (s === step && --crossings === 0) process.kill(process.pid, 'SIGKILL');
  },
});

async function main() {
  if ((app.db.read.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0) {
    seedDemo(app.db.write);
    seedFleet(app.db.write);
  }
  const paid = (app.db.read.prepare(`SELECT COUNT(*) AS n FROM sales WHERE status = 'paid'`).get() as { n: number }).n;
  say(`READY paid=${paid}`);
  const login = await app.call('auth.login', { username: 'cashier', pin: '1111' });
  if (!login.ok) throw new Error(login.error.message.en);
  const token = (login.value as { token: string }).token;

  if (env.CRASH_PHASE === 'settle') return settle();
  const random = rng(Number(env.CRASH_SEED ?? 1));
  const stsPool = env.CRASH_PHASE === 'sts-offline' ? FLEET_STS_MIXED : FLEET_STS;
  const n = Number(env.CRASH_SALES ?? 50);
  for (let i = 0; i < n; i++) {
    const sts = random() < 0.6;
    const pool = sts ? stsPool : FLEET_ACREL;
    const meter = pool[Math.floor(random() * pool.length)]!.number;
    const amount = 1_000 + Math.floor(random() * 40) * 100;
    // As the sell screen does: quote, then sell with that quote's confirmation (issue 12).
    const quote = quoteWith((c, i) => app.call(c, i, token));
    const input = await withConfirmation(quote, { meterNumber: meter, amountMinor: amount, tenderedMinor: amount, paymentMethod: 'cash' }).catch((e: Error) => say(`REFUSED ${e.message}`));
    if (!input) continue;
    const r = await app.call('sales.sell', input, token);
    if (!r.ok) say(`REFUSED ${r.error.code} ${r.error.message.en}`);
  }
  say('DONE');
  await app.close();
}

async function settle() {
  const open = () => (app.db.read.prepare(
    `SELECT (SELECT COUNT(*) FROM sales WHERE status IN ('paid', 'pending', 'unknown')) + (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS n`,
  ).get() as { n: number }).n;
  const until = Date.now() + Number(env.CRASH_SETTLE_MS ?? 60_000);
  while (open() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  say(open() === 0 ? 'SETTLED' : `UNSETTLED ${open()}`);
  await app.close();
}

main().catch((e: unknown) => {
  say(`ERROR ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
