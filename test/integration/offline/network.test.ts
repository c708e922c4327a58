// The network test: many vends (NETWORK_VENDS, default 1,000; the full proof is 10,000) from four
// concurrent lanes against simulators that drop answers after acting, answer 5xx, answer garbage,
// go slower than the client's timeout, or go away for a while. At the end the local ledger equals
// the simulators' records sale for sale (test/crash/ledger.ts). Run twice: the STS vendor over
// Shahn's own protocol, and over XMLVend 2.1 (NETWORK_XMLVEND_VENDS, default 300), where a sale
// the server refused at its price (its trial vend faulted) is sold again, as a cashier would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app/create-app';
import { configFromEnv } from '../../../main/app/config';
import { seedDemo } from '../../../scripts/seed-demo';
import { startAcrelSim } from '../../sim/acrel';
import { DEMO_ACREL_METERS, DEMO_CREDENTIALS, DEMO_STS_METERS } from '../../sim/demo-data';
import { startHeadOfficeSim } from '../../sim/head-office';
import { startStsVendorSim } from '../../sim/sts-vendor';
import { startXmlVendSim, type XmlVendSim } from '../../sim/xmlvend/server';
import { XMLVEND_DEMO_CREDENTIALS } from '../../sim/xmlvend/demo';
import { FLEET_ACREL, FLEET_STS, rng, seedFleet } from '../../crash/fleet';
import { compareLedger } from '../../crash/ledger';
import { xmlvendCharges } from '../../crash/xmlvend-charges';
import { eventually } from '../../helpers/harness';
import { quoteWith, withConfirmation } from '../../helpers/confirm';

const LANES = 4;
let closeAll: () => Promise<void> = async () => {};
afterEach(async () => closeAll());

const xmlvendEnv = (x: XmlVendSim) => ({
  STS_PROTOCOL: 'xmlvend', STS_API_BASE_URL: x.url, STS_MERCHANT_ID: XMLVEND_DEMO_CREDENTIALS.clientEan,
  STS_API_KEY: XMLVEND_DEMO_CREDENTIALS.opName, STS_API_SECRET: XMLVEND_DEMO_CREDENTIALS.password,
  STS_XMLVEND_TERMINAL_ID: 'NETWORK-1', STS_XMLVEND_CURRENCY: x.currency, STS_XMLVEND_ADVICE_WINDOW_MS: '3600000',
  // An XMLVend server's timeout starts at a second; the 600 ms sale deadline still cuts slow answers.
  STS_API_TIMEOUT: '1000',
});

describe.each([
  { protocol: 'shahn', vends: Number(process.env.NETWORK_VENDS ?? 1_000) },
  { protocol: 'xmlvend', vends: Number(process.env.NETWORK_XMLVEND_VENDS ?? 300) },
] as const)('network faults, STS vendor over $protocol', ({ protocol, vends: VENDS }) => {
  it(`${VENDS} vends under lost answers, 5xx, garbage, timeouts and outages: ledger = simulators`, async () => {
    const c = DEMO_CREDENTIALS;
    const sts = await startStsVendorSim({ credentials: c.sts, meters: [...DEMO_STS_METERS, ...FLEET_STS], timestampToleranceMs: 1_500 });
    const acrel = await startAcrelSim({ credentials: c.acrel, meters: [...DEMO_ACREL_METERS, ...FLEET_ACREL] });
    const headOffice = await startHeadOfficeSim({ credentials: c.headOffice });
    // Over XMLVend the STS cloud only decodes and loads the tokens on its meters (the same keys).
    const xmlvend = protocol === 'xmlvend' ? await startXmlVendSim({ style: 'conlog', meters: [...DEMO_STS_METERS, ...FLEET_STS] }) : null;
    const opened: { app?: App } = {};
    closeAll = async () => {
      await opened.app?.close();
      await Promise.all([sts.close(), acrel.close(), headOffice.close(), xmlvend?.close()]);
    };
    const env = {
      STS_API_BASE_URL: sts.url, STS_API_KEY: c.sts.apiKey, STS_API_SECRET: c.sts.apiSecret, STS_MERCHANT_ID: c.sts.merchantId ?? '',
      ACREL_API_BASE_URL: acrel.url, ACREL_API_KEY: c.acrel.apiKey, ACREL_API_SECRET: c.acrel.apiSecret, ACREL_MERCHANT_ID: c.acrel.merchantId ?? '',
      HEAD_OFFICE_URL: headOffice.url, HEAD_OFFICE_KEY: c.headOffice.apiKey, HEAD_OFFICE_SECRET: c.headOffice.apiSecret,
      STS_API_TIMEOUT: '250', STS_API_RETRY_ATTEMPTS: '1', ACREL_API_TIMEOUT: '250', ACREL_API_RETRY_ATTEMPTS: '1',
      SHAHN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-network-')), SHAHN_LOG_LEVEL: 'silent',
      ...(xmlvend ? xmlvendEnv(xmlvend) : {}),
    };
    const a = createApp(configFromEnv(env, {
      vendorTimestampToleranceMs: 1_500,
      vendorAcceptWindowMs: 2_000,
      outbox: { baseDelayMs: 30, maxDelayMs: 300, idleProbeMs: 100 },
      vending: { mode: 'vendor', offlineLimitMinor: 1_000_000_000, saleDeadlineMs: 600 },
      backup: { dir: null, intervalMinutes: 0, keep: 1 },
    }));
    opened.app = a;
    seedDemo(a.db.write);
    seedFleet(a.db.write);

    const t0 = Date.now();
    const random = rng(7);
    const login = await a.call('auth.login', { username: 'cashier', pin: '1111' });
    if (!login.ok) throw new Error(login.error.message.en);
    const token = (login.value as { token: string }).token;
    const sims = [xmlvend ?? sts, acrel, headOffice];
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
    let priceRefusals = 0;
    const lane = async () => {
      while (next < VENDS) {
        next++;
        const isSts = random() < 0.6;
        const pool = isSts ? FLEET_STS : FLEET_ACREL;
        const meter = pool[Math.floor(random() * pool.length)]!.number;
        const amount = 1_000 + Math.floor(random() * 40) * 100;
        for (;;) {
          // An XMLVend server that could not price the sale (its trial vend lost or faulted):
          // nothing was sold, the cashier sells it again.
          const input = await withConfirmation(quoteWith((ch, i) => a.call(ch, i, token)), { meterNumber: meter, amountMinor: amount, tenderedMinor: amount, paymentMethod: 'cash' })
            .catch((e: Error) => {
              if (xmlvend && /VENDOR_(UNREACHABLE|REFUSED)|PRICE_CHANGED/.test(e.message)) return null;
              throw e;
            });
          if (!input) { priceRefusals++; continue; }
          const r = await a.call('sales.sell', input, token);
          if (r.ok) break;
          if (xmlvend && ['VENDOR_UNREACHABLE', 'VENDOR_REFUSED', 'PRICE_CHANGED'].includes(r.error.code)) { priceRefusals++; continue; }
          throw new Error(`sell refused: ${r.error.code} ${r.error.message.en}`);
        }
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    clearInterval(chaos);
    await Promise.all(sims.map((s) => s.setFaults({})));
    const sold = Date.now();
    const open = () => (a.db.read.prepare(
      `SELECT (SELECT COUNT(*) FROM sales WHERE status IN ('paid', 'pending', 'unknown')) + (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS n`,
    ).get() as { n: number }).n;
    await eventually(() => open() === 0, 120_000, 'every sale final and the outbox empty');
    const report = compareLedger(a.db.file, { sts, acrel, headOffice }, xmlvend ? xmlvendCharges(a.db.file, xmlvend) : undefined);
    console.log(`network test (${protocol}): ${report.sales} vends sold in ${((sold - t0) / 1000).toFixed(1)} s, settled in ${((Date.now() - sold) / 1000).toFixed(1)} s; ` +
      `states ${JSON.stringify(report.byState)}; head-office repeats absorbed ${report.headOfficeRepeats}${xmlvend ? `; sales the server could not price, sold again: ${priceRefusals}` : ''}`);
    expect(report.problems).toEqual([]);
    expect(report.sales).toBe(VENDS);
  }, 30 * 60_000);
});
