// The network test: many vends (NETWORK_VENDS, default 1,000; the full proof is 10,000) from four
// concurrent lanes against simulators that drop answers after acting, answer 5xx, answer garbage,
// go slower than the client's timeout, or go away for a while. At the end the local ledger equals
// the simulators' records sale for sale (test/crash/ledger.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app/create-app';
import { configFromEnv } from '../../../main/app/config';
import { seedDemo } from '../../../scripts/seed-demo';
import { startAcrelSim, type AcrelSim } from '../../sim/acrel';
import { DEMO_ACREL_METERS, DEMO_CREDENTIALS, DEMO_STS_METERS } from '../../sim/demo-data';
import { startHeadOfficeSim, type HeadOfficeSim } from '../../sim/head-office';
import { startStsVendorSim, type StsVendorSim } from '../../sim/sts-vendor';
import { FLEET_ACREL, FLEET_STS, rng, seedFleet } from '../../crash/fleet';
import { compareLedger } from '../../crash/ledger';
import { eventually } from '../../helpers/harness';
import { quoteWith, withConfirmation } from '../../helpers/confirm';

const VENDS = Number(process.env.NETWORK_VENDS ?? 1_000);
const LANES = 4;
let sts: StsVendorSim, acrel: AcrelSim, headOffice: HeadOfficeSim, app: App;

beforeAll(async () => {
  const c = DEMO_CREDENTIALS;
  sts = await startStsVendorSim({ credentials: c.sts, meters: [...DEMO_STS_METERS, ...FLEET_STS], timestampToleranceMs: 1_500 });
  acrel = await startAcrelSim({ credentials: c.acrel, meters: [...DEMO_ACREL_METERS, ...FLEET_ACREL] });
  headOffice = await startHeadOfficeSim({ credentials: c.headOffice });
  const env = {
    STS_API_BASE_URL: sts.url, STS_API_KEY: c.sts.apiKey, STS_API_SECRET: c.sts.apiSecret, STS_MERCHANT_ID: c.sts.merchantId ?? '',
    ACREL_API_BASE_URL: acrel.url, ACREL_API_KEY: c.acrel.apiKey, ACREL_API_SECRET: c.acrel.apiSecret, ACREL_MERCHANT_ID: c.acrel.merchantId ?? '',
    HEAD_OFFICE_URL: headOffice.url, HEAD_OFFICE_KEY: c.headOffice.apiKey, HEAD_OFFICE_SECRET: c.headOffice.apiSecret,
    STS_API_TIMEOUT: '250', STS_API_RETRY_ATTEMPTS: '1', ACREL_API_TIMEOUT: '250', ACREL_API_RETRY_ATTEMPTS: '1',
    SHAHN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-network-')), SHAHN_LOG_LEVEL: 'silent',
  };
  app = createApp(configFromEnv(env, {
    vendorTimestampToleranceMs: 1_500,
    vendorAcceptWindowMs: 2_000,
    outbox: { baseDelayMs: 30, maxDelayMs: 300, idleProbeMs: 100 },
    vending: { mode: 'vendor', offlineLimitMinor: 1_000_000_000, saleDeadlineMs: 600 },
    backup: { dir: null, intervalMinutes: 0, keep: 1 },
  }));
  seedDemo(app.db.write);
  seedFleet(app.db.write);
});
afterAll(async () => {
  await app?.close();
  await Promise.all([sts?.close(), acrel?.close(), headOffice?.close()]);
});

describe('network faults', () => {
  it(`${VENDS} vends under lost answers, 5xx, garbage, timeouts and outages: ledger = simulators`, async () => {
    const t0 = Date.now();
    const random = rng(7);
    const login = await app.call('auth.login', { username: 'cashier', pin: '1111' });
    if (!login.ok) throw new Error(login.error.message.en);
    const token = (login.value as { token: string }).token;
    const sims = [sts, acrel, headOffice];
    let tick = 0;
    const chaos = setInterval(() => {
      tick++;
      const sim = sims[Math.floor(random() * 3)]!;
      const r = random();
      // Mostly one-shot faults; now and then a sim goes away for a moment.
      if (tick % 97 === 0) void sim.setFaults({ offline: true }).then(() => setTimeout(() => void sim.setFaults({}), 300));
      else void sim.setFaults(r < 0.3 ? { dropResponseNext: true } : r < 0.55 ? { failNext: { status: 503 } } : r < 0.7 ? { malformedNext: true } : r < 0.85 ? { latencyMs: 300 } : { latencyMs: 5 });
    }, 15);
    let next = 0;
    const lane = async () => {
      while (next < VENDS) {
        next++;
        const isSts = random() < 0.6;
        const pool = isSts ? FLEET_STS : FLEET_ACREL;
        const meter = pool[Math.floor(random() * pool.length)]!.number;
        const amount = 1_000 + Math.floor(random() * 40) * 100;
        const input = await withConfirmation(quoteWith((c, i) => app.call(c, i, token)), { meterNumber: meter, amountMinor: amount, tenderedMinor: amount, paymentMethod: 'cash' });
        const r = await app.call('sales.sell', input, token);
        if (!r.ok) throw new Error(`sell refused: ${r.error.code} ${r.error.message.en}`);
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    clearInterval(chaos);
    await Promise.all(sims.map((s) => s.setFaults({})));
    const sold = Date.now();
    const open = () => (app.db.read.prepare(
      `SELECT (SELECT COUNT(*) FROM sales WHERE status IN ('paid', 'pending', 'unknown')) + (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS n`,
    ).get() as { n: number }).n;
    await eventually(() => open() === 0, 120_000, 'every sale final and the outbox empty');
    const report = compareLedger(app.db.file, { sts, acrel, headOffice });
    console.log(`network test: ${report.sales} vends sold in ${((sold - t0) / 1000).toFixed(1)} s, settled in ${((Date.now() - sold) / 1000).toFixed(1)} s; ` +
      `states ${JSON.stringify(report.byState)}; head-office repeats absorbed ${report.headOfficeRepeats}`);
    expect(report.problems).toEqual([]);
    expect(report.sales).toBe(VENDS);
  }, 30 * 60_000);
});
