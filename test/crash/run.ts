// The crash test: `tsx test/crash/run.ts`. The simulators live in THIS process; the core runs in
// a child that is SIGKILLed at every step boundary of a vend (after the paid commit, after the
// vendor answered, after the outcome commit, after printing) and at random moments, under varied
// network phases, until at least CRASH_TOTAL_SALES (1000) sales were paid. After every restart no
// sale may be left in `paid`; at the end the ledger must equal the simulators' records sale for
// sale (each sale credited exactly once, each at the head office exactly once).
// Env: CRASH_SEED (kill points and sales), CRASH_TOTAL_SALES, CRASH_KEEP=1 keeps the data folder,
// CRASH_STS=xmlvend: the STS vendor is the XMLVend 2.1 simulator (CRASH_XMLVEND_STYLE hexing|conlog).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAcrelSim } from '../sim/acrel';
import { DEMO_ACREL_METERS, DEMO_CREDENTIALS, DEMO_STS_METERS } from '../sim/demo-data';
import { startHeadOfficeSim } from '../sim/head-office';
import { startPrinterSim } from '../sim/printer';
import { startStsVendorSim } from '../sim/sts-vendor';
import { startXmlVendSim } from '../sim/xmlvend/server';
import { XMLVEND_DEMO_CREDENTIALS } from '../sim/xmlvend/demo';
import { xmlvendCharges } from './xmlvend-charges';
import { FLEET_ACREL, FLEET_STS, rng } from './fleet';
import { compareLedger } from './ledger';

const STEPS = ['paid', 'answered', 'outcome', 'printed', 'random'] as const;
const PHASES = ['online', 'online', 'sts-offline', 'lossy', 'acrel-offline', 'ho-offline'] as const;
type Phase = (typeof PHASES)[number] | 'settle';

async function main() {
  const seed = Number(process.env.CRASH_SEED ?? 20261122);
  const target = Number(process.env.CRASH_TOTAL_SALES ?? 1000);
  const random = rng(seed);
  const c = DEMO_CREDENTIALS;
  const sts = await startStsVendorSim({ credentials: c.sts, meters: [...DEMO_STS_METERS, ...FLEET_STS], timestampToleranceMs: 2_000 });
  const acrel = await startAcrelSim({ credentials: c.acrel, meters: [...DEMO_ACREL_METERS, ...FLEET_ACREL] });
  const headOffice = await startHeadOfficeSim({ credentials: c.headOffice });
  const printer = await startPrinterSim();
  // With CRASH_STS=xmlvend the STS cloud above only decodes and loads tokens on its meters (the
  // same demo keys); the sales go to the XMLVend server.
  const style = process.env.CRASH_XMLVEND_STYLE === 'conlog' ? 'conlog' : 'hexing';
  const xmlvend = process.env.CRASH_STS === 'xmlvend' ? await startXmlVendSim({ style, meters: [...DEMO_STS_METERS, ...FLEET_STS] }) : null;
  const sims = { sts, acrel, headOffice };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-crash-'));
  const baseEnv = {
    ...process.env,
    STS_API_BASE_URL: sts.url, STS_API_KEY: c.sts.apiKey, STS_API_SECRET: c.sts.apiSecret, STS_MERCHANT_ID: c.sts.merchantId ?? '',
    ACREL_API_BASE_URL: acrel.url, ACREL_API_KEY: c.acrel.apiKey, ACREL_API_SECRET: c.acrel.apiSecret, ACREL_MERCHANT_ID: c.acrel.merchantId ?? '',
    HEAD_OFFICE_URL: headOffice.url, HEAD_OFFICE_KEY: c.headOffice.apiKey, HEAD_OFFICE_SECRET: c.headOffice.apiSecret,
    STS_API_TIMEOUT: '1000', STS_API_RETRY_ATTEMPTS: '1', ACREL_API_TIMEOUT: '1000', ACREL_API_RETRY_ATTEMPTS: '1',
    SHAHN_DATA_DIR: dataDir, SHAHN_LOG_LEVEL: 'silent', CRASH_PRINTER: `tcp://${printer.host}:${printer.port}`,
    ...(xmlvend ? {
      STS_PROTOCOL: 'xmlvend', STS_API_BASE_URL: xmlvend.url, STS_MERCHANT_ID: XMLVEND_DEMO_CREDENTIALS.clientEan,
      STS_API_KEY: XMLVEND_DEMO_CREDENTIALS.opName, STS_API_SECRET: XMLVEND_DEMO_CREDENTIALS.password,
      STS_XMLVEND_TERMINAL_ID: 'CRASH-1', STS_XMLVEND_CURRENCY: xmlvend.currency,
    } : {}),
  };
  const paidIds = new Set<string>();
  const problems: string[] = [];
  const kills: Record<string, number> = {};
  const t0 = Date.now();

  async function setPhase(phase: Phase) {
    await sts.setFaults(phase === 'sts-offline' ? { offline: true } : {});
    await xmlvend?.setFaults(phase === 'sts-offline' ? { offline: true } : {});
    await acrel.setFaults(phase === 'acrel-offline' ? { offline: true } : {});
    await headOffice.setFaults(phase === 'ho-offline' ? { offline: true } : {});
  }

  /** Lost answers, 5xx and latency on a random simulator every few tens of ms. */
  function chaos(): () => void {
    const t = setInterval(() => {
      const sim = [xmlvend ?? sts, acrel, headOffice][Math.floor(random() * 3)]!;
      const r = random();
      void sim.setFaults(r < 0.4 ? { dropResponseNext: true } : r < 0.7 ? { failNext: { status: 503 } } : r < 0.85 ? { malformedNext: true } : { latencyMs: 30 });
    }, 60);
    return () => clearInterval(t);
  }

  function life(phase: Phase, step: string, at: number, sales: number): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'child.ts')], {
        env: { ...baseEnv, CRASH_PHASE: phase, CRASH_STEP: step === 'random' ? '' : step, CRASH_AT: String(at), CRASH_SALES: String(sales), CRASH_SEED: String(Math.floor(random() * 1e9)) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const lines: string[] = [];
      let buf = '';
      let killer: NodeJS.Timeout | undefined;
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 1);
          lines.push(line);
          if (line.startsWith('PAID ')) paidIds.add(line.slice(5));
          if (line.startsWith('READY')) {
            if (line !== 'READY paid=0') problems.push(`after restart: ${line}`);
            if (step === 'random') killer = setTimeout(() => child.kill('SIGKILL'), 150 + random() * 2_500);
          }
          if (line.startsWith('ERROR')) problems.push(line);
        }
      });
      child.on('exit', (_code, signal) => { clearTimeout(killer); resolve({ lines, signal }); });
    });
  }

  let lives = 0;
  while (paidIds.size < target) {
    const phase = PHASES[Math.floor(random() * PHASES.length)]!;
    const step = STEPS[lives % STEPS.length]!;
    await setPhase(phase);
    const stop = phase === 'lossy' ? chaos() : () => {};
    const r = await life(phase, step, 1 + Math.floor(random() * 60), 80);
    stop();
    lives++;
    if (r.signal === 'SIGKILL') kills[step] = (kills[step] ?? 0) + 1;
  }
  await setPhase('online');
  const settled = await life('settle', '', 0, 0);
  if (!settled.lines.includes('SETTLED')) problems.push(`settle: ${settled.lines.filter((l) => !l.startsWith('PAID')).join(' | ')}`);

  const report = compareLedger(path.join(dataDir, 'shahn.sqlite'), sims, xmlvend ? xmlvendCharges(path.join(dataDir, 'shahn.sqlite'), xmlvend) : undefined);
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path.join(dataDir, 'shahn.sqlite'), { readonly: true });
  for (const id of paidIds) if (!db.prepare('SELECT 1 FROM sales WHERE id = ?').get(id)) problems.push(`paid sale ${id} is lost`);
  db.close();
  problems.push(...report.problems);

  console.log(`crash test${xmlvend ? ` (STS over XMLVend, ${style} style)` : ''}: ${paidIds.size} paid sales over ${lives} child lives in ${((Date.now() - t0) / 1000).toFixed(1)} s (seed ${seed})`);
  console.log(`  SIGKILLs by step: ${JSON.stringify(kills)}`);
  console.log(`  final states: ${JSON.stringify(report.byState)}; head-office repeats absorbed: ${report.headOfficeRepeats}`);
  await Promise.all([sts.close(), acrel.close(), headOffice.close(), printer.close(), xmlvend?.close()]);
  if (process.env.CRASH_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(`FAILED: ${problems.length} problem(s):\n- ${problems.slice(0, 40).join('\n- ')}`);
    process.exit(1);
  }
  console.log('OK: every paid sale in exactly one final state; each credited once; each at the head office once.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
